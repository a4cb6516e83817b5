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
        for expected in ("cms1500-data", "M-12345", "F840", claim.name):
            self.assertIn(expected, response.text)

    def test_finance_imports_an_835_books_its_adjustments_and_writes_off_the_co45(self):
        invoices, _claims = self.sent_claims(["PMC-T-1", "PMC-T-2"])
        Account = self.env["account.account"]
        self.company.write(
            {
                "claim_adjustment_account_id": Account.search([("account_type", "=", "expense")], limit=1).id,
                "claim_contractual_account_id": Account.search([("account_type", "=", "income")], limit=1).id,
            }
        )
        remittance = self.new_remittance(self.data_file("sunrise_remittance_plb.835"))

        self.start_tour(
            f"/odoo/action-peer_mentoring.mentoring_remittance_action/{remittance.id}",
            "peer_mentoring_remittance_tour",
            login=self.finance_user.login,
        )

        self.assertEqual((remittance.state, remittance.settlement_move_id.state), ("done", "posted"))
        self.assertEqual(invoices.mapped("amount_residual"), [0.0, 0.0])
        written_off = remittance.line_ids.filtered("writeoff_move_id")
        self.assertEqual((written_off.claim_reference, written_off.done), ("PMC-T-2", True))
        self.assertEqual(written_off.writeoff_move_id.create_uid, self.finance_user)
