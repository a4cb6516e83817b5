import numpy as np
from scipy.optimize import linear_sum_assignment

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .mentoring_match_criterion import COLUMNS_MEMO, many2many_ids, stored_values
from .mentoring_mentor import ONGOING_MATCH_STATES

# Earlier matches that ended this way are not proposed again (seed 001: rematch gets someone else).
ENDED_BADLY_REASONS = ("conflict", "no_fault_opt_out")
# Places a mentor has taken: ongoing matches and proposals not yet introduced.
PLACE_TAKING_STATES = (*ONGOING_MATCH_STATES, "draft")
OBJECTIVES = [("most", "Most people matched"), ("total", "Highest total score")]


class MatchingPool:
    """What the engine found for mentees × mentors in a programme on a planned start: the
    points of each criterion, the score (their sum), and which hard rules exclude each pair."""

    def __init__(self, program, mentees, mentors, date_start, criteria):
        self.program = program
        self.mentees = mentees
        self.mentors = mentors
        self.date_start = date_start
        self.criteria = criteria
        # Records one by one that keep the pool's prefetching (recordset[i] would not).
        self.mentee_list, self.mentor_list = list(mentees), list(mentors)
        shape = (len(mentees), len(mentors))
        self.fractions = {}  # criterion → fractions (NaN: does not apply)
        self.points = {}  # criterion → points
        self.score = np.zeros(shape)
        self.exclusions = {}  # rule code → (label, boolean matrix, {mentor index: detail})
        self.free_places = np.zeros(len(mentors), dtype=int)
        self.no_place = set()  # mentor indexes without a free place (even when overridden)
        self.ignore_capacity = False
        # When a match itself is checked (`mentoring.match._hard_rule_problems`): the matches
        # not to count against it (itself), and which matches hold a mentor's places.
        self.skip_match_ids = ()
        self.place_taking_states = PLACE_TAKING_STATES

    @property
    def allowed(self):
        allowed = np.ones(self.score.shape, dtype=bool)
        for _label, mask, _details in self.exclusions.values():
            allowed &= ~mask
        return allowed

    def reasons(self, row, col):
        """The hard rules that exclude this pair, in plain words."""
        return [reason for _code, reason in self.problems(row, col)]

    def problems(self, row, col):
        """[(rule code, reason in plain words)] of the hard rules that exclude this pair."""
        problems = []
        for code, (label, mask, details) in self.exclusions.items():
            if mask[row, col]:
                # A detail of the pair, of the mentee (a mentee-wide rule) or of the mentor.
                detail = details.get((row, col)) or details.get(("mentee", row)) or details.get(col)
                problems.append((code, f"{label} ({detail})" if detail else label))
        return problems


class MentoringMatching(models.AbstractModel):
    """The matching engine: hard rules that exclude a mentor, criteria that score the others,
    and the whole-pool assignment. Everything is read in batches, so that ranking one mentee
    costs the same queries for ten mentors or five hundred.

    Hard rules are pluggable too: `_hard_rules()` lists (code, label) and each code has a
    method `_rule_<code>(pool)` returning a boolean matrix (mentees × mentors) of excluded
    pairs, or (matrix, {mentor index: detail}). They run in that order, after the criteria's
    musts; a rule may look at `pool.allowed` to ask only about the pairs still in the running.

    These rules are the one place where a match's hard rules live: a match made or moved on by
    any other way (its form, the kanban, a rematch, an import) asks them too, through
    `mentoring.match._hard_rule_problems()`, on a pool of one pair."""

    _name = "mentoring.matching"
    _description = "Matching Engine"

    def _hard_rules(self):
        _ = self.env._
        return [
            ("not_in_programme", _("Not in the programme")),
            ("suspended", _("Suspended")),
            ("no_free_place", _("No free place")),
            ("already_matched", _("Already proposed or matched with this mentee")),
            ("ended_badly", _("An earlier match between them ended in conflict or opt-out")),
            ("dual_relationship", _("Declared dual relationship or conflict of interest")),
            ("no_authorisation", _("No approved authorisation with units left on the planned start")),
            # Last: asked one mentor at a time, so only of those no other rule excludes.
            ("compliance", _("Cannot take on a mentee on the planned start")),
        ]

    def _evaluate(self, program, mentees, mentors, date_start=None, ignore_capacity=False, **options):
        """Score and check every (mentee, mentor) pair. Reads with sudo: callers check that
        the user coordinates `program` (scores are for its coordinators only).

        `options` are for checking a match that exists or is being made: `rules` (the codes to
        ask; all by default), `scores=False` (no criteria, hence no musts), `skip_match_ids`
        and `place_taking_states` (see MatchingPool)."""
        program, mentees, mentors = program.sudo(), mentees.sudo(), mentors.sudo()
        self.env.cr.cache[COLUMNS_MEMO] = {}
        try:
            return self._evaluate_pool(program, mentees, mentors, date_start, ignore_capacity, **options)
        finally:
            self.env.cr.cache.pop(COLUMNS_MEMO, None)

    def _evaluate_pool(
        self,
        program,
        mentees,
        mentors,
        date_start,
        ignore_capacity,
        rules=None,
        scores=True,
        skip_match_ids=(),
        place_taking_states=PLACE_TAKING_STATES,
    ):
        date_start = date_start or fields.Date.context_today(self)
        criteria = program.match_criterion_ids.filtered(lambda c: c.weight > 0 or c.is_must)
        if not scores:
            criteria = criteria.browse()
        pool = MatchingPool(program, mentees, mentors, date_start, criteria)
        pool.ignore_capacity = ignore_capacity
        pool.skip_match_ids = tuple(skip_match_ids)
        pool.place_taking_states = tuple(place_taking_states)
        for criterion in criteria:
            fraction = criterion._score(mentees, mentors)
            pool.fractions[criterion] = fraction
            points = np.round(np.nan_to_num(fraction, nan=0.0) * criterion.weight, 1)
            pool.points[criterion] = points
            pool.score += points
        pool.score = np.round(pool.score, 1)
        for criterion in criteria.filtered("is_must"):
            unmet = pool.fractions[criterion] == 0  # NaN (not stated) compares False
            label = self.env._("Must: %(criterion)s", criterion=criterion.display_name)
            pool.exclusions[f"must_{criterion.code}"] = (label, unmet, {})
        for code, label in self._hard_rules():
            if rules is not None and code not in rules:
                continue
            result = getattr(self, f"_rule_{code}")(pool)
            mask, details = result if isinstance(result, tuple) else (result, {})
            pool.exclusions[code] = (label, np.broadcast_to(mask, pool.score.shape), details)
        return pool

    # Hard rules

    def _mentor_row(self, pool, values):
        return np.broadcast_to(np.array(values, dtype=bool)[None, :], pool.score.shape)

    def _mentee_column(self, pool, values):
        return np.broadcast_to(np.array(values, dtype=bool)[:, None], pool.score.shape)

    def _pair_mask(self, pool, pairs):
        """A matrix true on the given (mentee id, mentor id) pairs."""
        rows = {mentee_id: i for i, mentee_id in enumerate(pool.mentees.ids)}
        cols = {mentor_id: j for j, mentor_id in enumerate(pool.mentors.ids)}
        mask = np.zeros(pool.score.shape, dtype=bool)
        for mentee_id, mentor_id in pairs:
            if mentee_id in rows and mentor_id in cols:
                mask[rows[mentee_id], cols[mentor_id]] = True
        return mask

    def _rule_not_in_programme(self, pool):
        programs = many2many_ids(pool.mentors, "program_ids")
        return self._mentor_row(pool, [pool.program.id not in programs[m] for m in pool.mentors.ids])

    def _rule_suspended(self, pool):
        return self._mentor_row(
            pool, [state == "suspended" for state in stored_values(pool.mentors, "state")]
        )

    def _rule_compliance(self, pool):
        """The mentor's standing on the planned start (status, and whatever training and
        certification rules add), for the mentors still in the running."""
        details = {}
        for col in np.flatnonzero(pool.allowed.any(axis=0)):
            problem = pool.mentor_list[col]._compliance_problem(pool.date_start)
            if problem:
                details[int(col)] = problem
        return self._mentor_row(pool, [col in details for col in range(len(pool.mentors))]), details

    def _rule_no_free_place(self, pool):
        """Capacity (the programme's guidance unless set on the mentor) less ongoing matches and
        proposals."""
        groups = (
            self.env["mentoring.match"]
            .sudo()
            ._read_group(
                [
                    ("mentor_id", "in", pool.mentors.ids),
                    ("state", "in", pool.place_taking_states),
                    ("id", "not in", pool.skip_match_ids),
                ],
                ["mentor_id"],
                ["__count"],
            )
        )
        taken = {mentor.id: count for mentor, count in groups}
        used = np.array([taken.get(mentor_id, 0) for mentor_id in pool.mentors.ids], dtype=int)
        capacity = np.array([c or 0 for c in stored_values(pool.mentors, "capacity")], dtype=int)
        pool.free_places = np.maximum(capacity - used, 0)
        details = {
            int(col): self.env._(
                "%(used)s of %(capacity)s places taken", used=used[col], capacity=capacity[col]
            )
            for col in np.flatnonzero(pool.free_places == 0)
        }
        pool.no_place = set(details)
        if pool.ignore_capacity:
            pool.free_places[:] = len(pool.mentees)
            return np.zeros(pool.score.shape, dtype=bool)
        return self._mentor_row(pool, [col in details for col in range(len(pool.mentors))]), details

    def _rule_already_matched(self, pool):
        return self._pairs_of_matches(
            pool, [("state", "in", PLACE_TAKING_STATES), ("id", "not in", pool.skip_match_ids)]
        )

    def _rule_ended_badly(self, pool):
        """Pairs whose earlier match closed in conflict or opt-out, with why and when."""
        ended = (
            self.env["mentoring.match"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("mentee_id", "in", pool.mentees.ids),
                    ("mentor_id", "in", pool.mentors.ids),
                    ("state", "=", "closed"),
                    ("closure_reason", "in", ENDED_BADLY_REASONS),
                ],
                order="date_closed desc, id desc",
            )
        )
        rows = {mentee_id: i for i, mentee_id in enumerate(pool.mentees.ids)}
        cols = {mentor_id: j for j, mentor_id in enumerate(pool.mentors.ids)}
        labels = dict(ended._fields["closure_reason"]._description_selection(self.env))
        details = {}
        for match in ended.sorted(lambda m: (m.date_closed or fields.Date.today(), m.id)):
            key = (rows[match.mentee_id.id], cols[match.mentor_id.id])
            label = labels.get(match.closure_reason, "").lower()
            details[key] = (
                self.env._(
                    "%(reason)s, closed on %(date)s",
                    reason=label,
                    date=format_date(self.env, match.date_closed),
                )
                if match.date_closed
                else label
            )
        return self._pair_mask(pool, [(m.mentee_id.id, m.mentor_id.id) for m in ended]), details

    def _pairs_of_matches(self, pool, domain):
        groups = (
            self.env["mentoring.match"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("mentee_id", "in", pool.mentees.ids),
                    ("mentor_id", "in", pool.mentors.ids),
                    *domain,
                ],
                ["mentee_id", "mentor_id"],
            )
        )
        return self._pair_mask(pool, [(mentee.id, mentor.id) for mentee, mentor in groups])

    def _rule_dual_relationship(self, pool):
        declared = many2many_ids(pool.mentees, "dual_relationship_mentor_ids")
        return self._pair_mask(
            pool, [(mentee, mentor) for mentee, mentors in declared.items() for mentor in mentors]
        )

    def _rule_no_authorisation(self, pool):
        """Billed programmes match only mentees whose payer has authorised the service: an
        approved authorisation covering the planned start with units left."""
        if not pool.program.product_id:
            return np.zeros(pool.score.shape, dtype=bool)
        authorizations = (
            self.env["mentoring.authorization"]
            .sudo()
            .search(
                [
                    ("mentee_id", "in", pool.mentees.ids),
                    ("program_id", "=", pool.program.id),
                    ("state", "=", "approved"),
                    ("date_from", "<=", pool.date_start),
                    ("date_to", ">=", pool.date_start),
                ]
            )
        )
        covered = set(authorizations.filtered(lambda a: a.units_remaining > 0).mentee_id.ids)
        uncovered = [mentee for mentee in pool.mentees if mentee.id not in covered]
        details = self._authorisation_causes(pool, uncovered)
        mask = self._mentee_column(pool, [mentee.id not in covered for mentee in pool.mentees])
        return mask, details

    # Ranking and the whole-pool assignment

    def _rank(self, program, mentee, mentors, date_start=None, ignore_capacity=False):
        """One mentee's candidates, best first, and the excluded mentors with their reasons:
        (pool, [(mentor index, score)], [(mentor index, [reasons])])."""
        pool = self._evaluate(program, mentee, mentors, date_start, ignore_capacity)
        allowed = pool.allowed[0]
        names = stored_values(pool.mentors, "name")
        order = sorted(range(len(mentors)), key=lambda j: (-pool.score[0, j], names[j] or ""))
        candidates = [(j, pool.score[0, j]) for j in order if allowed[j]]
        excluded = [(j, pool.reasons(0, j)) for j in order if not allowed[j]]
        return pool, candidates, excluded

    def _propose_pool(self, program, mentees, mentors, date_start=None, objective="most"):
        """The assignment of the whole pool: (pool, [(mentee index, mentor index)])."""
        pool = self._evaluate(program, mentees, mentors, date_start)
        return pool, self._solve(pool.score, pool.allowed, pool.free_places, objective)

    def _solve(self, score, allowed, free_places, objective="most"):
        """Mentees (rows) to mentors (columns) with at most `free_places[j]` mentees each, on
        allowed pairs only. "most": as many mentees matched as possible, then the highest total
        score; "total": the highest total score, then as many as possible. A linear assignment
        on mentor places as columns; an excluded pair is worth nothing, as leaving the mentee
        unmatched, and is dropped from the result."""
        score, allowed = np.asarray(score, dtype=float), np.asarray(allowed, dtype=bool)
        n_rows = score.shape[0]
        places = np.minimum(np.asarray(free_places, dtype=int), n_rows)
        rows = np.flatnonzero(allowed.any(axis=1))
        cols = np.flatnonzero(allowed.any(axis=0) & (places > 0))
        if not len(rows) or not len(cols):
            return []
        tenths = np.rint(score[np.ix_(rows, cols)] * 10).astype(np.int64)
        if objective == "most":
            # Each match is worth more than any difference in total score.
            value = tenths + int(tenths.max()) * len(rows) + 1
        else:
            # Each tenth of a point is worth more than one more match.
            value = tenths * (len(rows) + 1) + 1
        value = np.where(allowed[np.ix_(rows, cols)], value, 0)
        slots = np.repeat(np.arange(len(cols)), places[cols])
        assigned_rows, assigned_slots = linear_sum_assignment(value[:, slots], maximize=True)
        return [
            (int(rows[r]), int(cols[slots[s]]))
            for r, s in zip(assigned_rows, assigned_slots, strict=True)
            if value[r, slots[s]] > 0
        ]

    def _explain_pair(self, pool, row, col):
        """[(criterion, points, detail)] for one pair: the points add up to its score."""
        mentee, mentor = pool.mentee_list[row], pool.mentor_list[col]
        return [
            (
                criterion,
                pool.points[criterion][row, col],
                criterion._explain(mentee, mentor, fraction[row, col]),
            )
            for criterion, fraction in pool.fractions.items()
        ]

    def _explanation_text(self, pool, row, col):
        lines = [
            self.env._(
                "%(criterion)s: %(points)s of %(weight)s (%(detail)s)",
                criterion=criterion.display_name,
                points=f"{points:g}",
                weight=f"{criterion.weight:g}",
                detail=detail,
            )
            for criterion, points, detail in self._explain_pair(pool, row, col)
        ]
        return "\n".join(lines)

    def _propose_match(
        self, program, mentee, mentor, date_start, capacity_override_reason=False, previous_match=None
    ):
        """Propose one match after asking the hard rules again (places may have gone since the
        ranking): the ordinary creation of a match, as the user, with every check it has."""
        pool = self._evaluate(
            program, mentee, mentor, date_start, ignore_capacity=bool(capacity_override_reason)
        )
        reasons = pool.reasons(0, 0)
        if reasons:
            raise UserError(
                self.env._(
                    "%(mentor)s cannot be proposed to %(mentee)s: %(reasons)s.",
                    mentor=mentor.name,
                    mentee=mentee.name,
                    reasons="; ".join(reasons),
                )
            )
        vals = {
            "mentor_id": mentor.id,
            "mentee_id": mentee.id,
            "program_id": program.id,
            "date_start": date_start,
        }
        if 0 in pool.no_place:
            vals["capacity_override_reason"] = capacity_override_reason
        match = self.env["mentoring.match"].create(vals)
        vals = {"match_score": pool.score[0, 0], "match_explanation": self._explanation_text(pool, 0, 0)}
        if previous_match:
            # A rematch from Find another mentor (the finder checked it is the same mentee's).
            vals["previous_match_id"] = previous_match.id
        match._write_checked(vals)
        return match
