from odoo import models

from .mentoring_plan_portal import MentoringPlan as _PortalPlan


class MentoringPlan(models.Model):
    _name = "mentoring.plan"
    _inherit = ["mentoring.plan", "mentoring.portal.mentor.document.mixin"]
    _portal_fields = _PortalPlan._portal_fields | {"portal_waiting_for_mentor"}
