from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from ..models.mentoring_matching import OBJECTIVES, PLACE_TAKING_STATES
from .mentoring_match_finder import window_action


class MentoringMatchPool(models.TransientModel):
    """Proposals for a programme's unmatched mentees, all at once: an assignment that matches as
    many as possible (or reaches the highest total score) within every mentor's free places.
    The coordinator accepts, changes or rejects each proposal: nothing is matched without a
    person deciding."""

    _name = "mentoring.match.pool"
    _description = "Propose Matches for a Programme"
    _inherit = ["mentoring.guard.mixin"]

    program_id = fields.Many2one(
        "mentoring.program", string="Programme", required=True, domain=[("user_is_coordinator", "=", True)]
    )
    date_start = fields.Date("Planned start", required=True, default=fields.Date.context_today)
    objective = fields.Selection(OBJECTIVES, string="Aim for", required=True, default="most")
    line_ids = fields.One2many("mentoring.match.pool.line", "pool_id", string="Proposals")
    unmatched_count = fields.Integer("Mentees without a mentor", readonly=True)
    proposed_count = fields.Integer("Mentees proposed a mentor", compute="_compute_totals")
    total_score = fields.Float(digits=(16, 1), compute="_compute_totals")
    computed = fields.Boolean(readonly=True)
    # The mentees who got nobody, each with why; and why the whole list is empty when it is.
    unmatched_reasons = fields.Text("Why these mentees got nobody", readonly=True)
    empty_reason = fields.Text("Why no proposal", readonly=True)

    @api.depends("program_id.name")
    def _compute_display_name(self):
        for wizard in self:
            wizard.display_name = self.env._(
                "Propose matches for %(program)s", program=wizard.sudo().program_id.name or ""
            )

    @api.depends("line_ids.score")
    def _compute_totals(self):
        for wizard in self:
            wizard.proposed_count = len(wizard.line_ids)
            wizard.total_score = sum(wizard.line_ids.mapped("score"))

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        for wizard in wizards:
            wizard._check_coordinator()
        return wizards

    def write(self, vals):
        res = super().write(vals)
        if "program_id" in vals:
            for wizard in self:
                wizard._check_coordinator()
        return res

    @api.model
    def _action_open(self, program):
        wizard = self.create({"program_id": program.id})
        wizard._check_coordinator()
        return wizard._action_reopen()

    def _action_reopen(self):
        return window_action(self, self.display_name)

    def _check_coordinator(self):
        self.ensure_one()
        if self.env.su:
            return
        if not self.program_id._user_coordinates():
            raise UserError(
                self.env._(
                    "Only a coordinator of %(program)s can propose its matches.",
                    program=self.program_id.sudo().name,
                )
            )

    def _unmatched_mentees(self):
        """The programme's mentees with no ongoing match or proposal in it."""
        return (
            self.env["mentoring.mentee"]
            .sudo()
            .search(
                Domain("program_ids", "in", self.program_id.ids)
                & Domain(
                    "match_ids",
                    "not any",
                    [("program_id", "=", self.program_id.id), ("state", "in", PLACE_TAKING_STATES)],
                )
            )
        )

    def _mentors(self):
        return self.program_id.sudo().mentor_ids

    def action_propose(self):
        self._check_coordinator()
        mentees, mentors = self._unmatched_mentees(), self._mentors()
        engine = self.env["mentoring.matching"]
        pool, pairs = engine._propose_pool(self.program_id, mentees, mentors, self.date_start, self.objective)
        names = [mentee.name for mentee in pool.mentee_list]
        lines = [
            Command.create(
                {
                    "mentee_id": mentees[row].id,
                    "mentor_id": mentors[col].id,
                    "score": pool.score[row, col],
                    "explanation": engine._explanation_text(pool, row, col),
                }
            )
            for row, col in sorted(pairs, key=lambda pair: names[pair[0]] or "")
        ]
        matched = {row for row, _col in pairs}
        why = [
            self.env._("%(mentee)s: %(reason)s", mentee=names[row], reason=engine._why_nobody(pool, row)[0])
            for row in sorted(set(range(len(mentees))) - matched, key=lambda row: names[row] or "")
        ]
        empty = False
        if not mentees:
            empty = self.env._(
                "Every mentee of %(program)s already has a match or a proposal: nobody is waiting for a mentor.",
                program=self.program_id.sudo().name,
            )
        elif not pairs:
            empty = self.env._(
                "None of the %(count)s mentee(s) waiting could be proposed a mentor: see why below.",
                count=len(mentees),
            )
        self.line_ids.unlink()
        self.write(
            {
                "line_ids": lines,
                "unmatched_count": len(mentees),
                "computed": True,
                "unmatched_reasons": "\n".join(why) or False,
                "empty_reason": empty,
            }
        )
        return self._action_reopen()

    def action_accept_all(self):
        self._check_coordinator()
        self.line_ids._accept()
        return self._action_reopen()


class MentoringMatchPoolLine(models.TransientModel):
    _name = "mentoring.match.pool.line"
    _description = "Proposed Match"
    _inherit = ["mentoring.guard.mixin"]
    _scope_fields = frozenset({"pool_id", "mentee_id"})
    _order = "id"

    pool_id = fields.Many2one("mentoring.match.pool", required=True, ondelete="cascade", index=True)
    program_id = fields.Many2one(related="pool_id.program_id")
    mentee_id = fields.Many2one("mentoring.mentee", required=True, readonly=True, ondelete="cascade")
    mentor_id = fields.Many2one(
        "mentoring.mentor",
        required=True,
        ondelete="cascade",
        domain="[('program_ids', 'in', program_id), ('state', 'in', ('intern', 'certified'))]",
    )
    score = fields.Float(digits=(16, 1), readonly=True)
    explanation = fields.Text("Why", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_scope()
        return lines

    def write(self, vals):
        res = super().write(vals)
        if {"pool_id", "mentee_id", "mentor_id"} & set(vals):
            self._check_scope()
        return res

    def _check_scope(self):
        """A proposal pairs a mentee and a mentor of the pool's programme, both readable by the
        user, on a pool of a programme the user coordinates: nobody else's name, profile or
        score comes back through a line, its onchange or its acceptance."""
        if self.env.su or not self:
            return
        for wizard in self.pool_id:
            wizard._check_coordinator()
        # In batches: a whole pool's proposals are checked with a few queries.
        self.mentee_id.check_access("read")
        self.mentor_id.check_access("read")
        for line in self.sudo():
            program = line.pool_id.program_id
            if program not in line.mentee_id.program_ids or program not in line.mentor_id.program_ids:
                raise UserError(
                    self.env._("Propose only mentees and mentors of %(program)s here.", program=program.name)
                )

    @api.onchange("mentor_id")
    def _onchange_mentor_id(self):
        """A coordinator who picks another mentor sees the score and any rule against it."""
        if not self.mentor_id or not self.mentee_id:
            return None
        pool = self._evaluate()
        self.score = pool.score[0, 0]
        self.explanation = self.env["mentoring.matching"]._explanation_text(pool, 0, 0)
        reasons = pool.reasons(0, 0)
        if not reasons:
            return None
        return {
            "warning": {
                "title": self.env._("%(mentor)s cannot be proposed", mentor=self.mentor_id.name),
                "message": "; ".join(reasons),
            }
        }

    def _evaluate(self):
        self.ensure_one()
        wizard = self.pool_id
        self._check_scope()
        pool = self.env["mentoring.matching"]._evaluate(
            wizard.program_id, self.mentee_id, self.mentor_id, wizard.date_start
        )
        return pool

    def _accept(self):
        """Each accepted proposal becomes a proposed match (other proposals take places: the
        rules are asked again for each)."""
        for line in self:
            line._check_scope()
            self.env["mentoring.matching"]._propose_match(
                line.pool_id.program_id, line.mentee_id, line.mentor_id, line.pool_id.date_start
            )
        self.unlink()

    def action_accept(self):
        wizard = self.pool_id
        self._accept()
        return wizard._action_reopen()

    def action_reject(self):
        wizard = self.pool_id
        wizard._check_coordinator()
        self.unlink()
        return wizard._action_reopen()
