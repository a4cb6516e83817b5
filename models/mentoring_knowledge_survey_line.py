from odoo import fields, models
from odoo.exceptions import UserError

LEVELS = [("1", "1 (low)"), ("2", "2"), ("3", "3 (high)")]


class MentoringKnowledgeSurveyLine(models.Model):
    """One topic of a knowledge survey and its rating, 1 (low) to 3 (high)."""

    _name = "mentoring.knowledge.survey.line"
    _description = "Knowledge Survey Answer"
    _inherit = ["mentoring.guard.mixin"]
    _order = "survey_id, sequence, id"
    _scope_fields = frozenset({"survey_id", "topic_id"})

    survey_id = fields.Many2one("mentoring.knowledge.survey", required=True, index=True, ondelete="cascade")
    topic_id = fields.Many2one("mentoring.knowledge.topic", required=True, ondelete="restrict")
    sequence = fields.Integer(related="topic_id.sequence", store=True)
    level = fields.Selection(LEVELS, string="Rating")

    _topic_once = models.Constraint("UNIQUE(survey_id, topic_id)", "Each topic is rated once on a survey.")

    def write(self, vals):
        # The topics are the form's: a client rates them, it does not swap or move them.
        if {"survey_id", "topic_id"} & set(vals) and not self.env.su:
            raise UserError(self.env._("A survey's topics are fixed: rate them, or leave them empty."))
        return super().write(vals)
