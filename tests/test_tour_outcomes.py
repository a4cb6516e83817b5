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

    def test_spreadsheet_export_over_http_is_for_the_programmes_coordinators(self):
        report = (
            self.env["mentoring.funder.report"]
            .with_user(self.coordinator_user)
            .create({"program_id": self.program.id})
        )
        url = f"/peer_mentoring/funder_report/{report.id}/xlsx"
        self.authenticate(self.coordinator_user.login, self.coordinator_user.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:2], b"PK")
        self.authenticate(self.coordinator_b_user.login, self.coordinator_b_user.login)
        response = self.url_open(url)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotEqual(response.content[:2], b"PK")
