from odoo import api, fields, models

from .mentoring_goal_rating import ATTAINMENT_LEVELS


class MentoringGoal(models.Model):
    """Goal attainment scaling on a goal: the outcome expected is written with the goal (and
    kept with its wording once the plan is signed); each review rates the goal against it."""

    _inherit = "mentoring.goal"

    expected_outcome = fields.Text(
        "What we hope for",
        help="The outcome expected by the next review, in the person's words: the middle of the "
        "five-point scale the goal is rated on.",
    )
    weight = fields.Integer(
        default=1,
        help="How much this goal counts in the person's goal attainment score, beside the others "
        "(all 1 unless the person says one matters more).",
    )
    goal_rating_ids = fields.One2many("mentoring.goal.rating", "goal_id", string="Ratings", readonly=True)
    last_rating = fields.Selection(
        ATTAINMENT_LEVELS,
        string="Last review",
        compute="_compute_last_rating",
        help="The mentor's rating at the last review.",
    )

    _weight_positive = models.Constraint("CHECK(weight >= 1)", "A goal's weight is 1 or more.")

    @api.depends("goal_rating_ids.score", "goal_rating_ids.review_date")
    def _compute_last_rating(self):
        for goal in self:
            rated = goal.goal_rating_ids.filtered(lambda r: r.score and r.rater == "mentor")
            goal.last_rating = rated.sorted("review_date")[-1:].score if rated else False
