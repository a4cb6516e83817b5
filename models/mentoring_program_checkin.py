from odoo import fields, models


class MentoringProgram(models.Model):
    """How often the programme's staff check in with each relationship (MENTOR's standard 5:
    at least twice in the first month of a match, then monthly) and with whom."""

    _inherit = "mentoring.program"

    checkin_first_month_count = fields.Integer(
        "Check-ins in the first month",
        default=2,
        help="With each side of a new match, counted from the match's start: the first by day "
        "14 (with two), the last by day 30.",
    )
    checkin_interval_months = fields.Integer(
        "Then one every (months)",
        default=1,
        help="After the first month, a check-in with each side is due this many months after the "
        "last one. 0: no check-ins after the first month.",
    )
    checkin_with_guardian = fields.Boolean(
        "Check in with guardians too",
        help="The mentee's parent, carer or guardian is a side of every check-in cadence (young "
        "people, people with a legal representative).",
    )

    _checkin_cadence_not_negative = models.Constraint(
        "CHECK(checkin_first_month_count >= 0 AND checkin_interval_months >= 0)",
        "The check-in cadence cannot be negative.",
    )

    def _checkin_sides(self):
        """Whom a coordinator checks in with, in this programme."""
        self.ensure_one()
        return ("mentor", "mentee", "guardian") if self.checkin_with_guardian else ("mentor", "mentee")
