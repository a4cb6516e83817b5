from odoo import fields, models

from .mentoring_mentee_claims import SEXES


class MentoringClaim(models.Model):
    """What the paper claim (CMS-1500) and the 837P need of the person and the agency beyond the
    codes: box 3's sex, box 5's address, boxes 32/33's address and phone. A claim is refused,
    naming each missing fact once and where to record it, rather than printed with an empty box
    the payer reads."""

    _inherit = "mentoring.claim"

    patient_sex = fields.Selection(SEXES, "Sex", readonly=True)

    def _prepare_claim_values(self, move, mentee, timesheets):
        vals, problems = super()._prepare_claim_values(move, mentee, timesheets)
        profile = self.env["mentoring.billing.profile"].browse(vals.get("profile_id"))
        vals["patient_sex"] = mentee.sex or False
        problems += self._patient_problems(mentee, vals, move.commercial_partner_id, profile)
        problems += self._agency_problems(move.company_id)
        return vals, problems

    def _patient_problems(self, mentee, vals, payer, profile):
        problems = []
        ask = self.env._("ask the programme's coordinator to record it")
        if not vals.get("member_id"):
            problems.append(
                self.env._(
                    "%(mentee)s has no member ID with %(payer)s (box 1a): %(ask)s on the person's "
                    "coverage (Mentees → the person → Coverage).",
                    mentee=mentee.name,
                    payer=payer.name,
                    ask=ask,
                )
            )
        if not vals.get("patient_birthdate"):
            problems.append(
                self.env._(
                    "%(mentee)s has no date of birth (box 3): %(ask)s on the person's record (Mentees).",
                    mentee=mentee.name,
                    ask=ask,
                )
            )
        if not vals.get("patient_sex") and (not profile or profile.requires_patient_sex):
            problems.append(
                self.env._(
                    "%(payer)s needs the person's sex (box 3) and %(mentee)s has none recorded: %(ask)s "
                    "on the person's record (Mentees → Sex on the health-plan card, F or M).",
                    payer=payer.name,
                    mentee=mentee.name,
                    ask=ask,
                )
            )
        missing = [
            label
            for label, key in (
                (self.env._("street"), "patient_street"),
                (self.env._("city"), "patient_city"),
                (self.env._("state"), "patient_state_code"),
                (self.env._("ZIP code"), "patient_zip"),
            )
            if not vals.get(key)
        ]
        if missing:
            problems.append(
                self.env._(
                    "%(mentee)s's address has no %(missing)s (box 5): ask the programme's coordinator "
                    "to fill in the address on the person's contact (Mentees → the person → Contact).",
                    mentee=mentee.name,
                    missing=", ".join(missing),
                )
            )
        return problems

    def _agency_problems(self, company):
        problems = []
        missing = [
            label
            for label, value in (
                (self.env._("street"), company.street),
                (self.env._("city"), company.city),
                (self.env._("state"), company.state_id),
                (self.env._("ZIP code"), company.zip),
            )
            if not value
        ]
        if missing:
            problems.append(
                self.env._(
                    "The agency's address has no %(missing)s (boxes 32 and 33): record it in "
                    "Settings → Companies → %(company)s.",
                    missing=", ".join(missing),
                    company=company.name,
                )
            )
        if len("".join(ch for ch in company.claim_contact_phone or company.phone or "" if ch.isdigit())) < 10:
            problems.append(
                self.env._(
                    "The agency's billing phone number (box 33, area code and number) is missing: record "
                    "the claims contact phone in Settings → Mentoring claims."
                )
            )
        return problems
