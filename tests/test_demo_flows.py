"""Issue 16 item 2: the demo lets every flow be tried. Finance finds claims in every state, an
837P file, an imported 835 with a denial to work, and a sample 835 that imports cleanly; the
oversight body finds an internship in review to decide; HR has a login of its own."""

import base64

from odoo.exceptions import RedirectWarning, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import file_open

from ..tools import x12
from ..tools.claim_codes import npi_problem
from .common_demo import ensure_demo_data

SAMPLE_835 = "peer_mentoring/static/demo/sample_835.txt"


@tagged("post_install", "-at_install")
class TestDemoFlows(HttpCase):
    """One class: on a database without demo data, the demo is loaded once (in the test's
    transaction). The tours start from login, as the role would try it first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ensure_demo_data(cls.env)
        cls.finance = cls.env.ref("peer_mentoring.user_finance_demo")
        cls.claims = cls.env["mentoring.claim"].search([])

    def import_sample_835(self):
        with file_open(SAMPLE_835, "rb") as sample:
            content = sample.read()
        remittance = (
            self.env["mentoring.remittance"]
            .with_user(self.finance)
            .create({"file": base64.b64encode(content), "file_name": "sample_835.txt"})
        )
        remittance.action_import()
        return remittance, content

    def test_the_demo_has_a_claim_in_each_state_an_837p_file_and_a_denial_to_work(self):
        self.assertLessEqual(
            {"draft", "sent", "accepted", "paid", "partly_paid", "denied"}, set(self.claims.mapped("state"))
        )
        # Made by finance, through the claims' own actions.
        self.assertEqual(self.claims.create_uid, self.finance)
        batch = self.claims.filtered(lambda c: c.state != "draft").batch_id
        self.assertEqual(len(batch), 1)
        self.assertEqual(x12.validation_errors(base64.b64decode(batch.file).decode("ascii")), [])
        remittance = self.env["mentoring.remittance"].search([])
        self.assertEqual(remittance.mapped("state"), ["done"])
        to_work = self.env["mentoring.remittance.line"].search(
            [("needs_action", "=", True), ("done", "=", False)]
        )
        denied = to_work.filtered(lambda line: line.result == "denied")
        self.assertEqual(len(denied), 1)
        self.assertIn("authorisation", denied.reason)
        # The partly paid claim's contractual adjustment is there to write off.
        self.assertTrue(
            to_work.filtered(lambda line: line.result == "partly_paid").mapped("contractual_amount")
        )

    def test_the_agency_mentors_and_billed_mentees_are_set_up_to_claim(self):
        company = self.claims.company_id
        self.assertEqual(len(company), 1)
        self.assertFalse(npi_problem(company.claim_npi))
        self.assertEqual(len(company.claim_tax_id), 9)
        self.assertEqual(len("".join(filter(str.isdigit, company.zip))), 9)
        self.assertTrue(company.claim_taxonomy)
        self.assertTrue(self.claims.payer_id.mentoring_payer_code)
        rendering = self.claims.line_ids.mapped("rendering_npi")
        self.assertTrue(rendering)
        self.assertFalse([npi for npi in rendering if not npi or npi_problem(npi)])
        self.assertFalse(self.claims.filtered(lambda c: not c.diagnosis_codes))

    def test_the_shipped_sample_835_pays_the_demo_claim_sent_and_not_yet_paid(self):
        claim = self.claims.filtered(lambda c: c.name == "PMC-SAMPLE-01")
        self.assertEqual(claim.state, "sent")
        remittance, content = self.import_sample_835()
        self.assertEqual(x12.validation_errors(content.decode("ascii")), [])
        self.assertEqual(remittance.state, "done")
        self.assertEqual(remittance.amount_difference, 0.0)
        self.assertEqual(remittance.line_ids.mapped("result"), ["paid"])
        self.assertEqual(remittance.line_ids.claim_line_id, claim.line_ids)
        self.assertEqual((claim.state, claim.amount_paid), ("paid", claim.amount_total))
        self.assertEqual(claim.move_id.payment_state, "paid")
        # Once only: the same payment imported again is refused.
        with self.assertRaisesRegex(UserError, "imported already"):
            self.import_sample_835()

    def test_missing_set_up_is_said_once_for_an_invoice_of_many_people(self):
        self.claims.company_id.write({"claim_npi": False, "claim_tax_id": False})
        invoice = self.claims.move_id.filtered(lambda m: len(m.mentoring_claim_ids) > 5)
        self.assertEqual(len(invoice), 1, [(c.name, c.state, c.move_id.name) for c in self.claims])
        services = invoice._mentoring_claim_timesheets()
        Claim = self.env["mentoring.claim"]
        with self.assertRaises(UserError) as caught:
            Claim.with_user(self.finance)._create_for_services(invoice, services)
        message = str(caught.exception)
        self.assertNotIsInstance(caught.exception, RedirectWarning)
        self.assertEqual(message.count("billing NPI"), 1, message)
        self.assertEqual(message.count("EIN"), 1, message)
        self.assertIn("Settings → Invoicing → Mentoring claims", message)
        # An administrator gets a button to the settings where they are recorded.
        admin = self.env.ref("base.user_admin")
        with self.assertRaises(RedirectWarning) as caught:
            Claim.with_user(admin)._create_for_services(invoice, services)
        self.assertEqual(caught.exception.args[1], self.env.ref("account.action_account_config").id)

    def test_an_internship_in_review_waits_for_the_oversight_bodys_decision_and_exit_interviews(self):
        internship = self.env["mentoring.internship"].search([("state", "=", "in_review")])
        self.assertEqual(internship.mentor_id.name, "Devon Park")
        self.assertEqual(internship.supervisor_decision, "passed")
        self.assertFalse(internship.oversight_decision)
        self.assertFalse(internship.evaluation_ids.filtered(lambda e: e.kind.startswith("exit")))
        self.assertFalse(internship._certification_problems(deciding="oversight"))
        oversight = self.env.ref("peer_mentoring.user_oversight_demo")
        internship.with_user(oversight).action_new_exit_interview_mentor()
        internship.with_user(oversight)._record_decision("oversight", "passed")
        self.assertEqual((internship.state, internship.mentor_id.state), ("passed", "certified"))

    def test_the_hr_officer_logs_in_to_employees(self):
        hr = self.env["res.users"].search([("login", "=", "hr")])
        self.assertTrue(hr._is_internal())
        self.assertTrue(hr.has_group("hr.group_hr_user"))
        self.assertFalse(hr.has_group("peer_mentoring.group_mentor"))
        self.assertEqual(hr.action_id.id, self.env.ref("hr.open_view_employee_list_my").id)

    def test_finance_claims_an_invoice_prints_it_makes_the_837p_and_imports_the_sample_835(self):
        self.start_tour("/odoo", "peer_mentoring_demo_finance_tour", login="finance")
        claim = self.env["mentoring.claim"].search(
            [("patient_name", "=", "Skyler Morales")], order="id desc", limit=1
        )
        self.assertNotEqual(claim.name, "PMC-SAMPLE-01")
        self.assertEqual((claim.state, claim.amount_total), ("sent", 37.0))
        self.assertTrue(claim.batch_id.file)
        sample = self.env["mentoring.claim"].search([("name", "=", "PMC-SAMPLE-01")])
        self.assertEqual(sample.state, "paid")

    def test_the_oversight_body_decides_the_internship_in_review(self):
        self.start_tour("/odoo", "peer_mentoring_demo_oversight_tour", login="oversight")
        internship = self.env["mentoring.internship"].search([("mentor_id.name", "=", "Devon Park")])
        self.assertEqual(internship.oversight_decided_by_id.login, "oversight")
        self.assertEqual(internship.mentor_id.state, "certified")
