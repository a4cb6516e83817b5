"""Holes found by attacking the first fix of issue 6 over JSON-RPC (red-team review), each as the
user who must be refused."""

from datetime import timedelta

from odoo import Command
from odoo.addons.mail.tools.discuss import Store
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MentoringBillingCase


@tagged("post_install", "-at_install")
class TestFollowers(MentoringBillingCase):
    def test_a_former_mentor_stops_following_when_the_match_is_cancelled(self):
        lee = self.create_mentee("Lee Park")
        match = self.create_match(self.mentor_b, lee)
        match.action_introduce()
        partner = self.mentor_b_user.partner_id
        lee.with_user(self.mentor_b_user).message_subscribe(partner_ids=partner.ids)
        match.with_user(self.mentor_b_user).message_subscribe(partner_ids=partner.ids)
        self.assertIn(partner, lee.message_partner_ids)
        match.with_user(self.coordinator_user).action_cancel()
        self.assertNotIn(partner, lee.message_partner_ids)
        self.assertNotIn(partner, match.message_partner_ids)
        lee.with_user(self.coordinator_user).message_post(
            body="Lee disclosed self-harm", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        Message = self.env["mail.message"].with_user(self.mentor_b_user)
        self.assertFalse(Message.search([("body", "ilike", "self-harm")]))

    def test_a_mentor_cannot_make_an_outsider_follow_or_address_them(self):
        outsider = self.hr_user.partner_id
        as_mentor = self.encounter.with_user(self.mentor_user)
        with self.assertRefused(UserError, "cannot read"):
            as_mentor.message_subscribe(partner_ids=outsider.ids)
        with self.assertRefused(UserError, "cannot read"):
            as_mentor.message_post(body="FYI", partner_ids=outsider.ids, message_type="comment")
        with self.assertRefused(UserError, "cannot read"):
            self.mentee.with_user(self.coordinator_user).message_subscribe(
                partner_ids=self.mentee.partner_id.ids
            )
        self.assertNotIn(outsider, self.encounter.message_partner_ids)
        # The people of the match still follow and are addressed.
        as_mentor.message_post(body="See you Tuesday", partner_ids=self.coordinator_user.partner_id.ids)
        self.encounter.with_user(self.coordinator_user).message_subscribe(
            partner_ids=self.supervisor_user.partner_id.ids
        )
        self.assertIn(self.supervisor_user.partner_id, self.encounter.message_partner_ids)

    def test_who_may_read_a_record_sees_who_follows_it(self):
        self.encounter.message_subscribe(
            partner_ids=(self.coordinator_user | self.mentor_user).partner_id.ids
        )
        store = Store()
        self.encounter.with_user(self.coordinator_user)._message_followers_to_store(store, reset=True)
        self.assertIn(str(self.mentor_user.partner_id.id), str(store.get_result()))
        # Odoo's own follower rows stay each follower's own.
        Followers = self.env["mail.followers"].with_user(self.coordinator_user)
        self.assertFalse(
            Followers.search(
                [
                    ("res_model", "=", "mentoring.encounter"),
                    ("partner_id", "=", self.mentor_user.partner_id.id),
                ]
            )
        )


@tagged("post_install", "-at_install")
class TestClosedAndConfirmedStay(MentoringBillingCase):
    def test_a_closed_match_is_read_only_for_its_mentor_in_every_way(self):
        draft_meeting = self.create_encounter(self.match, progress=False)
        draft_agreement = self.env["mentoring.agreement"].create({"match_id": self.match.id, "purpose": "v2"})
        self.close_match(self.match, "planned_end")
        as_mentor = self.env(user=self.mentor_user)
        attempts = [
            lambda: draft_meeting.with_env(as_mentor).unlink(),
            lambda: draft_agreement.with_env(as_mentor).unlink(),
            lambda: self.plan.with_env(as_mentor).unlink(),
            lambda: self.goal.with_env(as_mentor).write({"status": "achieved"}),
            lambda: self.goal.with_env(as_mentor).unlink(),
            lambda: (
                self.env["mentoring.goal"].with_env(as_mentor).create({"plan_id": self.plan.id, "name": "x"})
            ),
            lambda: draft_meeting.with_env(as_mentor).message_post(body="late note"),
        ]
        for attempt in attempts:
            with self.assertRefused(UserError, "closed"):
                attempt()
        self.assertTrue(draft_meeting.exists() and draft_agreement.exists() and self.goal.exists())

    def test_a_confirmed_meeting_is_never_deleted(self):
        meeting = self.billable_encounter(15.0, 15.75)
        meeting.action_confirm()
        with self.assertRefused(UserError, "Only a programme coordinator"):
            meeting.with_user(self.mentor_user).action_cancel()
        meeting.with_user(self.coordinator_user).action_cancel()
        self.assertEqual(meeting.state, "cancelled")
        for user in (self.mentor_user, self.coordinator_user):
            with self.assertRefused(UserError, "cannot be deleted"):
                meeting.with_user(user).unlink()
        self.assertTrue(meeting.exists())
        # A draft that was never confirmed can still be thrown away.
        scrap = self.create_encounter(self.match, start_time=17.0, end_time=17.5)
        scrap.with_user(self.mentor_user).unlink()
        self.assertFalse(scrap.exists())

    def test_an_approved_monthly_timesheet_keeps_what_was_claimed(self):
        self.program.product_id = False
        day = self.today.replace(day=1) - timedelta(days=1)
        claimed = self.create_encounter(self.match, date=day, start_time=18.0, end_time=19.0)
        claimed.action_confirm()
        sheet = (
            self.env["mentoring.monthly.timesheet"]
            .with_user(self.mentor_user)
            .create({"mentor_id": self.mentor.id, "month": day})
        )
        sheet.action_submit()
        sheet.with_user(self.coordinator_user).action_approve()
        with self.assertRefused(UserError, "monthly timesheet"):
            claimed.with_user(self.coordinator_user).action_cancel()
        later = self.create_encounter(self.match, date=day, start_time=8.0, end_time=12.0)
        later.action_confirm()
        self.env.invalidate_all()
        self.assertEqual(sheet.encounter_ids, claimed)
        self.assertEqual(sheet.total_minutes, 60)
        with self.assertRefused(UserError, "cannot be set directly"):
            sheet.with_user(self.mentor_user).write({"claimed_encounter_ids": [Command.link(later.id)]})


@tagged("post_install", "-at_install")
class TestSharedRecords(MentoringBillingCase):
    def test_approved_authorisation_keeps_the_payers_terms(self):
        auth = self.authorization.with_user(self.coordinator_user)
        other = self.create_mentee("Lee Park")
        for vals in (
            {"units_authorized": 4800},
            {"date_to": self.today + timedelta(days=3000)},
            {"mentee_id": other.id},
            {"name": "AUTH-X"},
        ):
            with self.assertRefused(UserError, "keeps the terms"):
                auth.write(vals)
        self.assertEqual(
            (self.authorization.units_authorized, self.authorization.mentee_id), (40, self.mentee)
        )

    def test_another_programmes_coordinator_cannot_change_a_shared_mentor(self):
        shared = self.mentor.with_user(self.coordinator_b_user)
        for vals in (
            {"name": "Renamed"},
            {"capacity": 0},
            {"ethics_ack_date": self.today},
            {"active": False},
        ):
            with self.assertRefused(UserError, "coordinator of every programme"):
                shared.write(vals)
        for action in (shared.action_certify, shared.action_deactivate):
            with self.assertRefused(UserError, "coordinator of every programme"):
                action()
        self.assertEqual(
            (self.mentor.name, self.mentor.capacity, self.mentor.active), ("Ada Mentor", 2, True)
        )
        # Each coordinator still manages their own programme on the mentor, and the manager all.
        self.mentor.with_user(self.manager_user).write({"capacity": 3})
        self.assertEqual(self.mentor.capacity, 3)

    def test_only_the_programmes_coordinators_rename_a_mentee(self):
        with self.assertRefused(UserError, "takes part in mentoring"):
            self.mentee.partner_id.with_user(self.coordinator_b_user).write({"name": "Renamed"})
        self.assertEqual(self.mentee.name, "Jamie Rivera")
        self.mentee.partner_id.with_user(self.coordinator_user).write({"name": "Jamie Rivera-Lopez"})
        self.assertEqual(self.mentee.name, "Jamie Rivera-Lopez")
        # Contacts who are nobody's mentee are edited as before.
        self.payer.with_user(self.coordinator_b_user).write({"name": "Sunrise Health"})

    def test_finance_is_not_shown_meetings_the_payer_does_not_pay(self):
        intern_meeting = self.billable_encounter(8.0, 8.5)
        self.mentor.sudo().state = "intern"
        intern_meeting.action_confirm()
        self.assertFalse(intern_meeting.billed_units)
        Entry = self.env["mentoring.billing.entry"].with_user(self.finance_user)
        self.assertFalse(Entry.search([("id", "=", intern_meeting.id)]))
        with self.assertRaises(AccessError):
            intern_meeting.with_user(self.finance_user).read(["date"])
