from odoo import api, fields, models

# Stages whose training the programme rules judge.
JUDGED_STAGES = ("intern", "certified")


class MentoringMentor(models.Model):
    """Whether an intern or certified mentor meets the training their programmes' rules ask for
    today (introductory training, and continuing education in the certification cycle): the
    Workforce dashboard counts the mentors who do and who do not. Not stored (it turns with the
    day), searchable so that a pivot's domain can ask for it."""

    _inherit = "mentoring.mentor"

    training_compliant = fields.Boolean(
        "Training up to date", compute="_compute_training_compliant", search="_search_training_compliant"
    )

    @api.depends("compliance_note")
    def _compute_training_compliant(self):
        for mentor in self:
            mentor.training_compliant = mentor.state in JUDGED_STAGES and not mentor.compliance_note

    def _search_training_compliant(self, operator, value):
        if operator != "in":
            return NotImplemented
        today = fields.Date.context_today(self)
        judged = self.search([("state", "in", JUDGED_STAGES)])
        compliant = judged.filtered(lambda mentor: not mentor._training_problem(today))
        if True in value:
            return [("id", "in", compliant.ids)]
        return [("id", "in", (judged - compliant).ids)]
