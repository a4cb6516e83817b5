from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestIndividualPlan(MentoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["mentoring.plan"].create(
            {
                "match_id": cls.match.id,
                "person_centred_goals": "Work in a library; travel alone",
                "goal_ids": [
                    (0, 0, {"name": "Get a part-time job", "is_first_two": True}),
                    (0, 0, {"name": "Take the bus alone", "is_first_two": True}),
                    (0, 0, {"name": "Join a club"}),
                ],
                "mentor_signed_on": cls.yesterday,
                "mentee_signed_on": cls.yesterday,
            }
        )

    def test_at_most_two_first_goals(self):
        with self.assertRefused(ValidationError, "at most two goals"):
            self.plan.goal_ids[2].is_first_two = True

    def test_signing_needs_the_first_goals_and_both_signatures(self):
        plan = self.env["mentoring.plan"].create(
            {"match_id": self.match.id, "person_centred_goals": "x", "goal_ids": [(0, 0, {"name": "G"})]}
        )
        with self.assertRefused(UserError, "mentor's signature, the mentee's signature, the first goals"):
            plan.action_sign()

    def test_signed_plan_freezes_goal_wording_but_not_goal_status(self):
        self.plan.action_sign()
        goal = self.plan.goal_ids[0]
        goal.with_user(self.mentor_user).write({"status": "in_progress", "status_note": "Applied twice"})
        self.assertEqual(goal.status, "in_progress")
        with self.assertRefused(UserError, "keep their wording"):
            goal.with_user(self.mentor_user).write({"name": "Get a full-time job"})
        with self.assertRefused(UserError, "signed"):
            self.plan.with_user(self.mentor_user).write({"first_steps": "changed"})

    def test_new_version_copies_goals_and_supersedes_on_signing(self):
        self.plan.action_sign()
        self.plan.goal_ids[0].status = "achieved"
        new = self.env["mentoring.plan"].browse(self.plan.action_new_version()["res_id"])
        self.assertEqual(new.goal_ids.mapped("name"), self.plan.goal_ids.mapped("name"))
        self.assertEqual(new.goal_ids[0].status, "achieved")
        new.write({"mentor_signed_on": self.today, "mentee_signed_on": self.today})
        new.action_sign()
        self.assertEqual(self.plan.state, "superseded")

    def test_encounter_goal_choices_are_the_matchs_current_goals(self):
        self.plan.action_sign()
        encounter = self.create_encounter(self.match, date=self.today, goal_id=self.plan.goal_ids[0].id)
        domain = encounter._fields["goal_id"].domain
        self.assertIn("match_id", domain)
        options = self.env["mentoring.goal"].search(
            [("match_id", "=", self.match.id), ("plan_state", "!=", "superseded")]
        )
        self.assertEqual(options, self.plan.goal_ids)
