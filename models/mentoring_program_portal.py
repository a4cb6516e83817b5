from odoo import fields, models


class MentoringProgram(models.Model):
    _inherit = "mentoring.program"

    portal_evaluations = fields.Boolean(
        "Mentees fill in their forms on the portal",
        help="The person mentored fills in their own evaluation of the mentor (seed 000) and their "
        "feedback form (seed 001) on the portal, instead of only with the supervisor. Their "
        "answers stay confidential: the mentor evaluated never reads them.",
    )
