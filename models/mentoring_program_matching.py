from odoo import api, fields, models

from .mentoring_match_criterion import DEFAULT_CRITERIA


class MentoringProgram(models.Model):
    _inherit = "mentoring.program"

    match_criterion_ids = fields.One2many(
        "mentoring.match.criterion",
        "program_id",
        string="Matching criteria",
        groups="peer_mentoring.group_coordinator",
        help="What a good match weighs in this programme. Changes are noted in the programme's history.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        programs = super().create(vals_list)
        programs._add_default_match_criteria()
        return programs

    def _default_match_criteria(self):
        """(code, weight, must) a programme of this type starts with."""
        self.ensure_one()
        return DEFAULT_CRITERIA.get(self.program_type, DEFAULT_CRITERIA["person"])

    def _add_default_match_criteria(self):
        """Programmes without criteria get their type's defaults (also run on upgrade)."""
        vals = [
            {"program_id": program.id, "code": code, "weight": weight, "is_must": must, "sequence": seq}
            for program in self.sudo().with_context(active_test=False)
            if not program.match_criterion_ids
            for seq, (code, weight, must) in enumerate(program._default_match_criteria())
        ]
        self.env["mentoring.match.criterion"].sudo().create(vals)

    @api.model
    def _init_match_criteria(self):
        # At install: every programme, archived ones too, gets the default criteria.
        programs = self.sudo().with_context(active_test=False).search([])  # pylint: disable=no-search-all
        programs._add_default_match_criteria()

    def action_open_match_pool(self):
        self.ensure_one()
        return self.env["mentoring.match.pool"]._action_open(self)
