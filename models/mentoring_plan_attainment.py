from odoo import api, fields, models
from odoo.exceptions import UserError


class MentoringPlan(models.Model):
    """At each review of a signed plan, the person mentored and the mentor rate each goal
    against the outcome expected (goal attainment scaling); the plan shows the person's score."""

    _inherit = "mentoring.plan"

    goal_rating_ids = fields.One2many(
        "mentoring.goal.rating", "plan_id", string="Goal ratings", readonly=True
    )
    attainment_t_score = fields.Float(
        "Goal attainment score",
        compute="_compute_attainment",
        digits=(16, 1),
        help="50 means the goals went as hoped at the last review; above 50 better, below 50 less "
        "well (Kiresuk & Sherman's T-score, ρ = 0.3).",
    )
    last_rated_on = fields.Date("Goals last rated", compute="_compute_attainment")

    @api.depends("goal_rating_ids.score", "goal_rating_ids.review_date", "goal_ids.weight", "goal_ids.status")
    def _compute_attainment(self):
        for plan in self:
            rated = plan.goal_rating_ids.filtered("score")
            scores = rated._person_t_scores()
            plan.attainment_t_score = scores.get(plan.mentee_id) or 0.0
            plan.last_rated_on = max(rated.mapped("review_date")) if rated else False

    def action_rate_goals(self):
        """Today's review: a row for each goal still worked on, for each side to rate, made
        with the user's own rights (mentors of the match and its coordinators may)."""
        self.ensure_one()
        if self.state != "signed":
            raise UserError(
                self.env._("Goals are rated at a review of the signed plan in use. Sign the plan first.")
            )
        today = fields.Date.context_today(self)
        Rating = self.env["mentoring.goal.rating"]
        there = {(r.goal_id, r.rater) for r in self.goal_rating_ids if r.review_date == today}
        Rating.create(
            [
                {"goal_id": goal.id, "rater": rater, "review_date": today}
                for goal in self.goal_ids
                if goal.status != "changed"
                for rater in ("mentee", "mentor")
                if (goal, rater) not in there
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rate the goals"),
            "res_model": "mentoring.goal.rating",
            "view_mode": "list",
            "views": [(self.env.ref("peer_mentoring.mentoring_goal_rating_view_list_review").id, "list")],
            "domain": [("plan_id", "=", self.id), ("review_date", "=", today)],
            "context": {"create": False},
        }
