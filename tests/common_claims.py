import base64
from datetime import timedelta

from lxml import html

from odoo.tools import file_open

from ..tools import x12
from ..tools.x12_837p_rules import situational_errors
from .common import MentoringGroupBillingCase

AGENCY_NPI = "1234567893"  # the CMS example NPI: its check digit is right
MENTOR_NPI = "1245319599"
PEER_TAXONOMY = "175T00000X"
DATA = "peer_mentoring/tests/data/"
# The agency's claim set-up (with Indiana as its state).
AGENCY_CLAIM_SETUP = {
    "street": "1 Main Street",
    "city": "Indianapolis",
    "zip": "46204-1234",
    "claim_npi": AGENCY_NPI,
    "claim_tax_id": "123456789",
    "claim_taxonomy": "251S00000X",
    "claim_submitter_id": "SUBMITTER01",
    "claim_contact_name": "Billing office",
    "claim_contact_phone": "(317) 555-1234",
    "claim_receiver_name": "Hoosier Clearinghouse",
    "claim_receiver_id": "CLEARHOUSE",
}


def paying_835(claims, trace):
    """A valid 835 (005010X221A1) paying every claim in full, line by line."""
    day = claims[:1].line_ids[:1].date.strftime("%Y%m%d")
    paid = sum(claims.mapped("amount_total"))
    body = [
        "ST*835*0001",
        f"BPR*I*{paid:.2f}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*{day}",
        f"TRN*1*{trace}*1512345678",
        "N1*PR*SUNRISE HEALTH PLAN",
        "N3*100 PLAN WAY",
        "N4*INDIANAPOLIS*IN*46204",
        "PER*BL*PROVIDER SERVICES*TE*8005551234",
        "N1*PE*BRIGHT PATH AGENCY*XX*1234567893",
        "LX*1",
    ]
    for index, claim in enumerate(claims):
        charge = f"{claim.amount_total:.2f}"
        body += [
            f"CLP*{claim.name}*1*{charge}*{charge}**MC*SUN-{trace}-{index}*11*1",
            f"NM1*QC*1*MORALES*SKYLER****MI*{claim.member_id}",
        ]
        for line in claim.line_ids:
            body += [
                f"SVC*HC:{line.procedure_code}*{line.charge:.2f}*{line.charge:.2f}**{line.units:g}",
                f"DTM*472*{line.date.strftime('%Y%m%d')}",
                f"REF*6R*{line.line_reference}",
            ]
    body.append(f"SE*{len(body) + 1}*0001")
    segments = [
        f"ISA*00*          *00*          *ZZ*SUN01          *ZZ*SUBMITTER01    *{day[2:]}*1200*^*00501*000000101*0*T*:",
        f"GS*HP*SUN01*SUBMITTER01*{day}*1200*101*X*005010X221A1",
        *body,
        "GE*1*101",
        "IEA*1*000000101",
    ]
    return ("~".join(segments) + "~").encode("ascii")


class MentoringClaimsCase(MentoringGroupBillingCase):
    """The agency set up to claim (NPI, EIN, taxonomy, submitter and receiver), the payer with
    its payer ID, the mentee covered with two diagnosis codes, and mentor A with an NPI."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        indiana = cls.env["res.country.state"].search(
            [("code", "=", "IN"), ("country_id.code", "=", "US")], limit=1
        )
        cls.company.write(
            {
                **AGENCY_CLAIM_SETUP,
                "state_id": indiana.id,
                "country_id": indiana.country_id.id,
                # The remittance accounts are chosen by the tests that need them (the demo sets both).
                "claim_adjustment_account_id": False,
                "claim_contractual_account_id": False,
            }
        )
        cls.payer.write({"mentoring_payer_code": "SUN01", "mentoring_claim_filing_code": "MC"})
        cls.coverage = cls.env["mentoring.mentee.coverage"].create(
            {
                "mentee_id": cls.mentee.id,
                "payer_id": cls.payer.id,
                "member_id": "M-12345",
                "date_from": cls.today - timedelta(days=365),
                "diagnosis_codes": "F84.0, F70",
            }
        )
        cls.mentee.partner_id.write(
            {"street": "2 Oak Street", "city": "Indianapolis", "state_id": indiana.id, "zip": "46205"}
        )
        cls.mentee.sex = "F"  # box 3: the payer needs it
        cls.mentor.write({"npi": MENTOR_NPI, "taxonomy": PEER_TAXONOMY})
        cls.env.flush_all()

    def deliver(self, start, end, day, **vals):
        meeting = self.billable_encounter(start, end, day=day, **vals)
        meeting.action_confirm()
        return meeting

    def invoice_services(self, *authorizations):
        """Finance's invoice of what is delivered, posted."""
        orders = self.env["sale.order"]
        for auth in authorizations or (self.authorization,):
            orders |= auth.sale_order_id
        return self.invoice(orders)

    def three_kinds_of_lines(self):
        """Two dates of service: 45 minutes at the agency (3 units), then 30 minutes by video (2
        units) and a 30-minute group session (2 units, HQ) on the next day; one invoice."""
        group_auth = self.approve_group_authorization()
        day_1, day_2 = self.today - timedelta(days=3), self.today - timedelta(days=2)
        self.deliver(10.0, 10.75, day_1)
        self.deliver(11.0, 11.5, day_2, location_type="virtual")
        self.deliver(9.0, 9.5, day_2, is_group_session=True)
        invoice = self.invoice_services(self.authorization, group_auth)
        return invoice, group_auth, day_1, day_2

    def create_claims(self, invoice, user=None):
        action = invoice.with_user(user or self.finance_user).action_create_mentoring_claims()
        return (
            self.env["mentoring.claim"]
            .with_user(user or self.finance_user)
            .browse(action.get("res_id") or [])
        )

    def export(self, claims, user=None):
        action = claims.with_user(user or self.finance_user).action_export_837p()
        batch = self.env["mentoring.claim.batch"].browse(action["res_id"])
        return batch, base64.b64decode(batch.file).decode("ascii")

    def assertValidX12(self, text):
        """Valid for pyx12 and, for an 837P, for the guide's situational rules pyx12 does not
        enforce (2310B/2420A, ZIP+4 of the billing provider, totals...)."""
        self.assertEqual(x12.validation_errors(text), [], text)
        if "*005010X222A1~" in text:
            self.assertEqual(situational_errors(text), [], text)

    def cms1500_boxes(self, claim, user=None):
        """The values of the CMS-1500's boxes as finance prints it (HTML of the PDF report)."""
        report = self.env["ir.actions.report"].with_user(user or self.finance_user)
        content, _kind = report._render_qweb_html("peer_mentoring.claim_cms1500_report", claim.ids)
        tree = html.fromstring(content)
        return {
            node.get("data-box"): " ".join(node.text_content().split())
            for node in tree.xpath("//*[@data-box]")
        }

    def set_claim_names(self, claims, names):
        for claim, name in zip(claims, names, strict=True):
            claim.sudo().write({"name": name})
        self.env.flush_all()

    def lines_of(self, claim):
        return [
            (line.date, line.code_label, line.place_of_service, line.units, line.charge)
            for line in claim.line_ids.sorted("sequence")
        ]

    # Remittances ---------------------------------------------------------------------------------

    def sent_claims(self, names):
        """One invoice and one claim of 45 minutes ($45) per name, all sent in one 837P file."""
        invoices, claims = self.env["account.move"], self.env["mentoring.claim"]
        for days_ago in range(len(names) + 2, 2, -1):
            self.deliver(10.0, 10.75, self.today - timedelta(days=days_ago))  # 3 units, $45
            invoice = self.invoice_services()
            invoices |= invoice
            claims |= self.create_claims(invoice)
        self.set_claim_names(claims, names)
        self.export(claims)
        return invoices, claims

    @staticmethod
    def data_file(name):
        with file_open(DATA + name, "rb") as data:
            return data.read()

    def new_remittance(self, content, user=None):
        return (
            self.env["mentoring.remittance"]
            .with_user(user or self.finance_user)
            .create({"file": base64.b64encode(content), "file_name": "payer.835"})
        )

    def import_835(self, content=None, user=None):
        """Finance imports an 835 (by default the sample: paid, partly paid, denied)."""
        remittance = self.new_remittance(content or self.data_file("sunrise_remittance.835"), user)
        remittance.action_import()
        return remittance
