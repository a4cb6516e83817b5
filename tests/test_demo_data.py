"""The living programme of the demo data builds through the same rules as real work."""

from odoo.tests import tagged

from .common import MentoringBillingCase


@tagged("post_install", "-at_install")
class TestLivingProgrammeDemo(MentoringBillingCase):
    def test_a_living_programme_has_every_state_meetings_and_an_invoiced_month(self):
        supervisor = self.supervisor_employee
        self.env["mentoring.demo"]._generate_living_programme(self.program.id, supervisor.id, self.payer.id)
        matches = self.env["mentoring.match"].search([("program_id", "=", self.program.id)])
        self.assertEqual(
            set(matches.mapped("state")), {"draft", "introduced", "active", "on_hold", "closed", "cancelled"}
        )
        mentors = self.env["mentoring.mentor"].search([("program_ids", "in", self.program.ids)])
        self.assertGreaterEqual(len(mentors), 12)
        self.assertEqual(set(mentors.mapped("state")), {"certified", "intern"})
        meetings = self.env["mentoring.encounter"].search(
            [("program_id", "=", self.program.id), ("state", "=", "confirmed")]
        )
        self.assertGreater(len(meetings), 100)
        self.assertTrue(meetings.filtered("billed_units"))
        invoices = self.env["mentoring.authorization"].search([]).sale_order_id.invoice_ids
        self.assertTrue(invoices.filtered(lambda m: m.state == "posted"))
