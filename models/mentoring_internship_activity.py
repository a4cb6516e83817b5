from odoo import fields, models

MEETING_KINDS = [
    ("individual", "One-on-one meetings"),
    ("group", "Group meetings"),
]


class MentoringInternshipActivity(models.Model):
    """What an intern may log time for (seed 000's twelve activities, shipped as data). The
    activities fed by confirmed meetings are never logged by hand: a meeting counts once."""

    _name = "mentoring.internship.activity"
    _description = "Internship Activity"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    is_face_to_face = fields.Boolean(
        "Face-to-face mentoring",
        help="Counts toward the share of internship hours spent mentoring face to face.",
    )
    from_meetings = fields.Selection(
        MEETING_KINDS,
        string="Filled from meetings",
        help="Hours of this activity come from the intern's confirmed meetings (one-on-one or "
        "group): they are counted automatically and cannot be logged by hand.",
    )
    active = fields.Boolean(default=True)
