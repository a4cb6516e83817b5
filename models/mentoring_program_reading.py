from odoo import fields, models


class MentoringProgram(models.Model):
    _inherit = "mentoring.program"

    easy_read_default = fields.Boolean(
        "Easy read for portal users",
        help="Mentees and mentors of this programme who sign in on the portal see big text and "
        "picture buttons, unless they choose otherwise on their Help page.",
    )
