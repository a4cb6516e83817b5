import math

from odoo import api, fields, models
from odoo.exceptions import UserError

# Goal attainment scaling (Kiresuk & Sherman, 1968): each goal is rated on five levels around
# the outcome expected when it was set. The words are the easy-read ones mentors use.
ATTAINMENT_LEVELS = [
    ("-2", "Much less than we hoped"),
    ("-1", "Less than we hoped"),
    ("0", "What we hoped for"),
    ("1", "More than we hoped"),
    ("2", "Much more than we hoped"),
]
RATERS = [
    ("mentee", "The person mentored"),
    ("mentor", "The mentor"),
]
# The correlation between goals the standard formula assumes.
GAS_RHO = 0.3


def gas_t_score(scores, rho=GAS_RHO):
    """The goal attainment T-score of (score, weight) pairs:
    T = 50 + 10·Σwᵢxᵢ / √((1−ρ)Σwᵢ² + ρ(Σwᵢ)²). None when nothing was rated."""
    scores = [(x, w) for x, w in scores if w]
    if not scores:
        return None
    weighted = sum(w * x for x, w in scores)
    sum_w = sum(w for _x, w in scores)
    sum_w2 = sum(w * w for _x, w in scores)
    return 50.0 + 10.0 * weighted / math.sqrt((1 - rho) * sum_w2 + rho * sum_w**2)


class MentoringGoalRating(models.Model):
    """How far one goal was reached at one review of the plan, as one side saw it: the person
    mentored and the mentor each rate each goal, against the outcome expected when it was set."""

    _name = "mentoring.goal.rating"
    _description = "Goal attainment rating"
    _inherit = ["mentoring.guard.mixin"]
    _order = "review_date desc, goal_sequence, goal_id, rater"
    _check_company_auto = True
    # Which goal, which review and whose view decide what the rating counts for.
    _scope_fields = frozenset({"goal_id", "review_date", "rater"})

    goal_id = fields.Many2one("mentoring.goal", required=True, index=True, ondelete="cascade")
    goal_sequence = fields.Integer(related="goal_id.sequence", store=True)
    expected_outcome = fields.Text(related="goal_id.expected_outcome")
    plan_id = fields.Many2one(related="goal_id.plan_id", store=True, index=True)
    match_id = fields.Many2one(related="goal_id.match_id", store=True, index=True)
    mentee_id = fields.Many2one(related="goal_id.mentee_id", store=True, index=True)
    program_id = fields.Many2one(related="goal_id.match_id.program_id", store=True, index=True)
    company_id = fields.Many2one(related="goal_id.company_id", store=True, index=True)
    review_date = fields.Date("Review", required=True, default=fields.Date.context_today, index=True)
    rater = fields.Selection(RATERS, string="Who says", required=True)
    score = fields.Selection(ATTAINMENT_LEVELS, string="How it went")
    score_value = fields.Integer(
        "Attainment score", compute="_compute_score_value", store=True, aggregator="avg"
    )
    note = fields.Char("In their words")

    _one_rating_per_review = models.Constraint(
        "UNIQUE(goal_id, review_date, rater)",
        "Each side rates a goal once at a review: change the rating already there.",
    )

    @api.depends("score")
    def _compute_score_value(self):
        for rating in self:
            rating.score_value = int(rating.score) if rating.score else 0

    @api.model_create_multi
    def create(self, vals_list):
        ratings = super().create(vals_list)
        ratings._check_goal_rateable()
        return ratings

    def _check_goal_rateable(self):
        for rating in self:
            goal = rating.goal_id
            if goal.plan_id.state != "signed":
                raise UserError(
                    self.env._(
                        "Goals are rated at a review of the signed plan in use: %(plan)s is not.",
                        plan=goal.plan_id.display_name,
                    )
                )
            if goal.status == "changed":
                raise UserError(
                    self.env._("“%(goal)s” is no longer a goal: it is not rated.", goal=goal.name)
                )

    # Figures ---------------------------------------------------------------------------------

    def _goal_scores(self):
        """{goal: score} at each goal's last review among `self`: the mean of what the person
        mentored and the mentor said then (one side's rating alone when only one rated). Goals
        marked “No longer a goal” and unrated rows count for nothing."""
        # Summed by the database per goal and review day: a programme's period holds tens of
        # thousands of ratings, which a loop over records would read one field at a time.
        groups = (
            self.sudo()
            .with_context(active_test=False)
            ._read_group(
                [("id", "in", self.ids), ("score", "!=", False), ("goal_id.status", "!=", "changed")],
                ["goal_id", "review_date:day"],
                ["score_value:sum", "__count"],
            )
        )
        last = {}
        for goal, day, total, count in groups:
            if goal.id not in last or day > last[goal.id][0]:
                last[goal.id] = (day, total / count)
        goals = self.env["mentoring.goal"].browse(list(last))
        # What the people's figures read of each goal, in one query rather than per thousand.
        goals.sudo().fetch(["mentee_id", "plan_id", "weight"])
        goals.sudo().plan_id.fetch(["version"])
        return {goal: last[goal.id][1] for goal in goals}

    def _counted_goal_scores(self):
        """{goal: score} of the goals each person's figures count: those of the person's most
        recent plan version rated among `self` (a goal reworded in a new version is a new goal;
        until the new version is rated, the old one's ratings stand)."""
        scores = self._goal_scores()
        latest = {}
        for goal in scores:
            plan = latest.get(goal.mentee_id)
            if not plan or (goal.plan_id.version, goal.plan_id.id) > (plan.version, plan.id):
                latest[goal.mentee_id] = goal.plan_id
        return {goal: score for goal, score in scores.items() if goal.plan_id == latest[goal.mentee_id]}

    def _person_t_scores(self):
        """{mentee: T-score} from the ratings in `self` (equal weights unless a goal has one)."""
        by_mentee = {}
        for goal, score in self._counted_goal_scores().items():
            by_mentee.setdefault(goal.mentee_id, []).append((score, goal.weight or 1))
        return {mentee: gas_t_score(scores) for mentee, scores in by_mentee.items()}
