"""Finance bills payers from Odoo invoicing and must never read what mentor and mentee said."""

from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MentoringBillingCase
from .test_reports import pdf_text

CONTENT_FIELDS = ["notes", "progress", "progress_explanation", "goal_id", "next_steps", "no_action_reason"]


@tagged("post_install", "-at_install")
class TestFinanceAccess(MentoringBillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.billed = cls.env["mentoring.encounter"].create(
            {
                "match_id": cls.match.id,
                "date": cls.yesterday,
                "start_time": 13.0,
                "end_time": 13.75,
                "progress": "considerable",
                "progress_explanation": "Practised the interview",
                "next_steps": "Call the employer",
                "notes": "<p>Talked about his family</p>",
                "goal_id": cls.goal.id,
                "mentor_signed_on": cls.yesterday,
                "mentee_signed_on": cls.yesterday,
            }
        )
        cls.billed.action_confirm()
        cls.invoice_move = cls.authorization.sale_order_id._create_invoices()
        cls.invoice_move.action_post()

    def test_finance_reads_authorisations_and_billing_entries(self):
        auth = self.authorization.with_user(self.finance_user)
        values = auth.read(["name", "units_used", "member_id", "mentee_name", "mentee_id"])[0]
        self.assertEqual(values["units_used"], 3)
        self.assertEqual(values["member_id"], "M-12345")
        self.assertEqual(values["mentee_id"][1], "Jamie Rivera")
        self.assertIn(self.authorization, auth.search([("mentee_name", "ilike", "Jamie")]))
        entry = (
            self.env["mentoring.billing.entry"]
            .with_user(self.finance_user)
            .search([("id", "=", self.billed.id)])
        )
        values = entry.read(
            [
                "date",
                "start_time",
                "end_time",
                "billed_units",
                "authorization_id",
                "mentor_name",
                "mentee_name",
                "member_id",
                "billing_status",
                "invoice_id",
            ]
        )[0]
        self.assertEqual(values["billed_units"], 3)
        self.assertEqual((values["start_time"], values["end_time"]), (13.0, 13.75))
        self.assertEqual(values["billing_status"], "billed")
        self.assertEqual(values["invoice_id"][0], self.invoice_move.id)
        self.assertEqual(values["mentee_name"], "Jamie Rivera")

    def test_finance_cannot_read_what_was_said(self):
        """Finance has no access to the meetings themselves: nothing of their content, chatter or
        signatures is reachable, whatever the field."""
        encounter = self.billed.with_user(self.finance_user)
        for field in [*CONTENT_FIELDS, "date", "mentee_signature", "message_ids", "activity_ids"]:
            with self.assertRaises(AccessError, msg=field):
                encounter.read([field])
        with self.assertRaises(AccessError):
            encounter.export_data(["notes"])
        with self.assertRaises(AccessError):
            self.env["mentoring.encounter"].with_user(self.finance_user).search(
                [("notes", "ilike", "family")]
            )
        entry = self.env["mentoring.billing.entry"].with_user(self.finance_user).browse(self.billed.id)
        self.assertNotIn("family", str(entry.read()))
        self.assertNotIn("Practised", str(entry.read()))
        with self.assertRaises(AccessError):
            entry.read(["encounter_id"])

    def test_finance_cannot_read_mentees_at_all(self):
        mentee = self.mentee.with_user(self.finance_user)
        for field in ("name", "birthdate", "age", "notes", "member_id"):
            with self.assertRaises(AccessError, msg=field):
                mentee.read([field])

    def test_finance_cannot_read_plans_goals_agreements_or_closure_notes(self):
        for record in (self.plan, self.goal, self.agreement):
            with self.assertRaises(AccessError, msg=record._name):
                record.with_user(self.finance_user).read(["display_name"])
            with self.assertRaises(AccessError):
                self.env[record._name].with_user(self.finance_user).search([])
        with self.assertRaises(AccessError):
            self.match.with_user(self.finance_user).read(["closure_note"])

    def test_finance_cannot_change_mentoring_records(self):
        with self.assertRaises(AccessError):
            self.billed.with_user(self.finance_user).write({"end_time": 14.0})
        with self.assertRaises(AccessError):
            self.env["mentoring.billing.entry"].with_user(self.finance_user).browse(self.billed.id).write(
                {"billed_units": 10}
            )
        with self.assertRaises(AccessError):
            self.authorization.with_user(self.finance_user).write({"units_authorized": 400})
        with self.assertRaises(AccessError):
            self.env["mentoring.encounter"].with_user(self.finance_user).create(
                {"match_id": self.match.id, "start_time": 8, "end_time": 9}
            )

    def test_mentor_cannot_read_authorisations_or_billing_links(self):
        with self.assertRaises(AccessError):
            self.env["mentoring.authorization"].with_user(self.mentor_user).search([])
        with self.assertRaises(AccessError):
            self.billed.with_user(self.mentor_user).read(["authorization_id"])
        self.assertEqual(self.billed.with_user(self.mentor_user).read(["billed_units"])[0]["billed_units"], 3)

    def test_service_detail_lists_each_billed_encounter_and_nothing_confidential(self):
        report = self.env["ir.actions.report"].with_user(self.finance_user)
        html = report._render_qweb_html("peer_mentoring.service_detail_report", self.invoice_move.ids)[
            0
        ].decode()
        for expected in (
            "Service detail",
            "AUTH-1",
            "M-12345",
            "H0038",
            "Ada Mentor",
            "Certified",
            "13:00",
            "13:45",
            "Jamie Rivera",
        ):
            self.assertIn(expected, html)
        for secret in ("family", "Practised", "Call the employer", "Get a part-time job", "Considerable"):
            self.assertNotIn(secret, html)
        pdf, _kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            "peer_mentoring.service_detail_report", self.invoice_move.ids
        )
        self.assertIn("AUTH-1", pdf_text(pdf))

    def test_finance_of_another_agency_sees_no_authorisation(self):
        finance_2 = self.create_other_agency_finance()
        entry = self.env["mentoring.billing.entry"].browse(self.billed.id)
        for record in (self.authorization, entry):
            self.assertFalse(self.env[record._name].with_user(finance_2).search([("id", "=", record.id)]))
            with self.assertRaises(AccessError):
                record.with_user(finance_2).read(["display_name"])


@tagged("post_install", "-at_install")
class TestMonthlyTimesheet(MentoringBillingCase):
    def test_mentor_submits_and_coordinator_approves_the_month(self):
        self.program.product_id = False  # a foster scheme: nothing billed to a payer
        day = self.today.replace(day=1) - timedelta(days=1)  # last month
        encounter = self.create_encounter(
            self.match, date=day, start_time=18.0, end_time=19.5, location_type="phone"
        )
        encounter.action_confirm()
        sheet = (
            self.env["mentoring.monthly.timesheet"]
            .with_user(self.mentor_user)
            .create({"mentor_id": self.mentor.id, "month": day})
        )
        self.assertEqual(sheet.month, day.replace(day=1))
        self.assertEqual(sheet.encounter_ids, encounter)
        self.assertEqual(sheet.total_minutes, 90)
        sheet.action_submit()
        with self.assertRefused(UserError, "Only a programme coordinator"):
            sheet.action_approve()
        sheet.with_user(self.coordinator_user).action_approve()
        self.assertEqual((sheet.state, sheet.approved_by_id), ("approved", self.coordinator_user))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("peer_mentoring.monthly_timesheet_report", sheet.ids)[0]
            .decode()
        )
        for expected in (
            "Monthly mentoring timesheet",
            "Jamie Rivera",
            "90",
            "Phone",
            "Approved by the coordinator",
        ):
            self.assertIn(expected, html)

    def test_another_mentor_cannot_see_the_timesheet(self):
        sheet = self.env["mentoring.monthly.timesheet"].create(
            {"mentor_id": self.mentor.id, "month": self.today}
        )
        self.assertFalse(
            self.env["mentoring.monthly.timesheet"]
            .with_user(self.mentor_b_user)
            .search([("id", "=", sheet.id)])
        )
        with self.assertRaises(AccessError):
            sheet.with_user(self.mentor_b_user).read(["total_minutes"])
