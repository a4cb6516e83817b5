"""Issue 21: an 835 costs the same per claim whatever the number of claims on one invoice. The
payer's money for an invoice's claims is one payment, registered and reconciled once: a payment per
claim against the same invoice grew with the square of its claims (600 claims: over 8 minutes)."""

from datetime import timedelta

from odoo.tests import tagged

from .common_claims import MentoringClaimsCase, paying_835


@tagged("post_install", "-at_install")
class TestRemittanceScale(MentoringClaimsCase):
    def claims_on_one_invoice(self, days_ago):
        """A 15-minute meeting ($15) on each day, one invoice, one claim per day of service."""
        for ago in days_ago:
            self.deliver(10.0, 10.25, self.today - timedelta(days=ago))
        invoice = self.invoice_services()
        Claim = self.env["mentoring.claim"].with_user(self.finance_user)
        services = invoice._mentoring_claim_timesheets()
        claims = Claim.browse()
        for _day, day_services in sorted(services.grouped("date").items()):
            claims |= Claim._create_for_services(invoice, day_services)
        self.assertEqual(len(claims), len(days_ago))
        self.export(claims)
        return invoice, claims

    def import_counting_queries(self, claims, trace):
        remittance = self.new_remittance(paying_835(claims, trace))
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        remittance.action_import()
        self.env.flush_all()
        return remittance, self.env.cr.sql_log_count - before

    def test_one_payment_per_invoice_and_the_same_queries_per_claim_at_3_and_12_claims(self):
        _invoice, warm_up = self.claims_on_one_invoice([21])
        small_invoice, small = self.claims_on_one_invoice(range(20, 17, -1))
        large_invoice, large = self.claims_on_one_invoice(range(16, 4, -1))
        # A first import reads what every import reads once (journal, accounts, sequences).
        self.import_counting_queries(warm_up, "EFT-SCALE-1")
        first, small_queries = self.import_counting_queries(small, "EFT-SCALE-3")
        second, large_queries = self.import_counting_queries(large, "EFT-SCALE-12")

        # Paid in full, by one payment per invoice, reconciled: nothing left to book.
        for remittance, invoice, claims in ((first, small_invoice, small), (second, large_invoice, large)):
            self.assertEqual(remittance.state, "done")
            self.assertEqual(len(remittance.payment_ids), 1)
            self.assertEqual(remittance.payment_ids.amount, 15.0 * len(claims))
            self.assertIn(invoice.payment_state, ("paid", "in_payment"))
            self.assertEqual(set(claims.mapped("state")), {"paid"})
            self.assertEqual(len(remittance.line_ids), len(claims))

        # Each further claim on the invoice costs a few queries (measured: 199 and 226, 3 more
        # per claim), not more as the invoice has more claims (a payment per claim: 414 and 1,396).
        per_claim_marginal = (large_queries - small_queries) / 9
        self.assertLessEqual(per_claim_marginal, 8, (small_queries, large_queries))
        self.assertLessEqual(large_queries / 12, small_queries / 3, (small_queries, large_queries))
