from odoo import Command
from odoo.tests import tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestGoalsMoveOnWithMeetings(MentoringCase):
    """A goal's status follows the progress of the confirmed meetings that worked on it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["mentoring.plan"].create(
            {
                "match_id": cls.match.id,
                "person_centred_goals": "Work in a library",
                "goal_ids": [
                    Command.create({"name": "Get a library card", "is_first_two": True}),
                    Command.create({"name": "Apply for a job", "is_first_two": True}),
                ],
                "mentor_signed_on": cls.yesterday,
                "mentee_signed_on": cls.yesterday,
            }
        )
        cls.plan.action_sign()
        cls.card, cls.job = cls.plan.goal_ids

    def confirm_meeting(self, goal, progress, start=14.0, **vals):
        encounter = self.create_encounter(
            self.match,
            goal_id=goal.id,
            progress=progress,
            start_time=start,
            end_time=start + 0.5,
            progress_explanation="Filled in the form",
            **vals,
        )
        encounter.with_user(self.mentor_user).action_confirm()
        return encounter

    def test_some_steps_put_a_goal_in_progress_and_met_goal_achieves_it(self):
        self.assertEqual(self.card.status, "not_started")
        self.confirm_meeting(self.card, "some_steps")
        self.assertEqual(self.card.status, "in_progress")
        self.confirm_meeting(self.card, "met", start=15.0)
        self.assertEqual(self.card.status, "achieved")
        self.assertEqual(self.job.status, "not_started", "only the meeting's goal moves")

    def test_a_goal_never_moves_back_nor_out_of_pause(self):
        self.confirm_meeting(self.card, "met")
        self.confirm_meeting(self.card, "some_steps", start=15.0)
        self.assertEqual(self.card.status, "achieved")
        self.job.status = "paused"
        self.confirm_meeting(self.job, "considerable", start=16.0)
        self.assertEqual(self.job.status, "paused")

    def test_no_action_leaves_the_goal_as_it_was(self):
        self.confirm_meeting(self.card, "no_action", no_action_reason="sick")
        self.assertEqual(self.card.status, "not_started")

    def test_a_draft_meeting_does_not_move_the_goal(self):
        self.create_encounter(self.match, goal_id=self.card.id, progress="met")
        self.assertEqual(self.card.status, "not_started")
