from odoo import models

from .mentoring_portal_document_mixin import SIGNER_FIELDS


class MentoringPlan(models.Model):
    _name = "mentoring.plan"
    _inherit = ["mentoring.plan", "mentoring.portal.document.mixin"]
    _portal_kind = "plan"
    _portal_report = "peer_mentoring.mentoring_plan_report"
    _portal_fields = SIGNER_FIELDS | {
        "name",
        "version",
        "state",
        "date_signed",
        "plan_date",
        "person_centred_goals",
        "goal_ids",
        "first_steps",
        "before_next_meeting",
        "date_reviewed",
        "next_review_date",
        "mentee_name",
        "match_id",
        "company_id",
        "portal_waiting_for_mentee",
    }

    def _portal_content_ready(self):
        return bool(self.person_centred_goals and self.goal_ids.filtered("is_first_two"))

    def _portal_after_mentee_signed(self):
        # Signed by both: the plan is kept as signed (nobody in the office has to press Sign).
        if not self._missing_to_sign():
            self.action_sign()
