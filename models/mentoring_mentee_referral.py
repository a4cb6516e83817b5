from odoo import fields, models


class MentoringMentee(models.Model):
    """The day a person asked for (or was referred for) a mentor: the days they wait for one
    are counted from it (`mentoring.mentee.waiting`)."""

    _inherit = "mentoring.mentee"

    date_referred = fields.Date(
        "Asked for a mentor on",
        default=fields.Date.context_today,
        help="The day the person asked for a mentor, or was referred: days waiting for a mentor "
        "count from it (or from the end of their last relationship in the programme, if later).",
    )
