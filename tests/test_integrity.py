"""Issue 6, integrity: what was signed, confirmed, billed or approved changes only through the
action methods, which check who acts. Every attack here is a direct write or a client-sent context
that worked before issue 6."""

from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MentoringBillingCase

OLD_BYPASS = {"mentoring_document_transition": True, "mentoring_closing": True}


@tagged("post_install", "-at_install")
class TestIntegrity(MentoringBillingCase):
    def test_a_context_key_does_not_unlock_a_signed_agreement(self):
        agreement = self.agreement.with_user(self.mentor_user).with_context(**OLD_BYPASS)
        with self.assertRefused(UserError, "signed and can no longer be changed"):
            agreement.write({"purpose": "Rewritten after signing"})
        with self.assertRefused(UserError, "cannot be deleted"):
            agreement.unlink()
        self.assertEqual(self.agreement.purpose, "Find paid work")

    def test_a_context_key_does_not_reword_a_signed_plans_goal(self):
        self.plan.mentee_signed_on = self.plan.mentor_signed_on = self.yesterday
        self.plan.action_sign()
        goal = self.goal.with_user(self.mentor_user).with_context(**OLD_BYPASS)
        with self.assertRefused(UserError, "keep their wording"):
            goal.write({"name": "Something else entirely"})
        goal.write({"status": "in_progress"})  # its status still moves on
        self.assertEqual((self.goal.name, self.goal.status), ("Get a part-time job", "in_progress"))

    def test_state_cannot_be_written_directly(self):
        draft = self.billable_encounter(15.0, 15.5)
        attempts = [
            (draft, {"state": "confirmed"}),
            (self.agreement, {"state": "draft"}),
            (self.match, {"state": "closed"}),
            (self.mentor, {"state": "certified"}),
        ]
        for record, vals in attempts:
            for user in (self.mentor_user, self.coordinator_user):
                with self.assertRefused(
                    UserError,
                    "cannot be set directly|can no longer be changed|your languages|coordinator of every programme",
                ):
                    record.with_user(user).with_context(**OLD_BYPASS).write(vals)
        self.assertEqual(draft.state, "draft")
        self.assertEqual(self.agreement.state, "signed")

    def test_a_confirmed_meeting_cannot_be_sent_back_to_draft_and_deleted(self):
        confirmed = self.billable_encounter(15.0, 15.5)
        confirmed.action_confirm()
        as_mentor = confirmed.with_user(self.mentor_user)
        with self.assertRefused(UserError, "cannot be set directly"):
            as_mentor.write({"state": "draft"})
        with self.assertRefused(UserError, "cannot be deleted"):
            as_mentor.unlink()
        with self.assertRefused(UserError, "Only a cancelled encounter"):
            as_mentor.action_reset_to_draft()
        self.assertEqual(confirmed.state, "confirmed")

    def test_a_billed_meeting_is_not_cancelled_behind_its_timesheet(self):
        billed = self.billable_encounter(15.0, 15.75)
        billed.action_confirm()
        self.invoice(self.authorization.sale_order_id)
        for vals in ({"state": "cancelled"}, {"billed_units": 0}, {"authorization_id": False}):
            with self.assertRefused(UserError, "cannot be set directly"):
                billed.with_user(self.coordinator_user).write(vals)
        with self.assertRefused(UserError, "already billed on invoice"):
            billed.with_user(self.coordinator_user).action_cancel()
        self.assertEqual((billed.state, billed.billed_units), ("confirmed", 3))
        self.assertEqual(billed.timesheet_ids.unit_amount, 0.75)

    def test_the_documentation_of_a_confirmed_meeting_is_kept(self):
        confirmed = self.billable_encounter(15.0, 15.5)
        confirmed.action_confirm()
        for vals in (
            {"progress": "no_action", "no_action_reason": "sick"},
            {"goal_id": False},
            {"mentor_signed_on": False},
        ):
            with self.assertRefused(UserError, "is confirmed"):
                confirmed.with_user(self.mentor_user).write(vals)
        self.assertEqual((confirmed.progress, confirmed.goal_id), ("met", self.goal))

    def test_an_agreement_is_not_signed_without_the_mentees_signature(self):
        second = self.create_match(self.mentor_b, self.create_mentee("Lee Park"))
        second.action_introduce()
        draft = self.env["mentoring.agreement"].create(
            {
                "match_id": second.id,
                "purpose": "Travel",
                "development_goals": "Bus",
                "mentor_signed_on": self.today,
            }
        )
        as_mentor = draft.with_user(self.mentor_b_user)
        with self.assertRefused(UserError, "cannot be set directly"):
            as_mentor.write({"state": "signed", "date_signed": self.today})
        with self.assertRefused(UserError, "the mentee's signature"):
            as_mentor.action_sign()
        self.assertEqual(draft.state, "draft")

    def test_a_mentor_never_signs_for_the_coordinator(self):
        draft = self.env["mentoring.agreement"].create({"match_id": self.match.id, "purpose": "v2"})
        as_mentor = draft.with_user(self.mentor_user)
        for vals in (
            {"coordinator_signature": b"R0lGODlhAQABAAAAACw="},
            {"coordinator_signed_by": "Coordinator", "coordinator_signed_on": self.today},
        ):
            with self.assertRefused(UserError, "cannot sign for the coordinator"):
                as_mentor.write(vals)
        as_mentor.write({"mentor_signed_on": self.today, "mentee_signed_on": self.today})
        draft.with_user(self.coordinator_user).write({"coordinator_signed_on": self.today})
        self.assertEqual(draft.coordinator_signed_on, self.today)

    def test_another_mentor_or_a_supervisor_does_not_sign_for_the_mentor(self):
        draft = self.env["mentoring.agreement"].create({"match_id": self.match.id, "purpose": "v2"})
        with self.assertRaises(UserError):
            draft.with_user(self.supervisor_user).write({"mentor_signed_on": self.today})
        with self.assertRaises(UserError):
            draft.with_user(self.mentor_b_user).write({"mentee_signed_on": self.today})
        self.assertFalse(draft.mentor_signed_on or draft.mentee_signed_on)

    def test_a_mentor_does_not_approve_their_own_monthly_timesheet(self):
        sheet = self.last_months_timesheet()
        with self.assertRefused(UserError, "cannot be set directly"):
            sheet.write({"state": "approved", "approved_by_id": self.coordinator_user.id})
        with self.assertRefused(UserError, "cannot be set directly"):
            self.env["mentoring.monthly.timesheet"].with_user(self.mentor_user).create(
                {"mentor_id": self.mentor.id, "month": sheet.month - timedelta(days=40), "state": "approved"}
            )
        sheet.action_submit()
        with self.assertRefused(UserError, "Only a programme coordinator"):
            sheet.action_approve()
        self.assertEqual((sheet.state, sheet.approved_by_id.id), ("submitted", False))
        sheet.with_user(self.coordinator_user).action_approve()
        self.assertEqual(sheet.approved_by_id, self.coordinator_user)

    def test_a_coordinator_moves_matches_only_of_their_programmes(self):
        foster = self.create_mentee("Robin Chen", program=self.other_program)
        foster_match = self.create_match(self.mentor, foster, program=self.other_program)
        with self.assertRaises(AccessError):
            foster_match.with_user(self.coordinator_user).action_introduce()
        self.assertEqual(foster_match.state, "draft")
        with self.assertRefused(UserError, "fixed once they have been introduced"):
            self.match.with_user(self.coordinator_user).write({"mentor_id": self.mentor_b.id})

    def test_authorisation_state_only_through_its_buttons(self):
        draft = self.create_authorization("AUTH-2", units=8, approve=False)
        for vals in ({"state": "approved"}, {"sale_order_id": self.authorization.sale_order_id.id}):
            with self.assertRefused(UserError, "cannot be set directly"):
                draft.with_user(self.coordinator_user).write(vals)
        with self.assertRaises(AccessError):
            draft.with_user(self.finance_user).action_approve()
        draft.with_user(self.coordinator_user).action_approve()
        self.assertEqual(draft.state, "approved")
        self.assertTrue(draft.sale_order_id)

    def test_who_changed_what_is_in_the_chatter(self):
        draft = self.billable_encounter(16.0, 16.5)
        self.flush_tracking()
        draft.with_user(self.mentor_user).action_confirm()
        self.flush_tracking()
        tracked = draft.message_ids.filtered(
            lambda m: m.tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        )
        self.assertEqual(tracked[:1].author_id, self.mentor_user.partner_id)
