from odoo import models


class MentoringProgram(models.Model):
    """Programmes come first when an agency moves in: mentors, mentees, authorisations and
    matches name them."""

    _name = "mentoring.program"
    _inherit = ["mentoring.program", "mentoring.import.mixin"]
    _import_template = ("mentoring_program.xlsx", "Import Template for Programmes")
