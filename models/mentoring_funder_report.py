import contextlib

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .mentoring_match_length import ended_before
from .mentoring_quality_report import programme_matches

# A count of people from 1 to SMALL_NUMBER is never shown (and no shown figure lets it be
# worked out): the report can leave the agency.
SMALL_NUMBER = 4
# Where the records of the period are kept while one report is drawn (see `_figures_memo`).
MEMO_KEY = "peer_mentoring.funder_report_memo"
# What the measures read of each relationship: read with the search, in one query.
MATCH_FACTS = ("mentee_id", "mentor_id", "state", "date_start", "date_closed")

# Counts of people that add up: (parts, total). A hidden cell in a group hides a second one.
PEOPLE_GROUPS = [
    (("people_continuing", "people_new"), "people_served"),
    ((), "mentors_active"),
    (("matches_continuing", "matches_new"), "matches"),
    (("ended_under_3", "ended_3_to_12"), "ended_under_12"),
    (("ended_under_12", "ended_12_plus"), "matches_closed"),
    ((), "people_rated"),
    ((), "evaluations"),
]


def suppress(counts, groups=PEOPLE_GROUPS):
    """{key: 'small' | 'complement'} of the counts not to show. Primary: every count from 1 to
    SMALL_NUMBER. Complementary: wherever a group (parts adding up to a total) has exactly one
    hidden cell, the next smallest non-zero part is hidden too (the total when there is none),
    until no hidden cell can be worked out by subtraction."""
    hidden = {key: "small" for key, value in counts.items() if 1 <= value <= SMALL_NUMBER}
    changed = True
    while changed:
        changed = False
        for parts, total in groups:
            if not parts:
                continue
            cells = (*parts, total)
            if sum(1 for cell in cells if cell in hidden) != 1:
                continue
            candidates = sorted(
                (counts[part], part) for part in parts if part not in hidden and counts[part] > 0
            )
            pick = candidates[0][1] if candidates else total
            if pick in hidden:  # the total alone was hidden and every part is 0
                pick = next(part for part in parts if part not in hidden)
            hidden[pick] = "complement"
            changed = True
    return hidden


# A report screen with its own menu, PDF and spreadsheet export, not a wizard opened from a
# record: it lives with the report's models (split in two files to stay small).
class MentoringFunderReport(models.TransientModel):  # pylint: disable=no-wizard-in-models
    """What a programme achieved in a period, for its funders: every figure aggregated, and
    small numbers of people hidden so that the report identifies nobody. Each figure is one
    `_measure_*` method (defined in the README's *Outcomes* section); the PDF and the XLSX
    show the same `_report_sections()`."""

    _name = "mentoring.funder.report"
    _description = "Funder report"
    _inherit = ["mentoring.guard.mixin"]
    _scope_fields = frozenset({"program_id", "company_id", "date_from", "date_to"})

    program_id = fields.Many2one(
        "mentoring.program",
        string="Programme",
        required=True,
        domain="[('id', 'in', allowed_program_ids)]",
        default=lambda self: self._allowed_programs()[:1] if len(self._allowed_programs()) == 1 else False,
    )
    allowed_program_ids = fields.Many2many("mentoring.program", compute="_compute_allowed_program_ids")
    company_id = fields.Many2one(related="program_id.company_id", store=True)
    date_from = fields.Date(
        "From", required=True, default=lambda self: self.env["mentoring.quality.report"]._default_date_from()
    )
    date_to = fields.Date("To", required=True, default=fields.Date.context_today)

    @api.model
    def _allowed_programs(self):
        """What the record rules let this user report on: the programmes they coordinate (all
        for managers), every programme's billing for finance."""
        Program = self.env["mentoring.program"]
        if self.env.user.has_group("account.group_account_invoice"):
            # Finance reports on every programme.
            return Program.search([])  # pylint: disable=no-search-all
        return Program.search([("user_is_coordinator", "=", True)])

    @api.depends_context("uid")
    def _compute_allowed_program_ids(self):
        self.allowed_program_ids = self._allowed_programs()

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for report in self:
            if report.date_from > report.date_to:
                raise ValidationError(self.env._("The period must start on or before the day it ends."))

    # Who sees what -----------------------------------------------------------------------------

    def _sees_mentoring_figures(self):
        """Programme managers, and the coordinators of this programme (finance does not: the
        roles table gives finance the billing and nothing of the mentoring records)."""
        user = self.env.user
        return user.has_group("peer_mentoring.group_manager") or (
            user.has_group("peer_mentoring.group_coordinator") and user in self.program_id.coordinator_ids
        )

    def _sees_billing(self):
        return self._sees_mentoring_figures() or self.env.user.has_group("account.group_account_invoice")

    def _check_readable(self):
        """The report route checks the wizard's own record rules; the figures are read with
        sudo, so ask again here before anything is counted."""
        self.check_access("read")
        for report in self:
            if not report._sees_billing():
                raise AccessError(
                    self.env._("Only the programme's coordinators and managers print its funder report.")
                )

    # The period's records ----------------------------------------------------------------------

    @contextlib.contextmanager
    def _figures_memo(self):
        """While one report is drawn, each set of the period's records is read once for all the
        figures that count it (a programme may hold 10,000 relationships). Nothing is written
        meanwhile, so nothing kept can be out of date; outside, every measure reads afresh."""
        cache = self.env.cr.cache
        outer = MEMO_KEY in cache
        cache.setdefault(MEMO_KEY, {})
        try:
            yield
        finally:
            if not outer:
                cache.pop(MEMO_KEY, None)

    def _memo(self, name, compute):
        memo = self.env.cr.cache.get(MEMO_KEY)
        if memo is None:
            return compute()
        key = (name, self.id, self.env.uid, self.env.su)
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    def _matches(self):
        """The programme's relationships that ran for part of the period: introduced or later,
        begun by its last day, not closed before its first (a match put on hold and resumed is
        one relationship)."""
        self.ensure_one()
        return self._memo(
            "matches",
            lambda: programme_matches(self.env, self.program_id, self.date_from, self.date_to, MATCH_FACTS),
        )

    def _in_period(self, model, date_field, domain):
        """Records of `model` matching `domain` whose `date_field` falls in the period."""
        period = [(date_field, ">=", self.date_from), (date_field, "<=", self.date_to)]
        return self.env[model].sudo().search([*domain, *period])

    def _sum_in_period(self, model, date_field, domain, field):
        """The sum of `field` over those records, computed by the database."""
        period = [(date_field, ">=", self.date_from), (date_field, "<=", self.date_to)]
        [(total,)] = self.env[model].sudo()._read_group([*domain, *period], [], [f"{field}:sum"])
        return round(total or 0.0, 2)

    def _closed_matches(self):
        return self._memo(
            "closed",
            lambda: self._matches().filtered(
                lambda m: m.state == "closed" and m.date_closed and m.date_closed <= self.date_to
            ),
        )

    def _meeting_totals(self):
        return self._memo("meetings", self._sum_meetings)

    def _sum_meetings(self):
        """(count, minutes) of the confirmed meetings of the period's relationships dated in
        the period, summed by the database (a programme may hold hundreds of thousands)."""
        domain = [
            ("match_id", "in", self._matches().ids),
            ("state", "=", "confirmed"),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]
        [(count, minutes)] = (
            self.env["mentoring.encounter"]
            .sudo()
            ._read_group(domain, [], ["__count", "duration_minutes:sum"])
        )
        return count, minutes or 0

    def _ratings(self):
        return self._memo(
            "ratings",
            lambda: self._in_period(
                "mentoring.goal.rating",
                "review_date",
                [("program_id", "=", self.program_id.id), ("score", "!=", False)],
            ),
        )

    def _counted_goal_scores(self):
        return self._memo("goal_scores", lambda: self._ratings()._counted_goal_scores())

    def _person_t_scores(self):
        return self._memo("t_scores", lambda: self._ratings()._person_t_scores())

    def _goals(self):
        """The goals of the signed plans in use of the period's relationships, but those that
        are no longer goals."""
        return self._memo("goals", self._search_goals)

    def _search_goals(self):
        return (
            self.env["mentoring.goal"]
            .sudo()
            .search_fetch(
                [
                    ("match_id", "in", self._matches().ids),
                    ("plan_id.state", "=", "signed"),
                    ("status", "!=", "changed"),
                ],
                ["status"],
            )
        )

    # Measures: people --------------------------------------------------------------------------

    def _first_starts(self):
        return self._memo("first_starts", self._read_first_starts)

    def _read_first_starts(self):
        first = {}
        for match in self._matches():
            if match.mentee_id not in first or match.date_start < first[match.mentee_id]:
                first[match.mentee_id] = match.date_start
        return first

    def _measure_people_served(self):
        return len(self._first_starts())

    def _measure_people_continuing(self):
        return sum(1 for day in self._first_starts().values() if day < self.date_from)

    def _measure_people_new(self):
        return sum(1 for day in self._first_starts().values() if day >= self.date_from)

    def _measure_mentors_active(self):
        return len(self._matches().mentor_id)

    # Measures: relationships -------------------------------------------------------------------

    def _measure_matches(self):
        return len(self._matches())

    def _measure_matches_continuing(self):
        return len(self._matches().filtered(lambda m: m.date_start < self.date_from))

    def _measure_matches_new(self):
        return len(self._matches().filtered(lambda m: m.date_start >= self.date_from))

    def _measure_matches_closed(self):
        return len(self._closed_matches())

    def _closed_before(self, months):
        return self._closed_matches().filtered(lambda m: ended_before(m, months))

    def _measure_ended_under_3(self):
        return len(self._closed_before(3))

    def _measure_ended_under_12(self):
        return len(self._closed_before(12))

    def _measure_ended_3_to_12(self):
        return len(self._closed_before(12) - self._closed_before(3))

    def _measure_ended_12_plus(self):
        return len(self._closed_matches() - self._closed_before(12))

    # Measures: meetings ------------------------------------------------------------------------

    def _measure_meetings(self):
        return self._meeting_totals()[0]

    def _measure_meeting_hours(self):
        return round(self._meeting_totals()[1] / 60.0, 1)

    # Measures: goals ---------------------------------------------------------------------------

    def _measure_goals_set(self):
        return len(self._goals())

    def _measure_goals_achieved(self):
        return len(self._goals().filtered(lambda g: g.status == "achieved"))

    def _measure_people_rated(self):
        return len(self._person_t_scores())

    def _measure_goals_rated(self):
        return len(self._counted_goal_scores())

    def _measure_goals_as_hoped(self):
        """Rated goals at or above what was hoped for at their last review in the period."""
        return sum(1 for score in self._counted_goal_scores().values() if score >= 0)

    def _measure_attainment_t_score(self):
        """The mean of the people's goal attainment T-scores (0.0 when nobody was rated)."""
        scores = [t for t in self._person_t_scores().values() if t is not None]
        return round(sum(scores) / len(scores), 1) if scores else 0.0

    # Measures: evaluations ---------------------------------------------------------------------

    def _evaluations(self):
        return self._in_period(
            "mentoring.evaluation", "date", [("program_id", "=", self.program_id.id), ("state", "=", "done")]
        )

    def _measure_evaluations(self):
        return len(self._evaluations())

    def _measure_evaluation_average(self):
        evaluations = self._evaluations()
        return round(sum(evaluations.mapped("average_score")) / len(evaluations), 2) if evaluations else 0.0

    # Measures: billing -------------------------------------------------------------------------

    def _measure_units_authorized(self):
        return round(sum(self._authorizations_in_period().mapped("units_authorized")), 2)

    def _authorizations_in_period(self):
        """The programme's approved authorisations (exhausted and expired ones too) whose dates
        overlap the period."""
        return (
            self.env["mentoring.authorization"]
            .sudo()
            .search(
                [
                    ("program_id", "=", self.program_id.id),
                    ("state", "in", ("approved", "exhausted", "expired")),
                    ("date_from", "<=", self.date_to),
                    ("date_to", ">=", self.date_from),
                ]
            )
        )

    def _billed_units(self, domain=()):
        billed = [("program_id", "=", self.program_id.id), ("billing_status", "=", "billed"), *domain]
        return self._sum_in_period("mentoring.billing.entry", "date", billed, "billed_units")

    def _measure_units_delivered(self):
        return self._billed_units()

    def _measure_units_invoiced(self):
        return self._billed_units([("invoice_id.state", "=", "posted")])

    def _claimed_units(self, remit_states):
        lines = [
            ("claim_id.authorization_id.program_id", "=", self.program_id.id),
            ("claim_id.state", "!=", "cancelled"),
            ("remit_state", "in", remit_states),
        ]
        return self._sum_in_period("mentoring.claim.line", "date", lines, "units")

    def _measure_units_paid(self):
        return self._claimed_units(("paid", "partly_paid"))

    def _measure_units_denied(self):
        return self._claimed_units(("denied",))
