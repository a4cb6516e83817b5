from odoo import api, fields, models


class MentoringPlan(models.Model):
    """“My Individual Plan” (seed 000): done when mentor and mentee start together, and again
    as a new version whenever the plan changes."""

    _name = "mentoring.plan"
    _description = "My Individual Plan"
    _inherit = ["mentoring.signed.document.mixin", "mentoring.thread.mixin", "mail.activity.mixin"]
    _order = "match_id, version desc"

    name = fields.Char(compute="_compute_name", store=True)
    previous_id = fields.Many2one("mentoring.plan", string="Previous version", readonly=True, copy=False)
    plan_date = fields.Date("Date", default=fields.Date.context_today, required=True)
    person_centred_goals = fields.Text(
        "Goals from my person-centred plan",
        help="Goals from my person-centred plan I want to work toward with my mentor.",
    )
    goal_ids = fields.One2many("mentoring.goal", "plan_id", string="Goals", copy=True)
    first_steps = fields.Text("First steps toward my goals")
    before_next_meeting = fields.Text("Things I need to work on before our next meeting")
    date_reviewed = fields.Date("Date reviewed", tracking=True)
    next_review_date = fields.Date("Next review", tracking=True)

    _required_to_sign = {"person_centred_goals": "Goals from my person-centred plan"}

    @api.depends("mentee_id.name", "version")
    def _compute_name(self):
        for plan in self:
            plan.name = self.env._(
                "Individual plan of %(mentee)s (v%(version)s)",
                mentee=plan.mentee_id.name or "",
                version=plan.version,
            )

    def _missing_to_sign(self):
        missing = super()._missing_to_sign()
        if not self.goal_ids.filtered("is_first_two"):
            missing.append(self.env._("the first goals to work on (tick “First two”)"))
        return missing
