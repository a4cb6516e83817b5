from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mentoring_match import CLOSURE_REASONS
from .mentoring_match_p2p import OPT_OUT_PARTIES

# The kind of ending (MENTOR standard 6), from the reason unless the coordinator says otherwise.
CLOSURE_KINDS = [
    ("planned", "Planned end"),
    ("early", "Ended early"),
    ("unwilling", "One side did not want to go on"),
]
REASON_KINDS = {
    "planned_end": "planned",
    "goals_met": "planned",
    "no_fault_opt_out": "unwilling",
    "conflict": "early",
    "mentor_unavailable": "early",
    "allegation": "early",
    "other": "early",
}
PLANNED_REASONS = ("planned_end", "goals_met", "other")
CONVERSATIONS = [
    ("held", "We talked"),
    ("not_reached", "Could not reach them"),
    ("declined", "They did not want to talk"),
]
CONTACT_RULES = [
    ("none", "No contact"),
    ("agency", "Only through the agency"),
    ("free", "Free to keep in touch"),
]
REMATCH_DECISIONS = [
    ("rematch", "Find another mentor"),
    ("not_now", "Not now"),
    ("no", "No"),
]
SIDES = [("mentor", "Mentor"), ("mentee", "Mentee")]
FEEDBACK_KINDS = ("feedback_mentor", "feedback_mentee")


class MentoringMatchClosure(models.Model):
    """How a relationship ended (MENTOR Elements of Effective Practice, standard 6): the kind
    of ending, the closure conversation with each side or why it did not happen, the rule for
    contact afterwards, and the rematch decision for the mentee. A match closes only through
    its closure record (mentoring.match `_close`), which is then kept as it is.

    Staff only: coordinators of the programme and managers (security/match_closure_rules.xml)."""

    _name = "mentoring.match.closure"
    _description = "Match Closure"
    _inherit = ["mentoring.guard.mixin", "mentoring.thread.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _protected_fields = frozenset({"state", "closed_by_id", "closed_on"})
    _scope_fields = frozenset({"match_id"})
    _locked_states = frozenset({"done"})

    match_id = fields.Many2one(
        "mentoring.match",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        domain=[("state", "in", ("introduced", "active", "on_hold"))],
    )
    name = fields.Char(related="match_id.name", string="Match name")
    program_id = fields.Many2one(related="match_id.program_id", store=True, index=True, string="Programme")
    company_id = fields.Many2one(related="match_id.company_id", store=True, index=True)
    mentor_id = fields.Many2one(related="match_id.mentor_id", string="Peer mentor")
    mentee_id = fields.Many2one(related="match_id.mentee_id", string="Mentee")
    date_start = fields.Date(related="match_id.date_start")
    state = fields.Selection(
        [("draft", "Being recorded"), ("done", "Match closed")], default="draft", required=True, tracking=True
    )
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    closed_on = fields.Date(readonly=True, copy=False)

    closure_reason = fields.Selection(CLOSURE_REASONS, string="Why does it end?", tracking=True)
    closure_kind = fields.Selection(
        CLOSURE_KINDS,
        string="Kind of ending",
        compute="_compute_closure_kind",
        store=True,
        readonly=False,
        tracking=True,
    )
    closure_note = fields.Text(
        help="Ending a match that does not work is nobody's failure: say what was agreed."
    )
    opt_out_party = fields.Selection(
        OPT_OUT_PARTIES, string="Who opts out?", help="For a no-fault opt-out not yet told to the programme."
    )
    mentor_conversation = fields.Selection(CONVERSATIONS, string="Closure talk with the mentor")
    mentor_talk_date = fields.Date("Talked with the mentor on")
    mentor_talk_notes = fields.Text("Notes (mentor)")
    mentee_conversation = fields.Selection(CONVERSATIONS, string="Closure talk with the mentee")
    mentee_talk_date = fields.Date("Talked with the mentee on")
    mentee_talk_notes = fields.Text("Notes (mentee)")
    attempt_ids = fields.One2many(
        "mentoring.match.closure.attempt", "closure_id", string="Attempts to reach them"
    )
    contact_rule = fields.Selection(CONTACT_RULES, string="Contact after closure", tracking=True)
    contact_notes = fields.Text("What was agreed about contact")
    rematch_decision = fields.Selection(
        REMATCH_DECISIONS, string="Another mentor for the mentee?", tracking=True
    )
    rematch_reason = fields.Text("Reason for the rematch decision")
    ask_end_feedback = fields.Boolean(related="program_id.ask_end_feedback")
    evaluation_ids = fields.Many2many(
        "mentoring.evaluation", compute="_compute_evaluation_ids", string="Exit feedback forms"
    )

    _one_per_match = models.Constraint("UNIQUE(match_id)", "A match has one closure record.")

    @api.depends("closure_reason")
    def _compute_closure_kind(self):
        for closure in self:
            if closure.closure_reason and not closure.closure_kind:
                closure.closure_kind = REASON_KINDS[closure.closure_reason]

    @api.depends("match_id")
    def _compute_evaluation_ids(self):
        Evaluation = self.env["mentoring.evaluation"]
        for closure in self:
            closure.evaluation_ids = Evaluation.search(
                [("match_id", "=", closure.match_id.id), ("kind", "in", FEEDBACK_KINDS)]
            )

    @api.constrains("mentor_talk_date", "mentee_talk_date")
    def _check_talk_dates(self):
        today = fields.Date.context_today(self)
        for closure in self:
            if any(day and day > today for day in (closure.mentor_talk_date, closure.mentee_talk_date)):
                raise ValidationError(self.env._("A closure conversation cannot be dated in the future."))

    @api.model_create_multi
    def create(self, vals_list):
        closures = super().create(vals_list)
        closures.match_id._check_state(("introduced", "active", "on_hold"), self.env._("close"))
        closures.match_id._check_acts_for(self.env._("record the closure of a match"))
        return closures

    def write(self, vals):
        self.match_id._check_acts_for(self.env._("record the closure of a match"))
        return super().write(vals)

    # What is still missing ---------------------------------------------------------------------

    def _side_missing(self, side, label):
        self.ensure_one()
        talk = self[f"{side}_conversation"]
        notes = (self[f"{side}_talk_notes"] or "").strip()
        if not talk:
            return [
                self.env._("the closure conversation with the %(side)s, or why it did not happen", side=label)
            ]
        if talk == "held":
            missing = []
            if not self[f"{side}_talk_date"]:
                missing.append(self.env._("the date of the conversation with the %(side)s", side=label))
            if not notes:
                missing.append(self.env._("short notes of the conversation with the %(side)s", side=label))
            return missing
        if talk == "not_reached" and not self.attempt_ids.filtered(lambda a: a.side == side):
            return [self.env._("the attempts made to reach the %(side)s (date and how)", side=label)]
        if talk == "declined" and not notes:
            return [self.env._("why the %(side)s did not want to talk (notes)", side=label)]
        return []

    def _missing_steps(self):
        """What this closure still lacks, in plain words, in the order of the form."""
        self.ensure_one()
        missing = []
        if not self.closure_reason:
            missing.append(self.env._("why the match ends"))
        elif self.closure_reason == "other" and not (self.closure_note or "").strip():
            missing.append(self.env._("a closure note saying why the match ends"))
        if not self.closure_kind:
            missing.append(self.env._("the kind of ending"))
        elif self.closure_kind == "planned" and self.closure_reason not in PLANNED_REASONS + (False,):
            missing.append(self.env._("a reason that fits a planned end (planned end or goals met)"))
        missing += self._side_missing("mentor", self.env._("mentor"))
        missing += self._side_missing("mentee", self.env._("mentee"))
        if not self.contact_rule:
            missing.append(self.env._("the agreed rule for contact after closure"))
        if not self.rematch_decision:
            missing.append(self.env._("the rematch decision for the mentee"))
        elif self.rematch_decision != "rematch" and not (self.rematch_reason or "").strip():
            missing.append(self.env._("the reason for the rematch decision"))
        return missing

    def _check_complete(self):
        for closure in self:
            missing = closure._missing_steps()
            if missing:
                raise UserError(
                    self.env._(
                        "%(match)s cannot be closed yet. Record on its closure: %(missing)s.",
                        match=closure.sudo().match_id.display_name,
                        missing="; ".join(missing),
                    )
                )

    # Closing -----------------------------------------------------------------------------------

    def action_close_match(self):
        """Close the match with what is recorded here; rematch opens the proposal for another
        mentor."""
        self._check_complete()
        self.match_id._close(self.closure_reason if len(self) == 1 else None)
        if len(self) == 1 and self.rematch_decision == "rematch":
            return self.match_id.action_find_another_mentor()
        return True

    def _finish(self):
        """Called by mentoring.match `_close` once the match is closed: the record is kept as it
        is, and the exit feedback forms are proposed to each side when the programme uses them."""
        self._write_checked(
            {"state": "done", "closed_by_id": self.env.uid, "closed_on": fields.Date.context_today(self)}
        )
        Evaluation = self.env["mentoring.evaluation"].sudo()
        for closure in self.sudo():
            if closure.program_id.ask_end_feedback:
                Evaluation._propose_feedback_forms(closure.match_id)
            kinds = dict(CLOSURE_KINDS)
            closure.match_id.message_post(
                body=self.env._(
                    "Closed (%(kind)s) after the closure steps were recorded.",
                    kind=kinds[closure.closure_kind].lower(),
                ),
                author_id=self.env.user.partner_id.id,
            )

    def _report_label(self, field_name):
        """The words a selection shows on screen, for the printed summary."""
        self.ensure_one()
        selection = dict(self._fields[field_name]._description_selection(self.env))
        return selection.get(self[field_name], "")

    def action_print_summary(self):
        """The summary on screen, whose Print button gives the PDF (also in the Print menu)."""
        action = self.env.ref("peer_mentoring.match_closure_report").report_action(self)
        action["report_type"] = "qweb-html"
        return action

    def _action_open_form(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Close match"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_open_match(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "mentoring.match",
            "res_id": self.match_id.id,
            "view_mode": "form",
            "target": "current",
        }
