from odoo import models

from .mentoring_portal_document_mixin import SIGNER_FIELDS


class MentoringEncounter(models.Model):
    _name = "mentoring.encounter"
    _inherit = ["mentoring.encounter", "mentoring.portal.document.mixin"]
    _portal_kind = "meeting"
    _portal_report = "peer_mentoring.mentoring_encounter_report"
    # What the meeting form prints. The person reads the progress written about them (the
    # paper form shows it to them to sign); never the confidential notes nor billing.
    _portal_fields = SIGNER_FIELDS | {
        "name",
        "state",
        "date",
        "start_time",
        "end_time",
        "duration_minutes",
        "location_type",
        "goal_id",
        "progress",
        "progress_explanation",
        "no_action_reason",
        "next_steps",
        "mentee_name",
        "match_id",
        "company_id",
        "portal_waiting_for_mentee",
    }

    def _portal_content_ready(self):
        return not self._progress_problem()
