from odoo import api, fields, models

COMPLETED_STATES = ("passed", "not_passed")


class MentoringInternship(models.Model):
    """How long a completed internship took, from its start to the day it was sent for review
    (the internship's own period): stored for the Workforce dashboard's pivot."""

    _inherit = "mentoring.internship"

    length_days = fields.Integer(
        "Length (days)", compute="_compute_length_days", store=True, aggregator="avg"
    )

    @api.depends("state", "date_start", "date_review")
    def _compute_length_days(self):
        for internship in self:
            done = internship.state in COMPLETED_STATES and internship.date_start and internship.date_review
            internship.length_days = (internship.date_review - internship.date_start).days if done else 0
