from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestMatch(MentoringCase):
    def test_lifecycle_proposed_introduced_active_on_hold_closed(self):
        match = self.create_match(self.mentor, self.create_mentee("Lee Park"))
        self.assertEqual(match.state, "draft")
        match.action_introduce()
        self.assertEqual(match.state, "introduced")
        with self.assertRefused(UserError, "no signed agreement"):
            match.action_activate()
        self.create_agreement(match).action_sign()
        match.action_activate()
        self.assertEqual(match.state, "active")
        match.action_hold()
        self.assertEqual(match.state, "on_hold")
        match.action_activate()
        self.close_match(match, "goals_met", "Found a job")
        self.assertEqual(
            (match.state, match.closure_reason, match.date_closed), ("closed", "goals_met", self.today)
        )

    def test_planned_end_follows_the_programme_duration(self):
        match = self.create_match(self.mentor, self.create_mentee("Lee Park"), date_start="2026-01-15")
        self.assertEqual(str(match.date_end), "2027-01-15")

    def test_wrong_transitions_are_refused(self):
        with self.assertRefused(UserError, "cannot introduce"):
            self.match.action_introduce()
        with self.assertRefused(UserError, "cannot cancel"):
            self.match.action_cancel()
        with self.assertRefused(UserError, "cannot reopen"):
            self.match.action_reset_to_draft()

    def test_closing_needs_a_reason_and_other_needs_a_note(self):
        self.document_closure(self.match)
        with self.assertRefused(UserError, "why the match ends"):
            self.match._close(False, "")
        with self.assertRefused(UserError, "closure note"):
            self.match._close("other", "  ")
        wizard = self.env["mentoring.match.close"].create(
            {"match_ids": [(6, 0, self.match.ids)], "closure_reason": "no_fault_opt_out"}
        )
        wizard.action_close()
        self.assertEqual(self.match.state, "closed")

    def test_cancel_and_reopen_a_proposal(self):
        match = self.create_match(self.mentor, self.create_mentee("Lee Park"))
        match.action_cancel()
        match.action_reset_to_draft()
        self.assertEqual(match.state, "draft")

    def test_mentor_over_capacity_cannot_be_matched(self):
        self.create_match(self.mentor, self.create_mentee("Second")).action_introduce()
        third = self.create_match(self.mentor, self.create_mentee("Third"))
        with self.assertRefused(
            ValidationError, "No free place \\(2 of 2 places taken\\).*capacity allows 2"
        ):
            third.action_introduce()
        self.assertEqual(third.state, "draft")

    def test_coordinator_can_override_capacity_with_a_reason(self):
        self.create_match(self.mentor, self.create_mentee("Second")).action_introduce()
        third = self.create_match(self.mentor, self.create_mentee("Third"))
        third.with_user(self.coordinator_user).write(
            {"capacity_override_reason": "Short-term cover while Ben is away"}
        )
        third.with_user(self.coordinator_user).action_introduce()
        self.assertEqual(third.state, "introduced")

    def test_only_a_coordinator_records_a_capacity_override(self):
        with self.assertRefused(UserError, "Only a programme coordinator"):
            self.match.with_user(self.supervisor_user).write({"capacity_override_reason": "Because"})

    def test_a_mentor_capacity_overrides_the_programme_guidance(self):
        self.mentor.capacity = 3
        self.create_match(self.mentor, self.create_mentee("Second")).action_introduce()
        third = self.create_match(self.mentor, self.create_mentee("Third"))
        third.action_introduce()
        self.assertEqual(self.mentor.ongoing_match_count, 3)

    def test_mentor_must_belong_to_the_programme(self):
        outsider_program = self.env["mentoring.program"].create({"name": "Other", "code": "OTH"})
        with self.assertRefused(ValidationError, "not a mentor of the programme"):
            self.create_match(self.mentor_b, self.mentee, program=outsider_program)

    def test_closed_match_is_read_only_except_for_a_coordinator(self):
        self.close_match(self.match, "planned_end")
        with self.assertRefused(UserError, "closed"):
            self.encounter.with_user(self.mentor_user).write({"next_steps": "changed"})
        with self.assertRefused(UserError, "closed"):
            self.env["mentoring.agreement"].with_user(self.mentor_user).create(
                {"match_id": self.match.id, "purpose": "late"}
            )
        self.match.with_user(self.coordinator_user).write({"date_end": self.today})
        self.encounter.with_user(self.coordinator_user).write({"next_steps": "corrected"})
        self.assertEqual(self.encounter.next_steps, "corrected")

    def test_started_match_cannot_be_deleted_but_can_be_archived(self):
        with self.assertRefused(UserError, "archive it"):
            self.match.with_user(self.coordinator_user).unlink()
        self.match.with_user(self.coordinator_user).action_archive()
        self.assertFalse(self.match.active)
        proposal = self.create_match(self.mentor, self.create_mentee("Lee Park"))
        proposal.with_user(self.coordinator_user).unlink()
        self.assertFalse(proposal.exists())

    def test_suspending_a_mentor_holds_every_ongoing_match(self):
        second = self.create_match(self.mentor, self.create_mentee("Second"))
        second.action_introduce()
        self.mentor.with_user(self.coordinator_user).action_suspend()
        self.assertEqual(self.mentor.state, "suspended")
        self.assertEqual(set((self.match | second).mapped("state")), {"on_hold"})
        self.assertIn("mentor suspended", self.match.message_ids[0].body)
        self.assertEqual(self.match_b.state, "active")

    def test_certifying_needs_the_code_of_ethics_acknowledged(self):
        applicant = self.env["mentoring.mentor"].create(
            {"partner_id": self.env["res.partner"].create({"name": "Vol"}).id}
        )
        with self.assertRefused(UserError, "acknowledged the code of ethics"):
            applicant.action_certify()
        applicant.ethics_ack_date = self.today
        applicant.action_start_internship()
        applicant.action_certify()
        self.assertEqual(applicant.state, "certified")

    def test_a_mentor_is_an_employee_or_a_contact_not_both(self):
        with self.assertRefused(ValidationError, "either an Employee"):
            self.env["mentoring.mentor"].create({"name": "Nobody"})
        with self.assertRaises(ValidationError):
            self.mentor.partner_id = self.env["res.partner"].create({"name": "Also"})

    def test_state_changes_are_in_the_chatter_with_their_author(self):
        self.match.with_user(self.coordinator_user).action_hold()
        self.flush_tracking()
        message = self.match.message_ids.filtered(lambda m: m.tracking_value_ids)[0]
        self.assertEqual(message.author_id, self.coordinator_user.partner_id)
        self.assertEqual(message.tracking_value_ids.new_value_char, "On hold")
