from odoo.tests import HttpCase, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestMatchClosureTour(MentoringCase, HttpCase):
    def test_coordinator_closes_a_match_through_the_closure_steps(self):
        self.start_tour("/odoo", "peer_mentoring_match_closure_tour", login=self.coordinator_user.login)
        self.assertEqual(self.match.state, "closed")
        closure = self.match.closure_id
        self.assertEqual(
            (closure.state, closure.closure_kind, closure.closure_reason), ("done", "planned", "goals_met")
        )
        self.assertEqual(closure.mentee_conversation, "not_reached")
        self.assertEqual(closure.attempt_ids.mapped("method"), ["phone"])
        self.assertEqual(closure.contact_rule, "agency")
