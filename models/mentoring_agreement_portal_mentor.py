from odoo import models

from .mentoring_agreement_portal import MentoringAgreement as _PortalAgreement


class MentoringAgreement(models.Model):
    _name = "mentoring.agreement"
    _inherit = ["mentoring.agreement", "mentoring.portal.mentor.document.mixin"]
    _portal_fields = _PortalAgreement._portal_fields | {"portal_waiting_for_mentor"}
