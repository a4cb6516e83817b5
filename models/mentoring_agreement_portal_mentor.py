from odoo import models


class MentoringAgreement(models.Model):
    _inherit = ["mentoring.agreement", "mentoring.portal.mentor.document.mixin"]
    _name = "mentoring.agreement"
    _portal_mentor_fields = frozenset({"portal_waiting_for_mentor"})
