from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MentoringEvaluationAnswer(models.Model):
    """The answer to one question of an evaluation: a score on the form's scale, or words.
    It follows its evaluation: the same people read it, and a completed one stays as it was."""

    _name = "mentoring.evaluation.answer"
    _description = "Evaluation Answer"
    _inherit = ["mentoring.guard.mixin"]
    _order = "sequence, id"
    _scope_fields = frozenset({"evaluation_id", "question_id"})

    evaluation_id = fields.Many2one("mentoring.evaluation", required=True, index=True, ondelete="cascade")
    question_id = fields.Many2one("mentoring.evaluation.question", required=True, ondelete="restrict")
    sequence = fields.Integer()
    question = fields.Text(related="question_id.name")
    answer_type = fields.Selection(related="question_id.answer_type")
    score = fields.Integer()
    answer = fields.Text()

    @api.constrains("score")
    def _check_score_on_scale(self):
        for answer in self:
            evaluation = answer.evaluation_id
            if answer.score and not evaluation.scale_min <= answer.score <= evaluation.scale_max:
                raise ValidationError(
                    self.env._(
                        "Scores run from %(low)s to %(high)s.",
                        low=evaluation.scale_min,
                        high=evaluation.scale_max,
                    )
                )

    def _check_draft(self):
        if not self.env.su and any(answer.evaluation_id.state != "draft" for answer in self):
            raise UserError(self.env._("This evaluation is completed: its answers stay as they were."))

    @api.model_create_multi
    def create(self, vals_list):
        answers = super().create(vals_list)
        answers._check_draft()
        return answers

    def write(self, vals):
        if "evaluation_id" in vals and not self.env.su:
            raise UserError(self.env._("An answer stays with its evaluation."))
        self._check_draft()
        return super().write(vals)

    def _locked_records(self):
        # An answer is kept as its evaluation is.
        return self.filtered(lambda answer: answer.sudo().evaluation_id.state != "draft")

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        self._check_draft()
