from odoo import api, fields, models


class MentoringKnowledgeRespondentMixin(models.AbstractModel):
    """Who answers the knowledge survey: a mentor organisation (its strengths) or a mentee
    organisation (its needs). `_knowledge_respondent` names the survey's field ("mentor" or
    "mentee")."""

    _name = "mentoring.knowledge.respondent.mixin"
    _description = "Knowledge Survey Respondent"
    _knowledge_respondent = None

    knowledge_survey_count = fields.Integer("Knowledge surveys", compute="_compute_knowledge_survey_count")
    # Organisation programmes have the knowledge survey; its button shows on their people only.
    in_organisation_programme = fields.Boolean(compute="_compute_in_organisation_programme")

    @api.depends("program_ids.program_type")
    def _compute_in_organisation_programme(self):
        for record in self:
            record.in_organisation_programme = "organization" in record.program_ids.mapped("program_type")

    def _compute_knowledge_survey_count(self):
        field = f"{self._knowledge_respondent}_id"
        counts = dict(
            self.env["mentoring.knowledge.survey"]._read_group(
                [(field, "in", self.ids)], [field], ["__count"]
            )
        )
        for record in self:
            record.knowledge_survey_count = counts.get(record._origin, 0)

    def _knowledge_levels_batch(self, program=None):
        """{record_id: {topic_id: level}} from each record's latest survey, in one query."""
        field = f"{self._knowledge_respondent}_id"
        return self.env["mentoring.knowledge.survey"]._latest_levels(field, self, program)

    def action_view_knowledge_surveys(self):
        self.ensure_one()
        return self.env["mentoring.knowledge.survey"]._action_for(self._knowledge_respondent, self)
