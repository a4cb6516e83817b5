"""Issue 8: rules a managed-care biller checks. Each expected figure comes from the rule."""

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MentoringBillingCase


@tagged("post_install", "-at_install")
class TestBillingRules(MentoringBillingCase):
    def test_authorisation_returns_to_approved_when_units_come_back(self):
        """40 units authorised; a 10-hour day is capped by nothing here, so 600 minutes would be
        40 units under the 8-minute rule: (600 + 7) // 15 = 40, exhausting it."""
        long_day = self.billable_encounter(8.0, 18.0)
        long_day.action_confirm()
        self.assertEqual(long_day.billed_units, 40)
        self.assertEqual((self.authorization.state, self.authorization.units_remaining), ("exhausted", 0))
        long_day.with_user(self.coordinator_user).action_cancel()
        self.assertEqual((self.authorization.state, self.authorization.units_remaining), ("approved", 40))

    def test_the_authorisations_order_line_receives_only_meetings(self):
        with self.assertRefused(ValidationError, "only from confirmed mentoring meetings"):
            self.env["account.analytic.line"].create(
                {
                    "name": "Extra hour",
                    "project_id": self.authorization.project_id.id,
                    "task_id": self.authorization.task_id.id,
                    "so_line": self.authorization.sale_line_id.id,
                    "employee_id": self.mentor_employee.id,
                    "unit_amount": 1.0,
                }
            )
        self.assertEqual(self.authorization.units_used, 0)

    def test_mentoring_services_are_invoiced_without_sales_tax(self):
        """A company with a 15 % default sales tax: the payer's invoice for 3 units at 15.00 is
        45.00, tax 0."""
        tax = self.env["account.tax"].create({"name": "Sales tax 15%", "amount": 15, "type_tax_use": "sale"})
        self.company.account_sale_tax_id = tax
        product = self.env["product.product"].create(
            {
                "name": "Peer services (taxed by default)",
                "type": "service",
                "service_policy": "delivered_timesheet",
                "service_tracking": "task_in_project",
                "uom_id": self.env.ref("peer_mentoring.uom_quarter_hour").id,
                "mentoring_service_code": "H0038",
            }
        )
        self.assertIn(tax, product.taxes_id, "the setup really has a default tax")
        self.program.product_id = product
        auth = self.create_authorization("AUTH-TAX", units=20, price_unit=15.0)
        self.authorization.sudo().action_cancel()
        meeting = self.billable_encounter(10.0, 10.75)  # 45 minutes: (45 + 7) // 15 = 3 units
        meeting.action_confirm()
        self.assertEqual((meeting.authorization_id, meeting.billed_units), (auth, 3))
        move = self.invoice(auth.sale_order_id)
        self.assertEqual((move.amount_untaxed, move.amount_tax, move.amount_total), (45.0, 0.0, 45.0))

    def test_a_billed_note_keeps_what_billing_relied_on(self):
        meeting = self.billable_encounter(10.0, 10.75)
        meeting.action_confirm()
        for vals in (
            {"progress": "no_action", "no_action_reason": "sick"},
            {"goal_id": False},
            {"mentor_signed_on": False, "mentor_signature": False},
            {"location_type": "phone"},
        ):
            for user in (self.mentor_user, self.coordinator_user):
                with self.assertRefused(UserError, "is confirmed"):
                    meeting.with_user(user).write(vals)
        self.assertEqual((meeting.progress, meeting.billed_units), ("met", 3))
        self.assertTrue(meeting.mentor_signed_on and meeting.goal_id)

    def test_cms_unit_boundaries(self):
        """The 8-minute rule per meeting: 7 → 0, 8 → 1, 22 → 1, 23 → 2, 37 → 2, 38 → 3, 52 → 3, 53 → 4."""
        expected = {7: 0, 8: 1, 22: 1, 23: 2, 37: 2, 38: 3, 52: 3, 53: 4}
        self.assertEqual({m: self.profile.units_for_minutes(m) for m in expected}, expected)
