from odoo import models

from .mentoring_portal_document_mixin import SIGNER_FIELDS


class MentoringAgreement(models.Model):
    _name = "mentoring.agreement"
    _inherit = ["mentoring.agreement", "mentoring.portal.document.mixin"]
    _portal_kind = "agreement"
    _portal_report = "peer_mentoring.mentoring_agreement_report"
    _portal_fields = SIGNER_FIELDS | {
        "name",
        "version",
        "state",
        "date_signed",
        "purpose",
        "development_goals",
        "skill_areas",
        "ground_rules",
        "contact_face_to_face",
        "contact_phone",
        "contact_email",
        "contact_video",
        "contact_other",
        "contact_frequency",
        "hours_per_month",
        "duration_months",
        "others_roles",
        "boundaries",
        "recording",
        "confidentiality_statement",
        "confidentiality_limits",
        "problem_resolution",
        "opt_out_notice_hours",
        "coordinator_signed_by",
        "coordinator_signed_on",
        "mentee_name",
        "match_id",
        "company_id",
        "portal_waiting_for_mentee",
    }

    def _portal_content_ready(self):
        return all(self[field] for field in self._required_to_sign)

    def _portal_after_mentee_signed(self):
        if not self._missing_to_sign():
            self.action_sign()
