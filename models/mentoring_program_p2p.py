from odoo import api, models

from .mentoring_program import DEFAULT_CONFIDENTIALITY, DEFAULT_CONFIDENTIALITY_LIMITS

# Provider-to-provider mentoring (seed 002): the partners share how their organisations work, not
# the lives of people they support, so the person-to-person texts (a child's safety, the
# supervisor of the mentor) do not fit its agreements.
ORG_CONFIDENTIALITY = (
    "We will maintain confidentiality in this relationship: what one organisation shares about "
    "its staff, its participants, its finances or its internal processes is not passed on without "
    "its permission. Notes of our meetings are kept securely and seen only by the mentoring "
    "contacts of our two organisations and the programme's coordinator."
)
ORG_CONFIDENTIALITY_LIMITS = (
    "Confidentiality may be set aside only where the law or the programme's contract requires "
    "something to be reported (for example a breach of data security, a compliance concern or a "
    "suspected fraud), or where keeping it would put a participant at risk of harm. Where "
    "possible the other organisation is told first."
)
_BY_TYPE = {
    "person": {
        "confidentiality_statement": DEFAULT_CONFIDENTIALITY,
        "confidentiality_limits": DEFAULT_CONFIDENTIALITY_LIMITS,
    },
    "organization": {
        "confidentiality_statement": ORG_CONFIDENTIALITY,
        "confidentiality_limits": ORG_CONFIDENTIALITY_LIMITS,
    },
}


class MentoringProgram(models.Model):
    """An organisation programme starts with confidentiality texts written for organisations."""

    _inherit = "mentoring.program"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("program_type") == "organization":
                for field, text in _BY_TYPE["organization"].items():
                    vals.setdefault(field, text)
        return super().create(vals_list)

    def write(self, vals):
        res = super().write(vals)
        if vals.get("program_type") in _BY_TYPE:
            self._swap_default_confidentiality(vals["program_type"], kept=set(vals))
        return res

    @api.onchange("program_type")
    def _onchange_program_type_confidentiality(self):
        self._swap_default_confidentiality(self.program_type)

    def _swap_default_confidentiality(self, program_type, kept=()):
        """Replace a text still as the other type left it by default; an agency's own text stays."""
        other = "person" if program_type == "organization" else "organization"
        for program in self:
            for field, text in _BY_TYPE[program_type].items():
                if field not in kept and program[field] == _BY_TYPE[other][field]:
                    program[field] = text
