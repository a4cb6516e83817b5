from odoo.tests import HttpCase, tagged

from .common_matching import MentoringMatchingBillingCase, MentoringMatchingCase


@tagged("post_install", "-at_install")
class TestMatchingTour(HttpCase, MentoringMatchingCase):
    def test_coordinator_finds_a_mentor_reads_why_and_proposes(self):
        self.create_partner_mentor("Sky Suspended").action_suspend()
        self.start_tour("/odoo", "peer_mentoring_matching_tour", login=self.coordinator_user.login)
        match = self.seeker.match_ids
        self.assertEqual((match.mentor_id, match.state, match.match_score), (self.mentor, "draft", 13.5))
        self.assertEqual(match.create_uid, self.coordinator_user)


@tagged("post_install", "-at_install")
class TestMatchingDeadEndTour(HttpCase, MentoringMatchingBillingCase):
    def test_nobody_to_propose_says_why_and_leads_to_the_authorisation(self):
        self.start_tour("/odoo", "peer_mentoring_matching_dead_end_tour", login=self.coordinator_user.login)
