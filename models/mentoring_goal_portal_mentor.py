from odoo import models


class MentoringGoal(models.Model):
    """A carer mentor on the portal picks the goal of the meeting they log: they read which
    match and which version of the plan a goal belongs to."""

    _inherit = "mentoring.goal"
    _portal_mentor_fields = frozenset({"match_id", "plan_state"})
