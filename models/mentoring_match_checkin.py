from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import format_date

from .mentoring_checkin import CHECKIN_PARTIES
from .mentoring_job_checkpoint import differs

# Matches whose check-ins are due: a match on hold, closed or only proposed has no cadence.
CHECKIN_STATES = ("introduced", "active")
# The first month of a match, in days from its start (day 0): the first month's check-ins are
# spread over its first four weeks, the last one due by its end.
FIRST_MONTH_DAYS = 30
FIRST_MONTH_SPREAD_DAYS = 28
# How far ahead a due check-in shows on Needs doing.
CHECKIN_SOON_DAYS = 7


def next_checkin_due(start, dates, first_month_count, interval_months):
    """When the next check-in with one side of a match is due.

    `start` is the match's start (day 0), `dates` the days of that side's recorded check-ins.
    In the first month (days 0 to 30) `first_month_count` check-ins are due: the k-th of n by
    day 28·k/n (rounded down), the last by day 30; with the default two, by day 14 and by day
    30. Once they are done (or a check-in came after the first month), one is due every `interval_months` months after the last one (and
    never before the first month ends). Check-ins before the start do not count."""
    if not start:
        return False
    first_month_end = start + timedelta(days=FIRST_MONTH_DAYS)
    counted = sorted(d for d in dates if d >= start)
    in_first_month = [d for d in counted if d <= first_month_end]
    # A first-month check-in missed stays due until the next check-in, which is late (the
    # quality report counts it so); from that one the monthly rhythm goes on.
    if len(in_first_month) < first_month_count and len(in_first_month) == len(counted):
        k = len(in_first_month) + 1
        if k == first_month_count:
            return first_month_end
        return start + timedelta(days=FIRST_MONTH_SPREAD_DAYS * k // first_month_count)
    if not interval_months:
        return False
    last = counted[-1] if counted else start
    return max(last, first_month_end) + relativedelta(months=interval_months)


class MentoringMatch(models.Model):
    """When the coordinator's next check-in with a match is due, and whether it is overdue:
    the earliest of the sides the programme checks in with (the mentor, the mentee, and the
    guardian where the programme says so), each on the programme's cadence."""

    _inherit = "mentoring.match"

    checkin_ids = fields.One2many(
        "mentoring.checkin", "match_id", string="Check-ins", groups="peer_mentoring.group_supervisor"
    )
    checkin_count = fields.Integer(
        "Number of check-ins", compute="_compute_checkin_count", groups="peer_mentoring.group_supervisor"
    )
    checkin_due_date = fields.Date(
        "Next check-in due",
        compute="_compute_checkin_due_date",
        store=True,
        compute_sudo=True,
        groups="peer_mentoring.group_supervisor",
        help="From the match's start and the recorded check-ins, on the programme's cadence.",
    )
    checkin_due_with = fields.Selection(
        CHECKIN_PARTIES,
        "Next check-in with",
        compute="_compute_checkin_due_date",
        store=True,
        compute_sudo=True,
        groups="peer_mentoring.group_supervisor",
    )
    checkin_overdue = fields.Boolean(
        "Check-in overdue",
        compute="_compute_checkin_overdue",
        search="_search_checkin_overdue",
        groups="peer_mentoring.group_supervisor",
    )
    # The due date the coordinator was last given an activity for: one per due date.
    checkin_alert_due_date = fields.Date(readonly=True, copy=False, groups="base.group_system")

    def _protected_field_names(self):
        # Check-ins are made on their own form (with its checks), never through the match.
        return super()._protected_field_names() | {"checkin_ids"}

    def _compute_checkin_count(self):
        counts = dict(
            self.env["mentoring.checkin"]._read_group(
                [("match_id", "in", self.ids)], ["match_id"], ["__count"]
            )
        )
        for match in self:
            match.checkin_count = counts.get(match, 0)

    @api.depends(
        "state",
        "date_start",
        "checkin_ids.state",
        "checkin_ids.date",
        "checkin_ids.who",
        "program_id.checkin_first_month_count",
        "program_id.checkin_interval_months",
        "program_id.checkin_with_guardian",
    )
    def _compute_checkin_due_date(self):
        for match in self:
            due, due_with = False, False
            if match.state in CHECKIN_STATES and match.date_start:
                program = match.program_id
                recorded = match.checkin_ids.filtered(lambda c: c.state == "done")
                for side in program._checkin_sides():
                    side_due = next_checkin_due(
                        match.date_start,
                        recorded.filtered(lambda c, side=side: c.who == side).mapped("date"),
                        program.checkin_first_month_count,
                        program.checkin_interval_months,
                    )
                    if side_due and (not due or side_due < due):
                        due, due_with = side_due, side
            match.checkin_due_date = due
            match.checkin_due_with = due_with

    @api.depends("checkin_due_date")
    def _compute_checkin_overdue(self):
        today = fields.Date.context_today(self)
        for match in self:
            match.checkin_overdue = bool(match.checkin_due_date and match.checkin_due_date < today)

    def _search_checkin_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        overdue = Domain("checkin_due_date", "<", fields.Date.context_today(self))
        return overdue if True in value else ~overdue

    def _checkin_alert_user(self):
        """Who is given the activity: the match's coordinator while they act for its programme
        (and are not its mentor), else the programme's first coordinator who does."""
        self.ensure_one()
        match = self.sudo()
        mentor_user = match.mentor_id.user_id
        candidates = match.coordinator_id | match.program_id.coordinator_ids
        for user in candidates.filtered(lambda u: u.active and not u.share):
            if user != mentor_user and match.program_id.with_user(user)._user_acts_for(mentor_user):
                return user
        return self.env["res.users"]

    def _checkin_activity_type(self):
        return self.env.ref("peer_mentoring.mail_activity_type_checkin_due")

    @api.model
    def _cron_checkin_due(self):
        """Give the coordinator a Check-in due activity on each match whose check-in is due
        today or overdue: once per due date, never a second one while the first is open. In
        batches; a match handled for its due date leaves the job's domain."""
        pending = Domain(
            [("checkin_due_date", "<=", fields.Date.context_today(self)), ("state", "in", CHECKIN_STATES)]
        ) & differs("checkin_alert_due_date", "checkin_due_date")
        self.env["mentoring.job.checkpoint"]._run_in_batches(
            "checkin_due", self.sudo(), pending, lambda matches: matches._alert_checkin_due()
        )

    def _alert_checkin_due(self):
        activity_type = self._checkin_activity_type()
        labels = dict(self._fields["checkin_due_with"]._description_selection(self.env))
        for match in self:
            if match.activity_ids.filtered(lambda a: a.activity_type_id == activity_type):
                match.checkin_alert_due_date = match.checkin_due_date
                continue
            user = match._checkin_alert_user()
            if not user:
                continue
            match.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=match.checkin_due_date,
                summary=self.env._("Check-in due"),
                note=self.env._(
                    "A check-in with the %(who)s is due by %(due)s. Record it with Record a check-in.",
                    who=labels.get(match.checkin_due_with, "").lower(),
                    due=format_date(self.env, match.checkin_due_date),
                ),
                user_id=user.id,
            )
            match.checkin_alert_due_date = match.checkin_due_date

    def _checkin_recorded(self):
        """A check-in was recorded: the activity of a due date now met is done."""
        activity_type = self._checkin_activity_type()
        today = fields.Date.context_today(self)
        for match in self.sudo():
            if match.checkin_due_date and match.checkin_due_date <= today:
                continue
            match.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).action_feedback(
                feedback=self.env._("Check-in recorded.")
            )

    def _prune_relationship_followers(self):
        res = super()._prune_relationship_followers()
        self.sudo().checkin_ids._prune_followers()
        return res

    @api.model
    def _followed_models_to_prune(self):
        return [*super()._followed_models_to_prune(), "mentoring.checkin"]

    def action_view_checkins(self):
        return self._action_open_related("peer_mentoring.mentoring_checkin_action")

    def action_new_checkin(self):
        """The check-in form for this match, with the side that is due next."""
        self.ensure_one()
        self._check_acts_for(self.env._("record a check-in"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record a check-in"),
            "res_model": "mentoring.checkin",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_match_id": self.id,
                "default_who": self.sudo().checkin_due_with or "mentor",
            },
        }
