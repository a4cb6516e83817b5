from datetime import timedelta

from odoo.tests import HttpCase, tagged

from .common_claims import MentoringClaimsCase


@tagged("post_install", "-at_install")
class TestClaimsTour(HttpCase, MentoringClaimsCase):
    def test_finance_creates_the_claim_of_a_posted_invoice_and_prints_the_cms1500(self):
        self.deliver(10.0, 10.75, self.today - timedelta(days=3))
        self.deliver(11.0, 11.5, self.today - timedelta(days=2), location_type="virtual")
        invoice = self.invoice_services()

        self.start_tour(
            f"/odoo/action-account.action_move_out_invoice_type/{invoice.id}",
            "peer_mentoring_claims_tour",
            login=self.finance_user.login,
        )

        claim = invoice.mentoring_claim_ids
        self.assertEqual(len(claim), 1)
        self.assertEqual(claim.create_uid, self.finance_user)
        self.assertEqual(claim.line_ids.mapped("code_label"), ["H0038", "H0038 95"])
        # The Print button's route gives finance the form (tests get the PDF's HTML).
        self.authenticate(self.finance_user.login, self.finance_user.login)
        response = self.url_open(f"/report/pdf/peer_mentoring.report_claim_cms1500/{claim.id}", timeout=120)
        self.assertEqual(response.status_code, 200)
        for expected in ("HEALTH INSURANCE CLAIM FORM", "M-12345", "F840", claim.name):
            self.assertIn(expected, response.text)
