from odoo import fields, models

ANSWER_TYPES = [("score", "Score on the scale"), ("text", "Free text")]


class MentoringEvaluationQuestion(models.Model):
    _name = "mentoring.evaluation.question"
    _description = "Evaluation Question"
    _order = "sequence, id"

    template_id = fields.Many2one(
        "mentoring.evaluation.template", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Text("Question or criterion", required=True, translate=True)
    answer_type = fields.Selection(ANSWER_TYPES, required=True, default="score")
