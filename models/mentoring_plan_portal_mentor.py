from odoo import models


class MentoringPlan(models.Model):
    _inherit = ["mentoring.plan", "mentoring.portal.mentor.document.mixin"]
    _name = "mentoring.plan"
    _portal_mentor_fields = frozenset({"portal_waiting_for_mentor"})
