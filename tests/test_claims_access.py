"""Issue 11, confidentiality: finance reads what a claim needs (the diagnosis codes on the
claim) and nothing else of the person or the meetings; the diagnosis codes are read on the
coverage only by coordinators; claims are finance's alone."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common_claims import MentoringClaimsCase

SECRETS = ("secret", "Talked about home", "Get a part-time job", "Work in a library")
PEOPLE_MODELS = {
    "mentoring.encounter",
    "mentoring.mentee",
    "mentoring.match",
    "mentoring.mentor",
    "mentoring.goal",
}


@tagged("post_install", "-at_install")
class TestClaimsAccess(HttpCase, MentoringClaimsCase):
    def setUp(self):
        super().setUp()
        self.deliver(10.0, 10.75, self.yesterday, notes="<p>Talked about home</p>")
        self.invoice_record = self.invoice_services()
        self.claim = self.create_claims(self.invoice_record)

    def call(self, login, model, method, args, kwargs=None):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw", {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}
        )

    def test_finance_reads_the_claim_with_its_diagnosis_and_nothing_of_the_meetings(self):
        values = self.call(
            "t_finance",
            "mentoring.claim",
            "web_read",
            [[self.claim.id]],
            {
                "specification": {
                    name: {}
                    for name in ("name", "diagnosis_codes", "member_id", "patient_name", "amount_total")
                }
            },
        )[0]
        self.assertEqual((values["diagnosis_codes"], values["member_id"]), ("F84.0, F70", "M-12345"))
        everything = str(self.claim.with_user(self.finance_user).read()) + str(
            self.claim.line_ids.with_user(self.finance_user).read()
        )
        for secret in SECRETS:
            self.assertNotIn(secret, everything)
        # No way from a claim, its lines or the work list to a meeting or a person's record.
        for model in (
            "mentoring.claim",
            "mentoring.claim.line",
            "mentoring.remittance.line",
            "mentoring.claim.batch",
        ):
            links = {f.comodel_name for f in self.env[model]._fields.values() if f.relational}
            self.assertFalse(links & PEOPLE_MODELS, model)

    def test_diagnosis_codes_on_the_coverage_are_the_coordinators_only(self):
        self.assertEqual(self.coverage.with_user(self.coordinator_user).diagnosis_codes, "F84.0, F70")
        self.coverage.with_user(self.coordinator_user).diagnosis_codes = "F84.0"
        attacks = [
            ("t_finance", "mentoring.mentee.coverage", "read", [[self.coverage.id], ["diagnosis_codes"]]),
            (
                "t_finance",
                "mentoring.mentee.coverage",
                "search_read",
                [[("diagnosis_codes", "ilike", "F84")]],
                {"fields": ["member_id"]},
            ),
            ("t_mentor_a", "mentoring.mentee.coverage", "read", [[self.coverage.id], ["diagnosis_codes"]]),
            ("t_mentor_a", "mentoring.mentee.coverage", "search", [[("diagnosis_codes", "ilike", "F84")]]),
            ("t_finance", "mentoring.encounter", "read", [[self.encounter.id], ["date"]]),
            ("t_finance", "mentoring.mentee", "read", [[self.mentee.id], ["name"]]),
        ]
        for login, model, method, args, *kwargs in attacks:
            with self.assertRaises(JsonRpcException, msg=f"{login} {model}.{method}"):
                self.call(login, model, method, args, *kwargs)
        # A mentor still reads the coverage's member ID, as before.
        self.assertEqual(self.coverage.with_user(self.mentor_user).member_id, "M-12345")

    def test_only_finance_reads_claims_and_prints_their_form(self):
        for login in ("t_mentor_a", "t_coordinator", "t_salesman", "t_supervisor"):
            with self.assertRaises(JsonRpcException, msg=login):
                self.call(login, "mentoring.claim", "search_read", [[]], {"fields": ["diagnosis_codes"]})
            self.authenticate(login, login)
            response = self.url_open(f"/report/html/peer_mentoring.report_claim_cms1500/{self.claim.id}")
            self.assertNotIn("F840", response.text, login)
        self.authenticate("t_finance", "t_finance")
        response = self.url_open(f"/report/html/peer_mentoring.report_claim_cms1500/{self.claim.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("F840", response.text)
        finance_2 = self.create_other_agency_finance()
        with self.assertRaises(AccessError):
            self.claim.with_user(finance_2).read(["diagnosis_codes"])

    def test_finance_cannot_make_or_change_a_claim_by_hand(self):
        forged = {"move_id": self.invoice_record.id, "payer_id": self.payer.id, "company_id": self.company.id}
        with self.assertRaises(JsonRpcException):
            self.call("t_finance", "mentoring.claim", "create", [forged])
        for vals in ({"state": "paid"}, {"diagnosis_codes": "Z00.0"}, {"member_id": "X-1"}):
            with self.assertRaises(JsonRpcException, msg=str(vals)):
                self.call("t_finance", "mentoring.claim", "write", [[self.claim.id], vals])
        with self.assertRaises(JsonRpcException):
            self.call("t_finance", "mentoring.claim.line", "write", [[self.claim.line_ids.id], {"units": 40}])
        # What finance may type: the payer's claim number.
        self.call("t_finance", "mentoring.claim", "write", [[self.claim.id], {"payer_claim_number": "SUN-9"}])
        self.env.invalidate_all()
        self.assertEqual((self.claim.state, self.claim.payer_claim_number), ("draft", "SUN-9"))
        self.assertEqual(self.claim.line_ids.units, 3)

    def test_claims_are_finances_work(self):
        invoice = self.invoice_record
        for user in (self.coordinator_user, self.sales_user):
            with self.assertRaises(UserError):  # AccessError is one too
                invoice.with_user(user).action_create_mentoring_claims()
        other = new_test_user(self.env, login="t_accountant_less", groups="base.group_user")
        with self.assertRaises(UserError):  # AccessError is one too
            self.env["mentoring.claim"].with_user(other)._create_from_invoices(invoice)
