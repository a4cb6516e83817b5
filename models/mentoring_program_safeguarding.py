from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MentoringProgram(models.Model):
    _inherit = "mentoring.program"

    safeguarding_jurisdiction_id = fields.Many2one(
        "mentoring.safeguarding.jurisdiction",
        string="Safeguarding rules of",
        groups="peer_mentoring.group_manager",
        help="Whose notification duties apply to a concern raised in this programme.",
    )
    safeguarding_lead_id = fields.Many2one(
        "res.users",
        string="Safeguarding lead",
        groups="peer_mentoring.group_manager",
        domain=lambda self: [("group_ids", "in", self.env.ref("peer_mentoring.group_safeguarding_lead").ids)],
        help="Gets the activities of this programme's concerns; else the agency's first lead does.",
    )

    @api.constrains("safeguarding_lead_id")
    def _check_safeguarding_lead(self):
        group = self.env.ref("peer_mentoring.group_safeguarding_lead")
        for program in self:
            if program.safeguarding_lead_id and group not in program.safeguarding_lead_id.all_group_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a safeguarding lead: give them the Safeguarding lead role first.",
                        user=program.safeguarding_lead_id.name,
                    )
                )
