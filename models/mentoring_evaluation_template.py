from odoo import api, fields, models
from odoo.exceptions import UserError

EVALUATION_KINDS = [
    ("internship_performance", "Internship performance evaluation"),
    ("mentee_evaluation", "Performance evaluation by mentee"),
    ("exit_mentor", "Exit interview with the peer mentor"),
    ("exit_supervisor", "Exit interview with the supervisor"),
    ("feedback_mentor", "Feedback form: mentor"),
    ("feedback_mentee", "Feedback form: mentee"),
]
# What belongs to an internship file, which the oversight body reads.
INTERNSHIP_KINDS = ("internship_performance", "mentee_evaluation", "exit_mentor", "exit_supervisor")


class MentoringEvaluationTemplate(models.Model):
    """A paper evaluation form as data: its questions or criteria, the scale they are rated
    on, and the average at or above which it is passed (where there is one)."""

    _name = "mentoring.evaluation.template"
    _description = "Evaluation Form"
    _order = "kind, sequence, id"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(EVALUATION_KINDS, required=True)
    sequence = fields.Integer(default=10)
    completed_by = fields.Char(
        "Completed by", translate=True, help="Printed under the title, e.g. “Completed by the supervisor”."
    )
    instructions = fields.Text(translate=True)
    scale_min = fields.Integer("Lowest score", default=1)
    scale_max = fields.Integer("Highest score", default=5)
    scale_legend = fields.Char(
        translate=True, help="What the scores mean, e.g. “1 = not yet, 5 = excellent”."
    )
    pass_threshold = fields.Float(
        "Pass mark", help="The average score at or above which the evaluation is passed; 0: no pass mark."
    )
    question_ids = fields.One2many(
        "mentoring.evaluation.question", "template_id", string="Questions", copy=True
    )
    company_id = fields.Many2one("res.company", index=True)
    active = fields.Boolean(default=True)

    _scale_ordered = models.Constraint(
        "CHECK(scale_min >= 0 AND scale_max >= scale_min)", "The highest score must be at least the lowest."
    )

    @api.model
    def _default_for(self, kind, company):
        template = self.search(
            [("kind", "=", kind), ("company_id", "in", (company.id, False))],
            order="company_id, sequence, id",
            limit=1,
        )
        if not template:
            label = dict(EVALUATION_KINDS)[kind]
            raise UserError(
                self.env._(
                    "Set up a form for “%(kind)s” first (Configuration > Evaluation forms).", kind=label
                )
            )
        return template
