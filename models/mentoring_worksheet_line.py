from odoo import api, fields, models
from odoo.exceptions import UserError

from .mentoring_worksheet import WORKSHEET_TOPICS


class MentoringWorksheetLine(models.Model):
    """One row of the planning worksheet: a planning topic with the mentor's and the mentee's
    notes."""

    _name = "mentoring.worksheet.line"
    _description = "Planning Worksheet Row"
    _inherit = ["mentoring.guard.mixin"]
    _order = "worksheet_id, sequence, id"
    _scope_fields = frozenset({"worksheet_id", "topic"})

    worksheet_id = fields.Many2one("mentoring.worksheet", required=True, index=True, ondelete="cascade")
    topic = fields.Selection(WORKSHEET_TOPICS, string="Planning topic", required=True)
    sequence = fields.Integer()
    mentor_notes = fields.Text("Mentor notes")
    mentee_notes = fields.Text("Mentee notes")

    _topic_once = models.Constraint("UNIQUE(worksheet_id, topic)", "Each planning topic is one row.")

    def write(self, vals):
        if not self.env.su:
            if {"worksheet_id", "topic", "sequence"} & set(vals):
                raise UserError(self.env._("The worksheet's planning topics are fixed: fill in the notes."))
            self.worksheet_id._check_open_for_notes()
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su:
            lines.worksheet_id._check_open_for_notes()
        return lines
