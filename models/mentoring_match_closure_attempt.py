from odoo import api, fields, models

ATTEMPT_METHODS = [
    ("phone", "Phone call"),
    ("message", "Text message"),
    ("email", "Email"),
    ("letter", "Letter"),
    ("visit", "Visit"),
    ("other", "Other"),
]


class MentoringMatchClosureAttempt(models.Model):
    """One attempt to reach a side for the closure conversation ("could not reach them"):
    when and how. Kept as it is once the match is closed."""

    _name = "mentoring.match.closure.attempt"
    _description = "Attempt to Reach for Closure"
    _inherit = ["mentoring.guard.mixin"]
    _order = "date, id"
    _check_company_auto = True
    _scope_fields = frozenset({"closure_id", "side"})

    closure_id = fields.Many2one(
        "mentoring.match.closure", required=True, index=True, ondelete="cascade", check_company=True
    )
    program_id = fields.Many2one(related="closure_id.program_id", store=True, index=True)
    company_id = fields.Many2one(related="closure_id.company_id", store=True, index=True)
    side = fields.Selection([("mentor", "Mentor"), ("mentee", "Mentee")], string="Who", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    method = fields.Selection(ATTEMPT_METHODS, string="How", required=True)
    note = fields.Char()

    def _locked_records(self):
        return self.filtered(lambda a: a.sudo().closure_id.state == "done")

    @api.model_create_multi
    def create(self, vals_list):
        attempts = super().create(vals_list)
        attempts._check_not_locked({"closure_id": True})
        attempts.closure_id.match_id._check_acts_for(self.env._("record the closure of a match"))
        return attempts

    def write(self, vals):
        self.closure_id.match_id._check_acts_for(self.env._("record the closure of a match"))
        return super().write(vals)
