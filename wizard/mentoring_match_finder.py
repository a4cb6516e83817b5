from odoo import Command, api, fields, models
from odoo.exceptions import UserError

# Candidates shown with their points; the excluded are all listed with their reasons.
SHOWN_CANDIDATES = 30


def window_action(record, name=None):
    """The action that shows `record` in the main window."""
    record.ensure_one()
    action = {"type": "ir.actions.act_window", "res_model": record._name, "res_id": record.id}
    return {**action, "view_mode": "form", "target": "current", **({"name": name} if name else {})}


class MentoringMatchFinder(models.TransientModel):
    """ "Find a mentor" for one mentee: the candidates ranked, each score explained criterion
    by criterion, and the mentors a hard rule excludes with the rule. For the coordinators of
    the mentee's programme only (transient records are their creator's alone)."""

    _name = "mentoring.match.finder"
    _description = "Find a Mentor"
    _inherit = ["mentoring.guard.mixin"]
    _scope_fields = frozenset({"mentee_id"})

    mentee_id = fields.Many2one("mentoring.mentee", required=True, readonly=True, ondelete="cascade")
    program_id = fields.Many2one(
        "mentoring.program",
        string="Programme",
        required=True,
        domain="[('user_is_coordinator', '=', True), ('id', 'in', mentee_program_ids)]",
    )
    mentee_program_ids = fields.Many2many(related="mentee_id.program_ids", string="Mentee's programmes")
    date_start = fields.Date("Planned start", required=True, default=fields.Date.context_today)
    capacity_override_reason = fields.Text(
        help="Fill in to consider mentors without a free place: the reason goes on the match."
    )
    line_ids = fields.One2many("mentoring.match.finder.line", "finder_id")
    candidate_ids = fields.One2many(
        "mentoring.match.finder.line", "finder_id", string="Candidates", domain=[("excluded", "=", False)]
    )
    excluded_ids = fields.One2many(
        "mentoring.match.finder.line", "finder_id", string="Not proposed", domain=[("excluded", "=", True)]
    )
    candidate_total = fields.Integer("Candidates found", readonly=True)
    excluded_count = fields.Integer("Mentors not proposed", compute="_compute_excluded_count")
    # Nobody to propose: why, in the words of the rule that left the mentors out, and the rule
    # when one rule left them all out (the button to where it is fixed).
    empty_reason = fields.Text("Why nobody", readonly=True)
    empty_rule = fields.Char(readonly=True)
    previous_match_id = fields.Many2one(
        "mentoring.match", "Finding another mentor after", readonly=True, ondelete="set null"
    )

    @api.depends("mentee_id.name")
    def _compute_display_name(self):
        for finder in self:
            finder.display_name = self.env._("Find a mentor for %(name)s", name=finder.sudo().mentee_id.name)

    @api.depends("line_ids.excluded")
    def _compute_excluded_count(self):
        for finder in self:
            finder.excluded_count = len(finder.line_ids.filtered("excluded"))

    @api.model_create_multi
    def create(self, vals_list):
        finders = super().create(vals_list)
        for finder in finders:
            finder._check_coordinator()
        return finders

    def write(self, vals):
        res = super().write(vals)
        if {"mentee_id", "program_id", "previous_match_id"} & set(vals):
            for finder in self:
                finder._check_coordinator()
        return res

    @api.model
    def _action_open(self, mentee, program=None, previous_match=None):
        mentee.check_access("read")
        programs = program or mentee.program_ids.filtered("user_is_coordinator")
        if not programs:
            raise UserError(
                self.env._(
                    "Only a coordinator of %(name)s's programme can find them a mentor.", name=mentee.name
                )
            )
        vals = {"mentee_id": mentee.id, "program_id": programs[:1].id}
        if previous_match:
            vals["previous_match_id"] = previous_match.id
        finder = self.create(vals)
        finder.action_rank()
        return finder._action_reopen()

    def _action_reopen(self):
        return window_action(self, self.env._("Find a mentor for %(name)s", name=self.mentee_id.name))

    def _check_coordinator(self):
        """Scores are for the programme's coordinators: whoever else calls is refused. The
        mentee must be one the user may read, in a programme the user coordinates."""
        self.ensure_one()
        if self.env.su:
            return
        self.mentee_id.check_access("read")
        if self.previous_match_id and self.previous_match_id.sudo().mentee_id != self.mentee_id:
            raise UserError(self.env._("A match follows on from an earlier match of the same mentee."))
        if (
            self.program_id not in self.mentee_id.sudo().program_ids
            or not self.program_id._user_coordinates()
        ):
            raise UserError(
                self.env._(
                    "Only a coordinator of %(program)s can find a mentor for its mentees.",
                    program=self.program_id.sudo().name,
                )
            )

    def _evaluate(self, mentors):
        return self.env["mentoring.matching"]._rank(
            self.program_id,
            self.mentee_id,
            mentors,
            self.date_start,
            ignore_capacity=bool((self.capacity_override_reason or "").strip()),
        )

    def action_rank(self):
        self._check_coordinator()
        # The mentors the coordinator may see: their programmes' and those in none yet.
        # The whole pool is ranked: every mentor this coordinator may read.
        mentors = self.env["mentoring.mentor"].search([])  # pylint: disable=no-search-all
        pool, candidates, excluded = self._evaluate(mentors)
        engine = self.env["mentoring.matching"]
        lines = [
            {
                "mentor_id": mentors[col].id,
                "rank": rank,
                "score": score,
                "explanation": engine._explanation_text(pool, 0, col),
                "point_ids": [
                    Command.create(
                        {
                            "criterion_id": criterion.id,
                            "weight": criterion.weight,
                            "points": points,
                            "detail": detail,
                        }
                    )
                    for criterion, points, detail in engine._explain_pair(pool, 0, col)
                ],
            }
            for rank, (col, score) in enumerate(candidates[:SHOWN_CANDIDATES], start=1)
        ] + [
            {"mentor_id": mentors[col].id, "excluded": True, "reasons": "; ".join(reasons)}
            for col, reasons in excluded
        ]
        reason, rule = (False, False) if candidates else engine._why_nobody(pool, 0)
        self.line_ids.unlink()
        self.write(
            {
                "line_ids": [Command.create(vals) for vals in lines],
                "candidate_total": len(candidates),
                "empty_reason": reason,
                "empty_rule": rule,
            }
        )
        return self._action_reopen()

    def action_fix_empty(self):
        """Where what left every mentor out is fixed: the mentee's authorisation (the draft or
        expired one to approve or extend, or a new one)."""
        self.ensure_one()
        self._check_coordinator()
        if self.empty_rule != "no_authorisation":
            return False
        auth = self.env["mentoring.authorization"].search(
            [
                ("mentee_id", "=", self.mentee_id.id),
                ("program_id", "=", self.program_id.id),
                ("state", "!=", "cancelled"),
            ],
            order="date_to desc, id desc",
            limit=1,
        )
        action = {
            "type": "ir.actions.act_window",
            "res_model": "mentoring.authorization",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "name": self.env._("Authorisation of %(name)s", name=self.mentee_id.name),
        }
        if auth:
            return {**action, "res_id": auth.id}
        return {
            **action,
            "context": {"default_mentee_id": self.mentee_id.id, "default_program_id": self.program_id.id},
        }


class MentoringMatchFinderLine(models.TransientModel):
    _name = "mentoring.match.finder.line"
    _description = "Mentor Candidate"
    _inherit = ["mentoring.guard.mixin"]
    _scope_fields = frozenset({"finder_id", "mentor_id"})
    _order = "excluded, rank, id"

    finder_id = fields.Many2one("mentoring.match.finder", required=True, ondelete="cascade", index=True)
    mentor_id = fields.Many2one("mentoring.mentor", required=True, readonly=True, ondelete="cascade")
    rank = fields.Integer(readonly=True)
    score = fields.Float(digits=(16, 1), readonly=True)
    excluded = fields.Boolean(readonly=True)
    reasons = fields.Char("Why not", readonly=True)
    explanation = fields.Text("Why", readonly=True)
    point_ids = fields.One2many("mentoring.match.finder.point", "line_id", string="Points", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_scope()
        return lines

    def write(self, vals):
        res = super().write(vals)
        if {"finder_id", "mentor_id"} & set(vals):
            self._check_scope()
        return res

    def _check_scope(self):
        """A candidate names a mentor the user may read, on a search of theirs they may run:
        nobody else's name or profile comes back through a line."""
        if self.env.su:
            return
        for finder in self.finder_id:
            finder._check_coordinator()
        self.mentor_id.check_access("read")

    def action_propose(self):
        self.ensure_one()
        finder = self.finder_id
        self._check_scope()
        match = self.env["mentoring.matching"]._propose_match(
            finder.program_id,
            finder.mentee_id,
            self.mentor_id,
            finder.date_start,
            finder.capacity_override_reason,
            previous_match=finder.previous_match_id,
        )
        return window_action(match)


class MentoringMatchFinderPoint(models.TransientModel):
    _name = "mentoring.match.finder.point"
    _description = "Points of a Mentor Candidate"
    _inherit = ["mentoring.guard.mixin"]
    _scope_fields = frozenset({"line_id", "criterion_id"})
    _order = "line_id, id"

    line_id = fields.Many2one("mentoring.match.finder.line", required=True, ondelete="cascade", index=True)
    criterion_id = fields.Many2one("mentoring.match.criterion", readonly=True, ondelete="cascade")
    weight = fields.Float(digits=(16, 1), readonly=True)
    points = fields.Float(digits=(16, 1), readonly=True)
    detail = fields.Char(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        points = super().create(vals_list)
        points._check_scope()
        return points

    def write(self, vals):
        res = super().write(vals)
        if {"line_id", "criterion_id"} & set(vals):
            self._check_scope()
        return res

    def _check_scope(self):
        """Points of one's own candidate lines (checked when made), for readable criteria."""
        if not self.env.su:
            self.line_id.check_access("write")
            self.criterion_id.check_access("read")
