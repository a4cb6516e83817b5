from odoo import api, fields, models


class MentoringMentor(models.Model):
    _inherit = "mentoring.mentor"

    knowledge_survey_count = fields.Integer("Knowledge surveys", compute="_compute_knowledge_survey_count")
    # Organisation programmes have the knowledge survey; the button shows on their mentors only.
    in_organisation_programme = fields.Boolean(compute="_compute_in_organisation_programme")

    @api.depends("program_ids.program_type")
    def _compute_in_organisation_programme(self):
        for mentor in self:
            mentor.in_organisation_programme = "organization" in mentor.program_ids.mapped("program_type")

    def _compute_knowledge_survey_count(self):
        counts = dict(
            self.env["mentoring.knowledge.survey"]._read_group(
                [("mentor_id", "in", self.ids)], ["mentor_id"], ["__count"]
            )
        )
        for mentor in self:
            mentor.knowledge_survey_count = counts.get(mentor._origin, 0)

    def _knowledge_strengths(self, program=None):
        """{topic_id: level 1-3} from this mentor organisation's latest knowledge survey (in
        `program` when given); empty when it has answered none."""
        self.ensure_one()
        return self._knowledge_strengths_batch(program)[self.id]

    def _knowledge_strengths_batch(self, program=None):
        """{mentor_id: {topic_id: level}} for every mentor of `self`, in one query."""
        return self.env["mentoring.knowledge.survey"]._latest_levels("mentor_id", self, program)

    def action_view_knowledge_surveys(self):
        self.ensure_one()
        return self.env["mentoring.knowledge.survey"]._action_for("mentor", self)
