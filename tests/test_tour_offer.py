from odoo.tests import HttpCase, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestOfferTour(HttpCase, MentoringCase):
    def test_supervisor_is_offered_no_new_agreement_and_told_why(self):
        self.start_tour("/odoo", "peer_mentoring_offer_tour", login=self.supervisor_user.login)
