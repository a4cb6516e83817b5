from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import format_date

from .mentoring_job_checkpoint import differs

# Stages whose supervision the rule sets pace; other mentors are not expected at supervision.
SUPERVISED_STAGES = ("intern", "certified")


class MentoringMentor(models.Model):
    """When a peer mentor's next supervision is due, and whether it is overdue: the last session
    they attended plus the cadence their programme's rules ask for their stage."""

    _inherit = "mentoring.mentor"

    supervision_attendee_ids = fields.One2many(
        "mentoring.supervision.attendee",
        "mentor_id",
        string="Supervision attendance",
        groups="peer_mentoring.group_manager",
    )
    last_supervision_date = fields.Date(
        "Last supervision",
        compute="_compute_last_supervision_date",
        store=True,
        compute_sudo=True,
        help="The last supervision session this mentor attended and confirmed.",
    )
    supervision_due_date = fields.Date(
        "Supervision due by",
        compute="_compute_supervision_due_date",
        store=True,
        compute_sudo=True,
        help="The last supervision (or the start of the mentor's current stage) plus the days "
        "the programme's rules allow between sessions for an intern or a certified mentor.",
    )
    supervision_overdue = fields.Boolean(
        compute="_compute_supervision_overdue", search="_search_supervision_overdue"
    )
    supervision_days_overdue = fields.Integer("Days overdue", compute="_compute_supervision_overdue")
    # The due date the supervisor was last told about: one reminder per overdue period.
    supervision_alert_due_date = fields.Date(readonly=True, copy=False, groups="base.group_system")

    @api.depends("supervision_attendee_ids.attended", "supervision_attendee_ids.session_date")
    def _compute_last_supervision_date(self):
        for mentor in self:
            dates = mentor.supervision_attendee_ids.filtered("attended").mapped("session_date")
            mentor.last_supervision_date = max(dates) if dates else False

    @api.depends(
        "last_supervision_date",
        "state",
        "supervisor_id",
        "program_ids.certification_rule_id.supervision_days_intern",
        "program_ids.certification_rule_id.supervision_days_certified",
        "credential_ids.date_from",
    )
    def _compute_supervision_due_date(self):
        for mentor in self:
            days = mentor._supervision_cadence_days()
            if not days or not mentor.supervisor_id:
                mentor.supervision_due_date = False
                continue
            mentor.supervision_due_date = mentor._supervision_clock_start() + timedelta(days=days)

    @api.depends("supervision_due_date")
    def _compute_supervision_overdue(self):
        today = fields.Date.context_today(self)
        for mentor in self:
            due = mentor.supervision_due_date
            mentor.supervision_overdue = bool(due and today > due)
            mentor.supervision_days_overdue = (today - due).days if mentor.supervision_overdue else 0

    def _search_supervision_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        overdue = Domain("supervision_due_date", "<", fields.Date.context_today(self))
        return overdue if True in value else ~overdue

    def _supervision_cadence_days(self):
        """Days allowed between sessions for the mentor's stage: the strictest of their
        programmes' rule sets, or the rule sets' own defaults where no programme has one."""
        self.ensure_one()
        if self.state not in SUPERVISED_STAGES:
            return 0
        field = f"supervision_days_{self.state}"
        rules = self.sudo().program_ids.certification_rule_id
        if rules:
            return min(rules.mapped(field))
        return self.env["mentoring.certification.rule"].default_get([field]).get(field) or 0

    def _supervision_clock_start(self):
        """The last supervision attended, else the day the mentor entered their stage (their
        status history), else the day their profile was made."""
        self.ensure_one()
        if self.last_supervision_date:
            return self.last_supervision_date
        entered = self.sudo().credential_ids.filtered(lambda c: c.state == self.state)
        if entered:
            return max(entered.mapped("date_from"))
        return (self.create_date or fields.Datetime.now()).date()

    def _supervision_alert_user(self):
        """Who hears about an overdue supervision: the supervisor, else a coordinator."""
        self.ensure_one()
        return self.supervisor_id.user_id or self.program_ids.coordinator_ids[:1]

    @api.model
    def _cron_supervision_overdue(self):
        """Tell each overdue mentor's supervisor once per overdue period, with an activity on
        the mentor's profile; in batches, each told mentor leaving the job's domain."""
        pending = Domain("supervision_overdue", "in", [True]) & differs(
            "supervision_alert_due_date", "supervision_due_date"
        )
        self.env["mentoring.job.checkpoint"]._run_in_batches(
            "supervision_overdue", self.sudo(), pending, lambda mentors: mentors._alert_supervision_overdue()
        )

    def _alert_supervision_overdue(self):
        activity_type = self.env.ref("peer_mentoring.mail_activity_type_supervision_overdue")
        for mentor in self:
            user = mentor._supervision_alert_user()
            if not user:
                continue
            last = mentor.last_supervision_date
            mentor.activity_schedule(
                activity_type_id=activity_type.id,
                summary=self.env._("Supervision overdue"),
                note=self.env._(
                    "%(mentor)s's supervision was due by %(due)s (last session: %(last)s). Plan a session.",
                    mentor=mentor.name,
                    due=format_date(self.env, mentor.supervision_due_date),
                    last=format_date(self.env, last) if last else self.env._("none yet"),
                ),
                user_id=user.id,
            )
            mentor.supervision_alert_due_date = mentor.supervision_due_date
