from odoo import models


class MentoringSupervisionSession(models.Model):
    """A supervision session as a volunteer or carer mentor reads it on the portal: when,
    where, how long, whether it was held. Not the agenda, outcomes or who else attended."""

    _name = "mentoring.supervision.session"
    _inherit = ["mentoring.supervision.session", "mentoring.portal.mixin"]
    _portal_mentor_fields = frozenset(
        {"name", "date", "start_time", "duration", "modality", "location", "state"}
    )
