"""Issue 20: the funder report's billing figures, worked out by hand."""

from datetime import timedelta

from odoo.tests import tagged

from .common_claims import MentoringClaimsCase


@tagged("post_install", "-at_install")
class TestFunderBillingFigures(MentoringClaimsCase):
    def test_units_authorised_delivered_invoiced_paid_and_denied(self):
        # 60 minutes (4 units) three days ago, 30 minutes (2 units) two days ago; invoiced and
        # claimed; the payer pays the first line and denies the second.
        self.deliver(10.0, 11.0, self.today - timedelta(days=3))
        self.deliver(10.0, 10.5, self.today - timedelta(days=2))
        claims = self.create_claims(self.invoice_services())
        lines = claims.line_ids.sorted("date")
        self.assertEqual(lines.mapped("units"), [4.0, 2.0])
        lines[0].sudo().remit_state = "paid"
        lines[1].sudo().remit_state = "denied"
        report = (
            self.env["mentoring.funder.report"]
            .with_user(self.coordinator_user)
            .create(
                {
                    "program_id": self.program.id,
                    "date_from": self.today - timedelta(days=30),
                    "date_to": self.today,
                }
            )
        )
        figures = {
            key: getattr(report, f"_measure_units_{key}")()
            for key in ("authorized", "delivered", "invoiced", "paid", "denied")
        }
        self.assertEqual(figures, {"authorized": 40, "delivered": 6, "invoiced": 6, "paid": 4, "denied": 2})
        # Finance reads the same billing figures, and nothing else.
        finance_report = (
            self.env["mentoring.funder.report"]
            .with_user(self.finance_user)
            .create({"program_id": self.program.id, "date_from": report.date_from, "date_to": report.date_to})
        )
        (section,) = finance_report._report_sections()
        self.assertEqual(dict(section["rows"])["Paid"], 4)
