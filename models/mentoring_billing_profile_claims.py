from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.claim_codes import MODIFIER, POS_CODE, split_codes

MAX_MODIFIERS = 4


class MentoringBillingProfile(models.Model):
    """How the payer wants a meeting's place and the way it was held on a claim line."""

    _inherit = "mentoring.billing.profile"

    pos_agency = fields.Char("Place of service: at the agency", default="11", size=2)
    pos_community = fields.Char("Place of service: in the community", default="99", size=2)
    pos_telehealth = fields.Char(
        "Place of service: video or phone",
        default="10",
        size=2,
        help="02 telehealth other than in the person's home, 10 telehealth in the person's home; "
        "some payers want the usual place (11) with the telehealth modifier instead.",
    )
    modifier_video = fields.Char(
        "Modifier: video", default="95", size=2, help="95 (most payers) or GT (some Medicaid plans)."
    )
    modifier_audio = fields.Char(
        "Modifier: phone (audio only)", default="93", size=2, help="93 (most payers) or FQ; GT for some."
    )
    claim_modifiers = fields.Char(
        "Modifiers on every line",
        help="The payer's own modifiers added to every service line (e.g. U8), after the "
        "service's (e.g. HQ for groups) and before the telehealth one. A line carries four at most.",
    )
    requires_rendering_provider = fields.Boolean(
        "Requires the rendering provider",
        default=True,
        help="Each service line names the mentor who gave the service, with their NPI and taxonomy.",
    )
    requires_patient_sex = fields.Boolean(
        "Requires the person's sex",
        default=True,
        help="The payer needs box 3's sex (F or M, as on the person's health-plan card): a claim is "
        "refused while the person has none recorded. Untick it only for a payer that reads no sex "
        "from the claim; its CMS-1500 then leaves box 3's sex empty and the 837P says U (unknown).",
    )

    @api.constrains(
        "pos_agency", "pos_community", "pos_telehealth", "modifier_video", "modifier_audio", "claim_modifiers"
    )
    def _check_claim_codes(self):
        for profile in self:
            for pos in (profile.pos_agency, profile.pos_community, profile.pos_telehealth):
                if pos and not POS_CODE.match(pos):
                    raise ValidationError(self.env._("A place of service is two digits, e.g. 11 or 10."))
            modifiers = [
                profile.modifier_video or "",
                profile.modifier_audio or "",
                *split_codes(profile.claim_modifiers),
            ]
            wrong = [m for m in modifiers if m and not MODIFIER.match(m)]
            if wrong:
                raise ValidationError(
                    self.env._(
                        "A modifier is two letters or digits (e.g. HQ, 95, GT): %(wrong)s is not.",
                        wrong=wrong[0],
                    )
                )
            if len(split_codes(profile.claim_modifiers)) > MAX_MODIFIERS - 1:
                raise ValidationError(
                    self.env._("A line carries four modifiers at most: list at most three here.")
                )

    def _place_of_service(self, location_type):
        self.ensure_one()
        return {
            "agency": self.pos_agency,
            "community": self.pos_community,
            "virtual": self.pos_telehealth,
            "phone": self.pos_telehealth,
        }.get(location_type) or "99"

    def _telehealth_modifier(self, location_type):
        self.ensure_one()
        return {"virtual": self.modifier_video, "phone": self.modifier_audio}.get(location_type) or ""
