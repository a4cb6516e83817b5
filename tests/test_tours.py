from odoo.tests import HttpCase, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestRoleTours(HttpCase, MentoringCase):
    """Each role's day in a real browser: the screens alone must be enough."""

    def test_coordinator_from_new_mentee_to_individual_plan(self):
        self.start_tour("/odoo", "peer_mentoring_coordinator_tour", login=self.coordinator_user.login)
        mentee = self.env["mentoring.mentee"].search([("name", "=", "Robin Tour")])
        self.assertEqual(mentee.program_ids, self.program)
        match = mentee.match_ids
        self.assertEqual((match.mentor_id, match.state), (self.mentor_b, "active"))
        self.assertEqual(match.agreement_ids.state, "signed")
        self.assertEqual(match.plan_ids.state, "signed")
        self.assertEqual(match.plan_ids.goal_ids.mapped("name"), ["Visit two bakeries"])

    def test_supervisor_reads_a_supervised_mentors_meeting(self):
        self.start_tour("/odoo", "peer_mentoring_supervisor_tour", login=self.supervisor_user.login)
        self.assertEqual(self.encounter.state, "draft")
