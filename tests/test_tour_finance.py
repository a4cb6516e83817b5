from datetime import timedelta

from odoo.tests import HttpCase, tagged

from .common import MentoringBillingCase


@tagged("post_install", "-at_install")
class TestFinanceInvoicingTour(HttpCase, MentoringBillingCase):
    def test_finance_invoices_delivered_units_and_prints_the_service_detail(self):
        # Three 45-minute meetings: 3 units each under the 8-minute rule (38 to 52 minutes).
        for days_ago in (3, 2, 1):
            self.billable_encounter(10.0, 10.75, day=self.today - timedelta(days=days_ago)).action_confirm()

        self.start_tour("/odoo", "peer_mentoring_finance_invoicing_tour", login=self.finance_user.login)

        invoice = self.authorization.invoice_ids
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.create_uid, self.finance_user)
        self.assertEqual(invoice.invoice_line_ids.quantity, 9)
        # The Print menu's entry renders for finance through the report route.
        self.authenticate(self.finance_user.login, self.finance_user.login)
        response = self.url_open(f"/report/html/peer_mentoring.report_service_detail/{invoice.id}")
        self.assertEqual(response.status_code, 200)
        for expected in ("Service detail", "AUTH-1", "M-12345", "15-minute unit"):
            self.assertIn(expected, response.text)
