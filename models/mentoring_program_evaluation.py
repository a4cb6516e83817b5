from odoo import fields, models


class MentoringProgram(models.Model):
    _inherit = "mentoring.program"

    ask_end_feedback = fields.Boolean(
        "Feedback forms at the end of a match",
        help="When a match closes, the mentor and the mentee are each given a feedback form "
        "(seed 001: the foster carer scheme's mentor and mentee feedback forms).",
    )
