from odoo import models


class MentoringGoal(models.Model):
    _name = "mentoring.goal"
    _inherit = ["mentoring.goal", "mentoring.portal.mixin"]
    # The goal as the plan prints it; not the mentor's status note.
    _portal_fields = frozenset({"name", "sequence", "plan_id", "is_first_two", "status"})
