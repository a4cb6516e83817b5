from odoo import fields, models

from ..models.mentoring_match import CLOSURE_REASONS


class MentoringMatchClose(models.TransientModel):
    _name = "mentoring.match.close"
    _description = "Close a Mentoring Match"
    _inherit = ["mentoring.guard.mixin"]
    _scope_fields = frozenset({"match_ids"})

    match_ids = fields.Many2many("mentoring.match", required=True)
    closure_reason = fields.Selection(CLOSURE_REASONS, string="Why does it end?", required=True)
    closure_note = fields.Text(
        help="Ending a match that does not work is nobody's failure: say what was agreed and "
        "whether another mentor should be found."
    )

    def action_close(self):
        self.match_ids._close(self.closure_reason, self.closure_note)
        return {"type": "ir.actions.act_window_close"}
