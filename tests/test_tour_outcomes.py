from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestOutcomesTour(HttpCase, MentoringCase):
    """Issue 20: from login, a coordinator rates the goals at a plan review and prints the
    programme's funder report."""

    def test_coordinator_rates_goals_and_prints_the_funder_report(self):
        plan = self.env["mentoring.plan"].create(
            {
                "match_id": self.match.id,
                "person_centred_goals": "Work in a library",
                "mentor_signed_on": self.yesterday,
                "mentee_signed_on": self.yesterday,
                "goal_ids": [
                    Command.create(
                        {"name": "Find a job", "expected_outcome": "Two interviews", "is_first_two": True}
                    )
                ],
            }
        )
        plan.action_sign()
        self.start_tour("/odoo", "peer_mentoring_outcomes_tour", login=self.coordinator_user.login)
        ratings = plan.goal_rating_ids.sorted("rater")
        self.assertEqual(
            [(r.rater, r.score, r.create_uid) for r in ratings],
            [("mentee", "1", self.coordinator_user), ("mentor", "0", self.coordinator_user)],
        )
