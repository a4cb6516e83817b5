from odoo.tests import HttpCase, tagged

from .common_safeguarding import SafeguardingCase


@tagged("post_install", "-at_install")
class TestSafeguardingTour(SafeguardingCase, HttpCase):
    def test_mentor_raises_a_concern_from_a_meeting_then_the_lead_reads_it(self):
        self.start_tour("/odoo", "peer_mentoring_safeguarding_raise_tour", login=self.mentor_user.login)
        concern = self.env["mentoring.safeguarding.concern"].search(
            [("raised_by_id", "=", self.mentor_user.id)]
        )
        self.assertEqual(len(concern), 1)
        self.assertEqual(concern.raised_by_id, self.mentor_user)
        self.assertEqual(concern.type_id, self.type_disclosure)
        self.assertEqual((concern.encounter_id, concern.match_id), (self.encounter, self.match))
        self.assertEqual(concern.steps_taken, "Told my supervisor by phone")
        self.start_tour("/odoo", "peer_mentoring_safeguarding_lead_tour", login=self.lead_user.login)
