from odoo import api, models


class MentoringProgram(models.Model):
    """Programmes come first when an agency moves in: mentors, mentees, authorisations and
    matches name them."""

    _name = "mentoring.program"
    _inherit = ["mentoring.program", "mentoring.import.mixin"]

    @api.model
    def get_import_templates(self):
        return self._import_template("mentoring_program.xlsx", self.env._("Import Template for Programmes"))
