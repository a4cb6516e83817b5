import base64
import random
from datetime import timedelta

from odoo import Command, api, fields, models

from ..tools import x12
from .mentoring_mentor_claims import PEER_SPECIALIST_TAXONOMY

AGENCY_NPI = "1234567893"  # the CMS example NPI: its check digit is right
DIAGNOSES = ["F70, F84.0", "F71", "F84.0", "F70, F41.1", "Q90.9, F70", "F81.9"]
STREETS = ["Oak Street", "Maple Avenue", "College Avenue", "Washington Street", "Fall Creek Parkway"]
# The claim the shipped sample 835 (static/demo/sample_835.txt) pays: sent, not yet paid.
SAMPLE_CLAIM = "PMC-SAMPLE-01"
PAYER_TAX_ID = "1512345678"


class MentoringDemo(models.AbstractModel):
    """Claims in every state for the demo, made the way finance makes them: the agency and the
    payer set up to claim, the billed mentees' diagnosis codes, claims from the posted invoices,
    an 837P file, the payer's acknowledgement, and the payer's 835 imported (paid, part paid,
    denied). One sent claim is left for the sample 835 shipped with the addon."""

    _inherit = "mentoring.demo"

    @api.model
    def _generate_claim_flows(self, payer_id, mentor_id, finance_user_id):
        payer = self.env["res.partner"].browse(payer_id)
        finance = self.env["res.users"].browse(finance_user_id)
        company = self.env.company
        self._demo_claims_setup(company, payer, finance)
        self._demo_billed_mentees(random.Random(837), payer)
        # Last month's invoice to the payer: one claim per person served on it.
        Claim = self.env["mentoring.claim"].with_user(finance)
        claims = Claim._create_from_invoices(self._demo_claimable_invoices(payer)).sorted("id")
        match = self._demo_sample_match(payer, self.env["mentoring.mentor"].browse(mentor_id))
        # 45 minutes at the agency: 3 units, $55.50.
        sample = Claim._create_from_invoices(self._demo_invoiced_meeting(match, 3, 16.0, 45, "agency"))
        sample.sudo().write({"name": SAMPLE_CLAIM})
        # Sent in one 837P file: the payer accepts one, pays one, pays one in part and denies one;
        # the sample's claim waits for its 835. The others stay drafts to send.
        # (The denial is of a one-line claim: one line to work in the denials list.)
        denied = claims[1:].filtered(lambda c: len(c.line_ids) == 1)[:1] or claims[-1:]
        accepted, paid, partly_paid = (claims[1:] - denied)[:3]
        to_send = accepted | paid | partly_paid | denied | sample
        to_send.with_user(finance).action_export_837p()
        accepted.with_user(finance).action_accept()
        self._demo_import_remittance(company, finance, paid, partly_paid, denied)
        # A second meeting of the sample's person, invoiced and not claimed yet: finance's first
        # *Create claim*.
        self._demo_invoiced_meeting(match, 1, 10.0, 30, "community")
        return claims | sample

    def _demo_claims_setup(self, company, payer, finance):
        indiana = self.env["res.country.state"].search(
            [("code", "=", "IN"), ("country_id.code", "=", "US")], limit=1
        )
        Account = self.env["account.account"].with_company(company)
        company.write(
            {
                "street": "1 Monument Circle",
                "city": "Indianapolis",
                "state_id": indiana.id,
                "country_id": indiana.country_id.id,
                "zip": "46204-2901",
                "claim_npi": AGENCY_NPI,
                "claim_tax_id": "351234567",
                "claim_taxonomy": "251S00000X",
                "claim_submitter_id": "SUBMITTER01",
                "claim_contact_name": "Fran Finance",
                "claim_contact_phone": "(317) 555-0142",
                "claim_receiver_name": "Hoosier Clearinghouse",
                "claim_receiver_id": "CLEARHOUSE",
                "claim_user_id": finance.id,
                "claim_adjustment_account_id": Account.search(
                    [("account_type", "=", "expense"), ("company_ids", "in", company.ids)], limit=1
                ).id,
                "claim_contractual_account_id": Account.search(
                    [("account_type", "=", "income"), ("company_ids", "in", company.ids)], limit=1
                ).id,
            }
        )
        payer.write(
            {
                "mentoring_payer_code": "SUN01",
                "mentoring_claim_filing_code": "MC",
                "street": "100 Plan Way",
                "city": "Indianapolis",
                "state_id": indiana.id,
                "country_id": indiana.country_id.id,
                "zip": "46204",
            }
        )
        # Every mentor who renders a billed service has an NPI (the payer asks for it).
        mentors = self.env["mentoring.mentor"].search([("employee_id", "!=", False), ("npi", "=", False)])
        for index, mentor in enumerate(mentors.sorted("id")):
            mentor.write({"npi": _npi(f"1{index + 245319:08d}"), "taxonomy": PEER_SPECIALIST_TAXONOMY})

    def _demo_billed_mentees(self, rng, payer):
        """The payer's coverage of each of its mentees, with the diagnosis codes it authorised the
        service for, and the address the claim names."""
        indiana = self.env["res.country.state"].search(
            [("code", "=", "IN"), ("country_id.code", "=", "US")], limit=1
        )
        mentees = self.env["mentoring.mentee"].search(
            [("payer_id", "=", payer.id), ("coverage_ids", "=", False)]
        )
        today = fields.Date.context_today(self)
        for index, mentee in enumerate(mentees.sorted("id")):
            self.env["mentoring.mentee.coverage"].create(
                {
                    "mentee_id": mentee.id,
                    "payer_id": payer.id,
                    "member_id": mentee.member_id or f"SHP-{900100 + index}",
                    "date_from": today - timedelta(days=730),
                    "diagnosis_codes": DIAGNOSES[index % len(DIAGNOSES)],
                }
            )
            if not mentee.sex:  # box 3 of the CMS-1500: the sex on the health-plan card
                mentee.sex = "FM"[index % 2]
            if not mentee.partner_id.street:
                mentee.partner_id.write(
                    {
                        "street": f"{rng.randrange(10, 990)} {STREETS[index % len(STREETS)]}",
                        "city": "Indianapolis",
                        "state_id": indiana.id,
                        "country_id": indiana.country_id.id,
                        "zip": f"462{rng.randrange(1, 60):02d}",
                    }
                )

    def _demo_sample_match(self, payer, mentor):
        """Skyler, matched a month ago with the staff mentor: the person of the sample 835."""
        program = self.env.ref("peer_mentoring.program_disability_demo")
        partner = self.env["res.partner"].create({"name": "Skyler Morales"})
        mentee = self.env["mentoring.mentee"].create(
            {
                "partner_id": partner.id,
                "program_ids": [Command.set(program.ids)],
                "birthdate": fields.Date.to_date("1996-04-12"),
                "area": "Downtown",
                "payer_id": payer.id,
                "member_id": "SHP-7731-05",
            }
        )
        self._demo_billed_mentees(random.Random(5), payer)
        start = fields.Date.context_today(self) - timedelta(days=30)
        match = self.env["mentoring.match"].create(
            {"mentor_id": mentor.id, "mentee_id": mentee.id, "program_id": program.id, "date_start": start}
        )
        match.action_introduce()
        self._demo_sign_documents(random.Random(7), match)
        match.action_activate()
        self._demo_authorization(match, start)
        return match

    def _demo_invoiced_meeting(self, match, days_ago, start, minutes, location_type):
        """One meeting of `match`, confirmed, invoiced alone and posted: the same invoice on every
        demo database (the sample 835 pays its claim)."""
        day = fields.Date.context_today(self) - timedelta(days=days_ago)
        meeting = self.env["mentoring.encounter"].create(
            {
                "match_id": match.id,
                "date": day,
                "start_time": start,
                "end_time": start + minutes / 60,
                "location_type": location_type,
                "goal_id": match.plan_ids.goal_ids[:1].id,
                "progress": "some_steps",
                "progress_explanation": "Practised the questions of a job interview.",
                "mentor_signed_on": day,
                "mentee_signed_on": day,
            }
        )
        meeting.action_confirm()
        order = meeting.authorization_id.sale_order_id
        self.env["sale.advance.payment.inv"].with_context(
            active_model="sale.order", active_ids=order.ids
        ).create({"advance_payment_method": "delivered"})._create_invoices(order)
        invoice = order.invoice_ids.filtered(lambda m: m.state == "draft")
        invoice.action_post()
        return invoice

    def _demo_claimable_invoices(self, payer):
        moves = self.env["account.move"].search(
            [
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("commercial_partner_id", "=", payer.id),
            ],
            order="id",
        )
        return moves.filtered("is_mentoring_claimable")

    def _demo_import_remittance(self, company, finance, paid, partly_paid, denied):
        """The payer's 835 for three of the sent claims, imported by finance: one paid in full, one
        paid at the payer's fee schedule (the rest a contractual adjustment, CO-45), one denied
        for want of an authorisation (CO-197): the denials list has it to work."""
        today = fields.Date.context_today(self)
        text = _remittance_835(
            "EFT-DEMO-0001",
            today,
            [(paid, "paid"), (partly_paid, "partly_paid"), (denied, "denied")],
        )
        remittance = (
            self.env["mentoring.remittance"]
            .with_user(finance)
            .with_company(company)
            .create({"file": base64.b64encode(text.encode("ascii")), "file_name": "sunrise_eft_demo.835"})
        )
        remittance.action_import()
        return remittance


def _npi(first_nine):
    """The NPI of nine digits with its Luhn check digit (on 80840 and the nine)."""
    total = 0
    for position, digit in enumerate(reversed([int(d) for d in "80840" + first_nine])):
        if position % 2 == 0:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    return f"{first_nine}{(10 - total % 10) % 10}"


def _remittance_835(trace, day, results):
    """An 835 of the payer paying `results` [(claim, paid | partly_paid | denied)], line by line
    with the claim's line references, balanced (BPR02 = the claims' payments)."""
    body = []
    total_paid = 0.0
    for number, (claim, result) in enumerate(results, 1):
        lines = []
        claim_paid = 0.0
        for line in claim.line_ids.sorted("sequence"):
            if result == "paid":
                paid = line.charge
            elif result == "partly_paid":
                paid = round(line.units * 16.0, 2)  # the payer's fee: $16.00 a unit
            else:
                paid = 0.0
            claim_paid += paid
            code = ":".join(["HC", line.procedure_code, *(line.modifiers or "").split()])
            lines.append(
                f"SVC*{code}*{x12.amount(line.charge)}*{x12.amount(paid)}**{x12.quantity(line.units)}"
            )
            lines.append(f"DTM*472*{line.date:%Y%m%d}")
            if result == "partly_paid":
                lines.append(f"CAS*CO*45*{x12.amount(line.charge - paid)}")
            elif result == "denied":
                lines.append(f"CAS*CO*197*{x12.amount(line.charge)}*{x12.quantity(line.units)}")
            lines.append(f"REF*6R*{line.line_reference}")
            if result == "denied":
                lines.append("LQ*HE*N54")
        status = "4" if result == "denied" else "1"
        first, _sep, last = (claim.patient_name or "").rpartition(" ")
        body += [
            f"LX*{number}",
            f"CLP*{claim.name}*{status}*{x12.amount(claim.amount_total)}*{x12.amount(claim_paid)}**MC*"
            f"SUN-{claim.id:06d}*11*1",
            f"NM1*QC*1*{x12.clean(last).upper()}*{x12.clean(first).upper()}****MI*{x12.clean(claim.member_id)}",
            *lines,
        ]
        total_paid += claim_paid
    stamp = f"{day:%Y%m%d}"
    header = [
        "ST*835*0001",
        f"BPR*I*{x12.amount(total_paid)}*C*ACH*CCP*01*999999999*DA*123456*{PAYER_TAX_ID}**01*999988880*DA*98765*{stamp}",
        f"TRN*1*{trace}*{PAYER_TAX_ID}",
        f"DTM*405*{stamp}",
        "N1*PR*SUNRISE HEALTH PLAN",
        "N3*100 PLAN WAY",
        "N4*INDIANAPOLIS*IN*46204",
        "PER*BL*PROVIDER SERVICES*TE*8005551234",
        f"N1*PE*AGENCY*XX*{AGENCY_NPI}",
    ]
    transaction = [*header, *body]
    transaction.append(f"SE*{len(transaction) + 1}*0001")
    segments = [
        f"ISA*00*          *00*          *ZZ*{'SUN01':<15}*ZZ*{'SUBMITTER01':<15}*{day:%y%m%d}*1200*^*00501*000000901*0*T*:",
        f"GS*HP*SUN01*SUBMITTER01*{stamp}*1200*901*X*005010X221A1",
        *transaction,
        "GE*1*901",
        "IEA*1*000000901",
    ]
    return "".join(f"{segment}~\n" for segment in segments)
