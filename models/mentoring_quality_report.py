from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .mentoring_match_checkin import next_checkin_due
from .mentoring_match_length import ended_before
from .mentoring_mentor import ONGOING_MATCH_STATES

# A relationship counts in a period from its introduction to its closure.
COUNTED_MATCH_STATES = (*ONGOING_MATCH_STATES, "closed")


def programme_matches(env, program, date_from, date_to, fields=()):
    """The relationships of `program` that ran for part of the period (the quality and the
    funder reports count the same ones), with `fields` read by the same query."""
    return (
        env["mentoring.match"]
        .sudo()
        .with_context(active_test=False)
        .search_fetch(
            [
                ("program_id", "=", program.id),
                ("state", "in", COUNTED_MATCH_STATES),
                ("date_start", "<=", date_to),
                "|",
                ("date_closed", "=", False),
                ("date_closed", ">=", date_from),
            ],
            fields,
        )
    )


def _share(part, whole):
    return round(100.0 * part / whole, 1) if whole else 0.0


class MentoringQualityReport(models.Model):
    """How well a programme kept to the practice funders ask about (MENTOR's Elements of
    Effective Practice), for one period: relationships checked in with on time, closures
    documented, safeguarding notifications made within their deadline, mentors screened before
    they were matched, and how long relationships lasted.

    The figures are counted when read, from the records themselves, so a report always says what
    the records say today; print it to keep a copy."""

    _name = "mentoring.quality.report"
    _description = "Programme quality report"
    _inherit = ["mentoring.guard.mixin"]
    _order = "date_to desc, program_id"
    _scope_fields = frozenset({"program_id", "company_id"})

    name = fields.Char(compute="_compute_name")
    program_id = fields.Many2one(
        "mentoring.program",
        string="Programme",
        required=True,
        index=True,
        domain=[("user_is_coordinator", "=", True)],
        help="Only the programmes you coordinate.",
    )
    company_id = fields.Many2one(related="program_id.company_id", store=True, index=True)
    date_from = fields.Date("From", required=True, default=lambda self: self._default_date_from())
    date_to = fields.Date("To", required=True, default=fields.Date.context_today)

    match_count = fields.Integer("Relationships in the period", compute="_compute_matches")
    matches_closed_count = fields.Integer("Relationships ended", compute="_compute_matches")
    average_length_months = fields.Float(
        "Average length of ended relationships (months)", compute="_compute_matches", digits=(16, 1)
    )
    ended_before_3_months = fields.Float("Ended before 3 months (%)", compute="_compute_matches")
    ended_before_12_months = fields.Float("Ended before 12 months (%)", compute="_compute_matches")

    closures_documented_count = fields.Integer("Endings documented", compute="_compute_matches")
    closures_documented = fields.Float("Endings documented (%)", compute="_compute_matches")
    checkin_match_count = fields.Integer("Relationships with check-ins due", compute="_compute_checkins")
    checkin_on_time_count = fields.Integer("Checked in with on time", compute="_compute_checkins")
    checkins_on_time = fields.Float("Check-ins on time (%)", compute="_compute_checkins")

    mentor_count = fields.Integer("Mentors matched", compute="_compute_screening")
    mentors_screened_count = fields.Integer("Mentors screened before matching", compute="_compute_screening")
    mentors_screened = fields.Float("Mentors screened before matching (%)", compute="_compute_screening")

    # How many concerns a programme had is itself confidential: leads and managers only.
    notification_count = fields.Integer(
        "Safeguarding notifications due",
        compute="_compute_notifications",
        groups="peer_mentoring.group_safeguarding_lead",
    )
    notifications_on_time_count = fields.Integer(
        "Notifications made within the deadline",
        compute="_compute_notifications",
        groups="peer_mentoring.group_safeguarding_lead",
    )
    notifications_on_time = fields.Float(
        "Notifications made within the deadline (%)",
        compute="_compute_notifications",
        groups="peer_mentoring.group_safeguarding_lead",
    )

    @api.model
    def _default_date_from(self):
        return fields.Date.context_today(self) - relativedelta(months=12, days=-1)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for report in self:
            if report.date_from > report.date_to:
                raise ValidationError(self.env._("The period must start on or before the day it ends."))

    @api.depends("program_id.name", "date_from", "date_to")
    def _compute_name(self):
        for report in self:
            if not report.program_id:
                report.name = self.env._("New quality report")
                continue
            report.name = self.env._(
                "%(program)s, %(start)s to %(end)s",
                program=report.program_id.name or "",
                start=report.date_from or "",
                end=report.date_to or "",
            )

    # Relationships ---------------------------------------------------------------------------

    def _matches(self):
        """The programme's relationships that ran for part of the period: introduced or later,
        begun by its last day, and not closed before its first."""
        self.ensure_one()
        return programme_matches(self.env, self.program_id, self.date_from, self.date_to)

    def _closed_matches(self):
        return self._matches().filtered(
            lambda m: m.state == "closed" and m.date_closed and m.date_closed <= self.date_to
        )

    def _documented_closures(self, closed):
        """The ended relationships whose closure steps were recorded (MENTOR standard 6): the
        kind of ending, the talk with each side or the attempts made, contact after closure and
        the rematch decision. Matches closed before the closure record existed have none."""
        closures = (
            self.env["mentoring.match.closure"]
            .sudo()
            .search([("match_id", "in", closed.ids), ("state", "=", "done")])
        )
        return closures.match_id

    @staticmethod
    def _length_in_months(match):
        delta = relativedelta(match.date_closed, match.date_start)
        return delta.years * 12 + delta.months + delta.days / 30.0

    @api.depends("program_id", "date_from", "date_to")
    def _compute_matches(self):
        for report in self:
            if not (report.program_id and report.date_from and report.date_to):
                report.update(
                    dict.fromkeys(("match_count", "matches_closed_count", "closures_documented_count"), 0)
                )
                report.closures_documented = 0.0
                report.update(
                    dict.fromkeys(
                        ("average_length_months", "ended_before_3_months", "ended_before_12_months"), 0.0
                    )
                )
                continue
            closed = report._closed_matches()
            lengths = [report._length_in_months(m) for m in closed if m.date_start]
            report.match_count = len(report._matches())
            report.matches_closed_count = len(closed)
            documented = report._documented_closures(closed)
            report.closures_documented_count = len(documented)
            report.closures_documented = _share(len(documented), len(closed))
            report.average_length_months = sum(lengths) / len(lengths) if lengths else 0.0
            report.ended_before_3_months = _share(sum(1 for m in closed if ended_before(m, 3)), len(closed))
            report.ended_before_12_months = _share(sum(1 for m in closed if ended_before(m, 12)), len(closed))

    # Check-ins -------------------------------------------------------------------------------

    def _side_checkins_on_time(self, match, side, window_end):
        """Walk one side's check-ins along the programme's cadence: (whether a check-in with
        that side fell due in the period, whether every one due in it was made by its day).
        A check-in missed before the period that was still not made in it counts against it."""
        program = match.program_id
        dates = sorted(
            c.date
            for c in match.checkin_ids
            if c.state == "done" and c.who == side and c.date >= match.date_start
        )
        made = 0
        due_in_period = False
        while True:
            due = next_checkin_due(
                match.date_start,
                dates[:made],
                program.checkin_first_month_count,
                program.checkin_interval_months,
            )
            if not due or due > window_end:
                return due_in_period, True
            late = made >= len(dates) or dates[made] > due
            if due >= self.date_from:
                due_in_period = True
                if late:
                    return True, False
            elif late and (made >= len(dates) or dates[made] >= self.date_from):
                return True, False  # overdue since before the period, and not made before it
            made += 1

    def _match_checkins_on_time(self, match):
        """None when no check-in fell due in the period (a match begun at its very end)."""
        window_end = min(self.date_to, fields.Date.context_today(self) - relativedelta(days=1))
        if match.date_closed:
            window_end = min(window_end, match.date_closed)
        judged = [
            self._side_checkins_on_time(match, side, window_end) for side in match.program_id._checkin_sides()
        ]
        if not any(due for due, _on_time in judged):
            return None
        return all(on_time for _due, on_time in judged)

    @api.depends("program_id", "date_from", "date_to")
    def _compute_checkins(self):
        for report in self:
            matches = report._matches() if report.program_id and report.date_to else []
            results = [report._match_checkins_on_time(m) for m in matches if m.date_start]
            judged = [r for r in results if r is not None]
            report.checkin_match_count = len(judged)
            report.checkin_on_time_count = sum(judged)
            report.checkins_on_time = _share(sum(judged), len(judged))

    # Screening -------------------------------------------------------------------------------

    def _mentor_first_matches(self):
        """Each mentor of the period's relationships, with the day they were first matched in
        this programme: their pre-match steps must have been done by then."""
        first = {}
        for match in self._matches().sorted("date_start"):
            first.setdefault(match.mentor_id, match.date_start)
        return first

    @api.depends("program_id", "date_from", "date_to")
    def _compute_screening(self):
        for report in self:
            first = report._mentor_first_matches() if report.program_id and report.date_to else {}
            screened = [
                mentor for mentor, day in first.items() if not mentor.sudo()._prematch_missing_on(day)
            ]
            report.mentor_count = len(first)
            report.mentors_screened_count = len(screened)
            report.mentors_screened = _share(len(screened), len(first))

    # Safeguarding ------------------------------------------------------------------------------

    def _notifications(self):
        """Notifications of the programme's concerns whose deadline fell in the period, once they
        can be judged: made, or their deadline passed (one due tomorrow is not late yet)."""
        self.ensure_one()
        start = fields.Datetime.to_datetime(self.date_from)
        end = fields.Datetime.to_datetime(self.date_to + relativedelta(days=1))
        return (
            self.env["mentoring.safeguarding.notification"]
            .sudo()
            .search(
                [
                    "|",
                    ("concern_id.program_id", "=", self.program_id.id),
                    ("concern_id.match_id.program_id", "=", self.program_id.id),
                    ("due_on", ">=", start),
                    ("due_on", "<", end),
                    "|",
                    ("state", "=", "done"),
                    ("due_on", "<", fields.Datetime.now()),
                ]
            )
        )

    @api.depends("program_id", "date_from", "date_to")
    def _compute_notifications(self):
        for report in self:
            notes = report._notifications() if report.program_id and report.date_to else []
            on_time = [n for n in notes if n.notified_on and n.notified_on <= n.due_on]
            report.notification_count = len(notes)
            report.notifications_on_time_count = len(on_time)
            report.notifications_on_time = _share(len(on_time), len(notes))

    def action_show_report(self):
        """The report on screen, whose Print button gives the PDF (also in the Print menu)."""
        action = self.env.ref("peer_mentoring.quality_report_pdf").report_action(self)
        action["report_type"] = "qweb-html"
        return action

    # Details for the printed report -------------------------------------------------------------

    def _match_rows(self):
        """One row per relationship of the period, for the printed report."""
        self.ensure_one()
        rows = []
        for match in self._matches().sorted(lambda m: (m.date_start, m.id)):
            rows.append(
                {
                    "match": match,
                    "length": self._length_in_months(match)
                    if match.state == "closed" and match.date_closed and match.date_start
                    else False,
                }
            )
        return rows
