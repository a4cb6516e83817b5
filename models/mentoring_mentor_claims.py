from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.claim_codes import provider_id_problem

PEER_SPECIALIST_TAXONOMY = "175T00000X"


class MentoringMentor(models.Model):
    """The mentor as the rendering provider on the payer's claims. Coordinators record it (a
    mentor changes only their self-service fields)."""

    _inherit = "mentoring.mentor"

    npi = fields.Char(
        "NPI", size=10, help="The mentor's own National Provider Identifier, when the payer asks for it."
    )
    taxonomy = fields.Char(size=10, default=PEER_SPECIALIST_TAXONOMY, help="175T00000X: peer specialist.")

    @api.constrains("npi", "taxonomy")
    def _check_rendering_identifiers(self):
        for mentor in self:
            problem = provider_id_problem(mentor.npi, mentor.taxonomy)
            if problem:
                raise ValidationError(self.env._("%(mentor)s: %(why)s.", mentor=mentor.name, why=problem))
