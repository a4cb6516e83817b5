from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from .mentoring_matching import PLACE_TAKING_STATES
from .mentoring_mentor import ONGOING_MATCH_STATES

# Which of the engine's hard rules (`mentoring.matching._hard_rules`) a match asks, and when.
# A proposal asks every one but capacity: the form only warns of a full mentor, since the place
# is taken when the match is introduced (the engine, proposing many at once, keeps to free
# places by itself). Starting (introduced or activated, by the button or a card dropped in that
# column) asks them all, capacity counting the mentor's other ongoing matches.
PROPOSAL_RULES = frozenset(
    {
        "not_in_programme",
        "suspended",
        "already_matched",
        "ended_badly",
        "dual_relationship",
        "no_authorisation",
        "compliance",
    }
)
START_RULES = PROPOSAL_RULES | {"no_free_place"}
# A proposal whose mentor, mentee, programme or planned start changes is another proposal.
RULE_FIELDS = frozenset({"mentor_id", "mentee_id", "program_id", "date_start"})


class MentoringMatch(models.Model):
    """Every way a match is made or moved on asks the matching engine's hard rules: Matches →
    New, the kanban, a rematch, an import and the engine's own Propose. A declared dual
    relationship, an earlier match of the pair that ended in conflict or opt-out, a suspended
    or non-compliant mentor, a mentee without an authorisation in a billed programme are refused
    whichever screen (or client) makes the match.

    The rules are asked of what a client sends; code that runs as the system (demo data, a
    suspension putting matches on hold) is trusted, except for capacity, which is a constraint."""

    _inherit = "mentoring.match"

    def _hard_rule_day(self):
        """The day the rules are asked for: the planned start, or today once that is past
        (a match recorded late is judged on the mentor's and the mentee's standing now)."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return max(self.date_start or today, today)

    def _hard_rule_problems(self, stage="proposal", rules=None):
        """[(rule code, reason in plain words)] of the hard rules this match breaks: at
        `stage` "proposal" (made or changed as a proposal) or "start" (introduced or
        activated). The same methods the engine excludes mentors with, on a pool of one pair."""
        self.ensure_one()
        match = self.sudo()
        codes = set(rules if rules is not None else (START_RULES if stage == "start" else PROPOSAL_RULES))
        if match.capacity_override_reason:
            codes.discard("no_free_place")
        if not (codes and match.mentor_id and match.mentee_id and match.program_id):
            return []
        pool = self.env["mentoring.matching"]._evaluate(
            match.program_id,
            match.mentee_id,
            match.mentor_id,
            self._hard_rule_day(),
            rules=codes,
            scores=False,
            skip_match_ids=self._origin.ids,
            place_taking_states=ONGOING_MATCH_STATES if stage == "start" else PLACE_TAKING_STATES,
        )
        return pool.problems(0, 0)

    def _raise_hard_rule_problems(self, stage="proposal", rules=None):
        for match in self:
            problems = match._hard_rule_problems(stage, rules)
            if problems:
                raise ValidationError(match._hard_rule_message(stage, problems))

    def _hard_rule_message(self, stage, problems):
        match = self.sudo()
        names = {
            "mentor": match.mentor_id.name,
            "mentee": match.mentee_id.name,
            "capacity": match.mentor_id.capacity,
            "day": format_date(self.env, self._hard_rule_day()),
        }
        _ = self.env._
        advice = {
            "not_in_programme": _("Add the programme to the mentor's profile first."),
            "suspended": _("%(mentor)s is suspended: choose another mentor.", **names),
            "no_free_place": _(
                "%(mentor)s's capacity allows %(capacity)s mentee(s): choose another mentor, or ask a "
                "coordinator to record a capacity override reason on the match.",
                **names,
            ),
            "already_matched": _(
                "%(mentor)s and %(mentee)s already have a proposed or ongoing match: use that one.",
                **names,
            ),
            "ended_badly": _(
                "%(mentor)s and %(mentee)s have already worked together. Choose another mentor for a "
                "fresh start.",
                **names,
            ),
            "dual_relationship": _(
                "%(mentee)s is not to be matched with %(mentor)s (tab Not to be matched with on "
                "either profile). Choose another mentor.",
                **names,
            ),
            "no_authorisation": _(
                "Record and approve the payer's authorisation for %(mentee)s in this programme first: "
                "it must cover %(day)s and have units left.",
                **names,
            ),
        }
        reasons = "; ".join(reason for _code, reason in problems)
        hints = " ".join(dict.fromkeys(advice[code] for code, _reason in problems if code in advice))
        if stage == "start":
            text = _("%(match)s cannot start: %(reasons)s.", match=match.display_name, reasons=reasons)
        else:
            text = _("%(mentor)s cannot be proposed for a new match: %(reasons)s.", reasons=reasons, **names)
        return f"{text} {hints}".strip()

    @api.model_create_multi
    def create(self, vals_list):
        matches = super().create(vals_list)
        if not self.env.su:
            matches.filtered(lambda m: m.state == "draft")._raise_hard_rule_problems("proposal")
            matches.filtered(lambda m: m.state in ONGOING_MATCH_STATES)._raise_hard_rule_problems("start")
        return matches

    def write(self, vals):
        res = super().write(vals)
        if not self.env.su and RULE_FIELDS & set(vals):
            self.filtered(lambda m: m.state == "draft")._raise_hard_rule_problems("proposal")
        return res

    def action_introduce(self):
        if not self.env.su:
            self.filtered(lambda m: m.state == "draft")._raise_hard_rule_problems("start")
        return super().action_introduce()

    def action_activate(self):
        if not self.env.su:
            starting = self.filtered(lambda m: m.state in ("draft", "introduced", "on_hold"))
            starting._raise_hard_rule_problems("start")
        return super().action_activate()

    def action_reset_to_draft(self):
        if not self.env.su:
            self.filtered(lambda m: m.state == "cancelled")._raise_hard_rule_problems("proposal")
        return super().action_reset_to_draft()
