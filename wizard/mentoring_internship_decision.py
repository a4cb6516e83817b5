from odoo import fields, models

from ..models.mentoring_internship_certification import DECISION_ROLES, DECISIONS


class MentoringInternshipDecision(models.TransientModel):
    """The supervisor's or the oversight body's part of the decision on an internship. The
    internship's own method checks who acts: the role chosen here is what they say they are."""

    _name = "mentoring.internship.decision"
    _description = "Internship Decision"
    _inherit = ["mentoring.guard.mixin"]
    _scope_fields = frozenset({"internship_id", "role"})

    internship_id = fields.Many2one("mentoring.internship", required=True, ondelete="cascade")
    role = fields.Selection(DECISION_ROLES, required=True, readonly=True)
    decision = fields.Selection(DECISIONS, required=True)
    note = fields.Text("Comments")

    def action_confirm(self):
        self.ensure_one()
        self.internship_id._record_decision(self.role, self.decision, self.note or "")
        return {"type": "ir.actions.act_window_close"}
