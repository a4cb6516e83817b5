import base64
import re
from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import x12
from ..tools.claim_codes import icd10_for_claim, split_codes
from ..tools.x12_837p_rules import situational_errors

IMPLEMENTATION = "005010X222A1"


class MentoringClaimBatch(models.Model):
    """One 837P file (ASC X12 005010X222A1) sending a batch of claims to the receiver.

    Its interchange and group control numbers come from sequences and are never reused; the
    file is checked with pyx12 and with the guide's situational rules pyx12 does not enforce
    (tools/x12_837p_rules.py) before it is kept, so a file the receiver would reject for its
    form is never made, and no claim is marked sent with a refused file."""

    _name = "mentoring.claim.batch"
    _description = "837P Claim File"
    _inherit = ["mentoring.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(readonly=True, required=True, copy=False)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    claim_ids = fields.One2many("mentoring.claim", "batch_id", "Claims", readonly=True)
    interchange_number = fields.Integer("Interchange control number (ISA13)", readonly=True, copy=False)
    group_number = fields.Integer("Group control number (GS06)", readonly=True, copy=False)
    create_date = fields.Datetime("Made on", readonly=True)
    file = fields.Binary("837P file", readonly=True, attachment=True, copy=False)
    file_name = fields.Char(readonly=True)

    _interchange_unique = models.Constraint(
        "UNIQUE(company_id, interchange_number)", "An interchange control number is used once."
    )

    @api.model
    def _create_for_claims(self, claims):
        claims = claims.sudo()
        if len(claims.company_id) != 1:
            raise UserError(self.env._("Put the claims of one agency in a file."))
        not_draft = claims.filtered(lambda c: c.state != "draft")
        if not_draft:
            raise UserError(
                self.env._(
                    "Claim %(name)s was sent already: a file carries draft claims only (make a correction "
                    "to send it again).",
                    name=not_draft[0].name,
                )
            )
        company = claims.company_id
        self._check_configuration(company, claims)
        Sequence = self.env["ir.sequence"].sudo().with_company(company)
        batch = self.sudo().create(
            {
                "company_id": company.id,
                "name": Sequence.next_by_code("mentoring.claim.batch"),
                "interchange_number": int(Sequence.next_by_code("mentoring.claim.interchange")),
                "group_number": int(Sequence.next_by_code("mentoring.claim.group")),
            }
        )
        text = batch._837p_text(claims)
        errors = x12.validation_errors(text) + situational_errors(text)
        if errors:
            raise UserError(
                self.env._(
                    "The 837P file would not pass the receiver's checks (pyx12 and the guide's rules); "
                    "no claim was sent:\n%(errors)s",
                    errors="\n".join(errors[:10]),
                )
            )
        batch.write(
            {
                "file": base64.b64encode(text.encode("ascii")),
                "file_name": f"{re.sub(r'[^A-Za-z0-9]+', '_', batch.name)}.837",
            }
        )
        claims.write({"batch_id": batch.id, "state": "sent", "date_sent": fields.Date.context_today(self)})
        return batch.sudo(False)

    def _check_configuration(self, company, claims):
        problems = []
        required = [
            (company.claim_submitter_id, self.env._("the submitter ID")),
            (company.claim_receiver_id, self.env._("the receiver ID")),
            (company.claim_receiver_name, self.env._("the receiver's name")),
            (company.claim_contact_phone, self.env._("the claims contact phone")),
            (
                company.street and company.city and company.state_id and company.zip,
                self.env._("the agency's address"),
            ),
        ]
        problems += [
            self.env._("Record %(what)s in Settings → Mentoring claims.", what=what)
            for ok, what in required
            if not ok
        ]
        for payer in claims.payer_id:
            if not payer.mentoring_payer_code:
                problems.append(
                    self.env._("Record the payer ID of %(payer)s on its contact.", payer=payer.name)
                )
        if company.zip and len(_digits(company.zip)) != 9:
            problems.append(
                self.env._(
                    "Give the agency's address a 9-digit ZIP code (ZIP+4, e.g. 46204-1234) in Settings → "
                    "Users & Companies → Companies → %(company)s: the 837P's billing provider must have "
                    "one, and clearinghouses reject the file without it (it is %(zip)s now).",
                    company=company.name,
                    zip=company.zip,
                )
            )
        for claim in claims.filtered(lambda c: not c.patient_birthdate):
            problems.append(
                self.env._(
                    "Claim %(name)s has no date of birth of the person, which the 837P requires: ask the "
                    "programme's coordinator to record it on the mentee, then send a correction of the claim.",
                    name=claim.name,
                )
            )
        if problems:
            raise UserError(
                self.env._(
                    "The 837P file cannot be made yet:\n%(p)s", p="\n".join(f"• {p}" for p in problems)
                )
            )

    # Writing the 837P --------------------------------------------------------------------------

    def _837p_text(self, claims):
        self.ensure_one()
        company = self.company_id
        when = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        out = x12.SegmentWriter()
        out.segments.append(
            x12.isa_segment(
                "ZZ",
                company.claim_submitter_id,
                "ZZ",
                company.claim_receiver_id,
                when,
                self.interchange_number,
                company.claim_usage or "T",
            )
        )
        out.add(
            "GS",
            "HC",
            x12.clean(company.claim_submitter_id, 15),
            x12.clean(company.claim_receiver_id, 15),
            when.strftime("%Y%m%d"),
            when.strftime("%H%M"),
            str(self.group_number),
            "X",
            IMPLEMENTATION,
        )
        start = len(out.segments)
        out.add("ST", "837", "0001", IMPLEMENTATION)
        out.add(
            "BHT",
            "0019",
            "00",
            x12.clean(self.name, 30),
            when.strftime("%Y%m%d"),
            when.strftime("%H%M"),
            "CH",
        )
        # 1000A submitter, 1000B receiver
        out.add(
            "NM1",
            "41",
            "2",
            x12.clean(company.name, 60),
            "",
            "",
            "",
            "",
            "46",
            x12.clean(company.claim_submitter_id, 80),
        )
        out.add(
            "PER",
            "IC",
            x12.clean(company.claim_contact_name or company.name, 60),
            "TE",
            _digits(company.claim_contact_phone),
        )
        out.add(
            "NM1",
            "40",
            "2",
            x12.clean(company.claim_receiver_name, 60),
            "",
            "",
            "",
            "",
            "46",
            x12.clean(company.claim_receiver_id, 80),
        )
        # 2000A billing provider
        out.add("HL", "1", "", "20", "1")
        if company.claim_taxonomy:
            out.add("PRV", "BI", "PXC", company.claim_taxonomy)
        out.add("NM1", "85", "2", x12.clean(company.name, 60), "", "", "", "", "XX", company.claim_npi)
        self._address(out, company.street, company.city, company.state_id.code, company.zip)
        out.add("REF", "EI", company.claim_tax_id)
        hl = 1
        claims = claims.sorted("id")
        # Every claim's lines read at once (a thousand at a time), not one claim's at a time.
        claims.line_ids.fetch()
        for claim in claims:
            hl += 1
            self._subscriber_loop(out, claim, hl)
            self._claim_loop(out, claim)
        out.add("SE", str(out.count_since(start) + 1), "0001")
        out.add("GE", "1", str(self.group_number))
        out.add("IEA", "1", f"{self.interchange_number:09d}")
        return out.text()

    def _address(self, out, street, city, state_code, zip_code):
        out.add("N3", x12.clean(street, 55))
        out.add("N4", x12.clean(city, 30), x12.clean(state_code, 2), _digits(zip_code))

    def _subscriber_loop(self, out, claim, hl):
        # 2000B: the person is the subscriber (SBR02 18, self): no patient loop.
        out.add("HL", str(hl), "1", "22", "0")
        out.add("SBR", "P", "18", "", "", "", "", "", "", claim.payer_id.mentoring_claim_filing_code or "MC")
        _person(out, "IL", claim.patient_name, "MI", claim.member_id)
        if claim.patient_street and claim.patient_city:
            self._address(
                out, claim.patient_street, claim.patient_city, claim.patient_state_code, claim.patient_zip
            )
        if claim.patient_birthdate:
            out.add("DMG", "D8", claim.patient_birthdate.strftime("%Y%m%d"), claim.patient_sex or "U")
        out.add(
            "NM1",
            "PR",
            "2",
            x12.clean(claim.payer_id.name, 60),
            "",
            "",
            "",
            "",
            "PI",
            x12.clean(claim.payer_id.mentoring_payer_code, 80),
        )

    def _claim_loop(self, out, claim):
        lines = claim.line_ids.sorted("sequence")
        place = lines[:1].place_of_service or "11"
        out.add(
            "CLM",
            x12.clean(claim.name, 38),
            x12.amount(claim.amount_total),
            "",
            "",
            out.composite(place, "B", claim.frequency),
            "Y",
            "A",
            "Y",
            "Y",
        )
        if claim.frequency in ("7", "8"):
            out.add("REF", "F8", x12.clean(claim.payer_claim_number, 50))
        if claim.prior_authorization:
            out.add("REF", "G1", x12.clean(claim.prior_authorization, 50))
        codes = [icd10_for_claim(code) for code in split_codes(claim.diagnosis_codes)]
        if codes:
            out.add("HI", *[out.composite("ABK" if i == 0 else "ABF", code) for i, code in enumerate(codes)])
        claim_renderer = _claim_renderer(lines, self.company_id.claim_npi)
        if claim_renderer:
            # 2310B: the rendering provider of the claim, when not the billing provider.
            self._rendering_provider(out, *claim_renderer)
        for number, line in enumerate(lines, 1):
            out.add("LX", str(number))
            pointers = [str("ABCDEFGHIJKL".index(letter) + 1) for letter in line.diagnosis_pointer or "A"]
            out.add(
                "SV1",
                out.composite("HC", line.procedure_code, *split_codes(line.modifiers)),
                x12.amount(line.charge),
                "UN",
                x12.quantity(line.units),
                line.place_of_service if line.place_of_service != place else "",
                "",
                out.composite(*pointers),
            )
            out.add("DTP", "472", "D8", line.date.strftime("%Y%m%d"))
            if line.prior_authorization and not claim.prior_authorization:
                out.add("REF", "G1", x12.clean(line.prior_authorization, 50))
            out.add("REF", "6R", x12.clean(line.line_reference, 50))
            if _needs_own_renderer(line, claim_renderer, self.company_id.claim_npi):
                # 2420A: only where a line's rendering provider differs from the claim's.
                self._rendering_provider(out, *_renderer(line))

    def _rendering_provider(self, out, npi, name, taxonomy):
        _person(out, "82", name, "XX", npi)
        if taxonomy:
            out.add("PRV", "PE", "PXC", taxonomy)

    def action_download(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/file/{self.file_name}?download=true",
            "target": "self",
        }


def _renderer(line):
    return (line.rendering_npi, line.rendering_name, line.rendering_taxonomy) if line.rendering_npi else None


def _claim_renderer(lines, billing_npi):
    """The claim's rendering provider (loop 2310B): the one most lines share (the first line's
    on a tie), unless it is the billing provider. The other lines carry theirs in 2420A."""
    counts = Counter(_renderer(line) for line in lines if _renderer(line))
    if not counts:
        return None
    renderer = counts.most_common(1)[0][0]
    return renderer if renderer[0] != billing_npi else None


def _needs_own_renderer(line, claim_renderer, billing_npi):
    own = _renderer(line)
    if not own:
        return False
    return own != claim_renderer if claim_renderer else own[0] != billing_npi


def _digits(value):
    return re.sub(r"\D", "", value or "")


def _person(out, entity, name, qualifier, identifier):
    """NM1 of a person (subscriber, rendering provider): last name, first name, identifier."""
    last, first = _split_name(name)
    out.add(
        "NM1",
        entity,
        "1",
        x12.clean(last, 60),
        x12.clean(first, 35),
        "",
        "",
        "",
        qualifier,
        x12.clean(identifier, 80),
    )


def _split_name(name):
    """(last, first) of a name written first-name first."""
    parts = (name or "").split()
    if len(parts) < 2:
        return name or "", ""
    return parts[-1], " ".join(parts[:-1])
