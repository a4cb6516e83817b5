"""The coordinator's home lists what needs doing in their programmes, and nothing of others'."""

from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from .common import MentoringBillingCase


@tagged("post_install", "-at_install")
class TestCoordinatorOverview(MentoringBillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A match introduced 40 days ago: no meeting since, and no signed agreement.
        cls.quiet = cls.create_match(
            cls.mentor_b, cls.create_mentee("Lee Park"), date_start=cls.today - timedelta(days=40)
        )
        cls.quiet.action_introduce()
        cls.plan.write(
            {
                "mentor_signed_on": cls.yesterday,
                "mentee_signed_on": cls.yesterday,
                "next_review_date": cls.today,
            }
        )
        cls.plan.action_sign()
        cls.expiring = cls.create_authorization(
            "AUTH-SOON", units=8, date_from=cls.today, date_to=cls.today + timedelta(days=5)
        )
        cls.outside = cls.billable_encounter(cls, 9.0, 9.5)
        cls.authorization.write({"date_from": cls.today})  # so yesterday's meeting is outside it
        cls.outside.action_confirm()

    def items(self, user):
        return self.env["mentoring.overview.item"].with_user(user).search([])

    def test_coordinator_sees_each_kind_of_thing_to_do(self):
        items = self.items(self.coordinator_user)
        found = {(item.kind, item.res_model, item.res_id) for item in items}
        # No meeting for 40 days, and its check-ins missed: getting in touch is one card, the
        # check-in's (test_needs_doing_cards).
        self.assertIn(("checkin_overdue", "mentoring.match", self.quiet.id), found)
        self.assertNotIn(("no_contact", "mentoring.match", self.quiet.id), found)
        self.assertIn(("agreement", "mentoring.match", self.quiet.id), found)
        self.assertIn(("plan_review", "mentoring.plan", self.plan.id), found)
        self.assertIn(("authorization", "mentoring.authorization", self.expiring.id), found)
        self.assertIn(("billing", "mentoring.encounter", self.outside.id), found)
        # Active matches with a signed agreement and a recent meeting need nothing.
        self.create_encounter(self.match_b, date=self.yesterday).action_confirm()
        self.assertNotIn(
            ("no_contact", "mentoring.match", self.match_b.id),
            {(i.kind, i.res_model, i.res_id) for i in self.items(self.coordinator_user)},
        )
        action = items.filtered(lambda i: i.kind == "plan_review").action_open()
        self.assertEqual((action["res_model"], action["res_id"]), ("mentoring.plan", self.plan.id))

    def test_other_coordinators_and_mentors_see_none_of_it(self):
        self.assertFalse(self.items(self.coordinator_b_user))
        foster = self.create_match(
            self.mentor,
            self.create_mentee("Robin Chen", program=self.other_program),
            program=self.other_program,
        )
        foster.action_introduce()
        self.assertEqual(self.items(self.coordinator_b_user).match_id, foster)
        self.assertNotIn(foster, self.items(self.coordinator_user).match_id)
        with self.assertRaises(Exception):  # noqa: B017 - mentors have no access at all
            self.items(self.mentor_user)
        self.program.write({"coordinator_ids": [Command.link(self.coordinator_b_user.id)]})
        self.assertIn(self.quiet, self.items(self.coordinator_b_user).match_id)
