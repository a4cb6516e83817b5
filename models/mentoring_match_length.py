from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

LENGTH_BUCKETS = [
    ("under_3", "Under 3 months"),
    ("3_to_12", "3 to 12 months"),
    ("12_plus", "12 months or more"),
]


def ended_before(match, months):
    """Whether a closed relationship ended before `months` months from its planned start to
    its closing day: the one definition of the funder report's and the dashboard's lengths."""
    return match.date_closed < match.date_start + relativedelta(months=months)


class MentoringMatch(models.Model):
    """How long a closed relationship lasted, stored so that the Programme dashboard can count
    and share it by programme (Reporting → Relationships (figures)). A relationship put on hold
    and reopened is one relationship: its length runs from its planned start to its closing
    day. A closed relationship with no meetings counts like any other."""

    _inherit = "mentoring.match"

    ended_length = fields.Selection(
        LENGTH_BUCKETS, "Lasted", compute="_compute_ended_length", store=True, readonly=True
    )
    ended_before_3_months = fields.Integer(
        "Ended before 3 months (%)",
        compute="_compute_ended_length",
        store=True,
        aggregator="avg",
        help="100 for a closed relationship that ended before 3 months, 0 for one that lasted "
        "longer: averaged over closed relationships, the share that ended that early.",
    )
    ended_before_12_months = fields.Integer(
        "Ended before 12 months (%)", compute="_compute_ended_length", store=True, aggregator="avg"
    )

    @api.depends("state", "date_start", "date_closed")
    def _compute_ended_length(self):
        for match in self:
            if match.state != "closed" or not (match.date_start and match.date_closed):
                match.update({"ended_length": False, "ended_before_3_months": 0, "ended_before_12_months": 0})
                continue
            under_3, under_12 = ended_before(match, 3), ended_before(match, 12)
            match.ended_length = "under_3" if under_3 else "3_to_12" if under_12 else "12_plus"
            match.ended_before_3_months = 100 if under_3 else 0
            match.ended_before_12_months = 100 if under_12 else 0
