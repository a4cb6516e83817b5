from odoo import api, fields, models


class MentoringMentee(models.Model):
    _inherit = "mentoring.mentee"

    knowledge_survey_count = fields.Integer("Knowledge surveys", compute="_compute_knowledge_survey_count")
    in_organisation_programme = fields.Boolean(compute="_compute_in_organisation_programme")

    @api.depends("program_ids.program_type")
    def _compute_in_organisation_programme(self):
        for mentee in self:
            mentee.in_organisation_programme = "organization" in mentee.program_ids.mapped("program_type")

    def _compute_knowledge_survey_count(self):
        counts = dict(
            self.env["mentoring.knowledge.survey"]._read_group(
                [("mentee_id", "in", self.ids)], ["mentee_id"], ["__count"]
            )
        )
        for mentee in self:
            mentee.knowledge_survey_count = counts.get(mentee._origin, 0)

    def _knowledge_needs(self, program=None):
        """{topic_id: level 1-3} of what this mentee organisation needs, from its latest
        knowledge survey (in `program` when given); empty when it has answered none."""
        self.ensure_one()
        return self._knowledge_needs_batch(program)[self.id]

    def _knowledge_needs_batch(self, program=None):
        """{mentee_id: {topic_id: level}} for every mentee of `self`, in one query."""
        return self.env["mentoring.knowledge.survey"]._latest_levels("mentee_id", self, program)

    def action_view_knowledge_surveys(self):
        self.ensure_one()
        return self.env["mentoring.knowledge.survey"]._action_for("mentee", self)
