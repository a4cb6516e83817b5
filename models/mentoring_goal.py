from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# A goal's status moves on after the plan is signed; its wording does not.
_FOLLOW_UP_FIELDS = {"status", "sequence", "status_note"}


class MentoringGoal(models.Model):
    _name = "mentoring.goal"
    _description = "Mentee Goal"
    _inherit = ["mentoring.guard.mixin"]
    _order = "plan_id, sequence, id"
    _check_company_auto = True
    _scope_fields = frozenset({"plan_id"})

    name = fields.Char("Goal", required=True)
    sequence = fields.Integer(default=10)
    plan_id = fields.Many2one("mentoring.plan", required=True, index=True, ondelete="cascade")
    match_id = fields.Many2one(related="plan_id.match_id", store=True, index=True)
    mentee_id = fields.Many2one(related="plan_id.mentee_id", store=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    plan_state = fields.Selection(related="plan_id.state")
    is_first_two = fields.Boolean("First two", help="One of the first two goals the mentee wants to work on.")
    status = fields.Selection(
        [
            ("not_started", "Not started"),
            ("in_progress", "In progress"),
            ("achieved", "Achieved"),
            ("paused", "Paused"),
            ("changed", "No longer a goal"),
        ],
        default="not_started",
        required=True,
    )
    status_note = fields.Char("Status note")

    @api.constrains("plan_id", "is_first_two")
    def _check_first_two(self):
        for plan in self.plan_id:
            if len(plan.goal_ids.filtered("is_first_two")) > 2:
                raise ValidationError(
                    self.env._("Tick “First two” on at most two goals of %(plan)s.", plan=plan.display_name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        goals = super().create(vals_list)
        goals._check_plan_draft()
        goals.match_id._check_editable()
        return goals

    @api.ondelete(at_uninstall=False)
    def _unlink_only_if_match_editable(self):
        self.match_id._check_editable()

    def write(self, vals):
        if "plan_id" in vals and not self.env.su and any(goal.plan_id.id != vals["plan_id"] for goal in self):
            raise UserError(self.env._("A goal stays with its plan. Add a new goal to the other plan."))
        self.match_id._check_editable()
        if set(vals) - _FOLLOW_UP_FIELDS:
            self._check_plan_draft()
        return super().write(vals)

    def _check_plan_draft(self):
        if self.env.su:
            return
        if any(goal.plan_id.state != "draft" for goal in self):
            raise UserError(
                self.env._(
                    "The goals of a signed plan keep their wording; you can still update their "
                    "status. To change a goal, make a new version of the plan."
                )
            )
