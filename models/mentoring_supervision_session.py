from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .mentoring_supervision_agreement import (
    SUPERVISION_MODALITIES,
    check_supervisor_is_self,
    check_supervisor_set,
)

# What stays fixed once a session has been held: the facts attendance was confirmed against.
HELD_FIXED_FIELDS = {"date", "start_time", "supervisor_id", "session_type", "attendee_ids"}


class MentoringSupervisionSession(models.Model):
    """One supervision session (seed 004): with one peer mentor, or a group of them for
    co-reflection. The session holds what is shared with everyone who attended (agenda,
    outcomes, action plan, next date); what concerns one mentor is written on that mentor's
    attendance line, which only they, the supervisor and managers read."""

    _name = "mentoring.supervision.session"
    _description = "Supervision Session"
    _inherit = ["mentoring.guard.mixin", "mentoring.thread.mixin", "mail.activity.mixin"]
    _order = "date desc, start_time desc, id desc"
    _check_company_auto = True
    _protected_fields = frozenset({"state", "held_on"})
    _scope_fields = frozenset({"supervisor_id", "date", "company_id"})
    _scope_open_states = frozenset({"planned"})

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    start_time = fields.Float("Start time", tracking=True)
    duration = fields.Float("Length (hours)", default=1.0)
    supervisor_id = fields.Many2one(
        "hr.employee",
        index=True,
        check_company=True,
        tracking=True,
        default=lambda self: self.env.user.employee_id,
    )
    session_type = fields.Selection(
        [("individual", "One peer mentor"), ("group", "Group (co-reflection)")],
        string="Session",
        required=True,
        compute="_compute_session_type",
        store=True,
        readonly=False,
        precompute=True,
        help="Follows the number of peer mentors listed; a group of one can be chosen ahead.",
    )
    modality = fields.Selection(SUPERVISION_MODALITIES, required=True, default="face_to_face", tracking=True)
    location = fields.Char()
    agenda = fields.Text(help="What we planned to talk about.")
    outcomes = fields.Text(help="What came out of the session, shared with everyone who attended.")
    action_plan = fields.Text(help="What each of us will do before the next session (shared part).")
    next_session_date = fields.Date("Next session on")
    next_session_time = fields.Float("Next session at")
    attendee_ids = fields.One2many("mentoring.supervision.attendee", "session_id", string="Peer mentors")
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    held_on = fields.Datetime("Marked held on", readonly=True, copy=False)
    cancel_reason = fields.Char("Why cancelled", copy=False)
    # What the mentors' record rule reads. A rule through the one2many would load every line of
    # the session into the cache as superuser, and a mentor's read of the session would then
    # list the other mentors' lines (Odoo keeps the first value cached).
    attendee_user_ids = fields.Many2many(
        "res.users",
        "mentoring_supervision_session_user_rel",
        "session_id",
        "user_id",
        compute="_compute_attendee_user_ids",
        store=True,
        compute_sudo=True,
        groups="base.group_system",
    )
    # Who attended, as the people in the room know it; each line's notes stay with its mentor.
    attendee_names = fields.Char("Attended by", compute="_compute_attendee_names", compute_sudo=True)
    # The form offers each user what they may do: the supervisor records, a mentor confirms.
    user_is_supervisor = fields.Boolean(compute="_compute_user_role")
    my_attendance = fields.Selection(
        [("none", "Not an attendee"), ("to_confirm", "To confirm"), ("confirmed", "Confirmed")],
        compute="_compute_user_role",
    )

    @api.depends("date")
    def _compute_name(self):
        for session in self:
            session.name = self.env._(
                "Supervision of %(date)s", date=format_date(self.env, session.date) if session.date else ""
            )

    @api.depends("attendee_ids")
    def _compute_session_type(self):
        for session in self:
            if len(session.attendee_ids) > 1:
                session.session_type = "group"
            elif not session.session_type:
                session.session_type = "individual"

    def _lines_sudo(self):
        """Every attendance line of these sessions, searched rather than read through
        `attendee_ids`, so that the cache of `attendee_ids` keeps what the user may read."""
        Line = self.env["mentoring.supervision.attendee"].sudo()
        return Line.search([("session_id", "in", self._origin.ids)])

    @api.depends("attendee_ids.mentor_id.user_id")
    def _compute_attendee_user_ids(self):
        lines = self._lines_sudo()
        for session in self:
            session.attendee_user_ids = lines.filtered(
                lambda a, s=session: a.session_id == s._origin
            ).mentor_id.user_id

    @api.depends("attendee_ids.mentor_id.name")
    def _compute_attendee_names(self):
        lines = self._lines_sudo()
        for session in self:
            mentors = lines.filtered(lambda a, s=session: a.session_id == s._origin).mentor_id
            session.attendee_names = ", ".join(mentors.mapped("name"))

    @api.depends("supervisor_id", "attendee_ids.attended")
    @api.depends_context("uid")
    def _compute_user_role(self):
        user = self.env.user
        is_manager = user.has_group("peer_mentoring.group_manager")
        lines = self._lines_sudo()
        for session in self:
            session.user_is_supervisor = is_manager or session.sudo().supervisor_id.user_id == user
            mine = lines.filtered(
                lambda a, s=session: a.session_id == s._origin and a.mentor_id.user_id == user
            )
            if not mine:
                session.my_attendance = "none"
            else:
                session.my_attendance = "confirmed" if mine.attended else "to_confirm"

    @api.constrains("supervisor_id")
    def _check_supervisor_set(self):
        check_supervisor_set(self)

    @api.constrains("session_type", "attendee_ids", "state")
    def _check_attendee_count(self):
        for session in self.filtered(lambda s: s.state == "held"):
            count = len(session._lines_sudo())
            if session.session_type == "individual" and count != 1:
                raise ValidationError(self.env._("A session with one peer mentor has exactly one attendee."))
            if session.session_type == "group" and count < 2:
                raise ValidationError(
                    self.env._("A group session (co-reflection) needs at least two peer mentors.")
                )

    @api.constrains("duration", "start_time", "next_session_time")
    def _check_times(self):
        for session in self:
            if session.duration < 0:
                raise ValidationError(self.env._("The length of a session cannot be negative."))
            if not (0 <= session.start_time < 24 and 0 <= session.next_session_time < 24):
                raise ValidationError(self.env._("A time of day is between 00:00 and 23:59."))

    @api.constrains("next_session_date", "date")
    def _check_next_date(self):
        for session in self:
            if session.next_session_date and session.next_session_date < session.date:
                raise ValidationError(self.env._("The next session comes after this one."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_supervisor_is_self(self, vals)
        return super().create(vals_list)

    def write(self, vals):
        check_supervisor_is_self(self, vals)
        fixed = HELD_FIXED_FIELDS & set(vals)
        if fixed == {"attendee_ids"} and all(
            isinstance(command, (list, tuple)) and command[0] == Command.UPDATE
            for command in vals["attendee_ids"]
        ):
            # Writing up what concerns each mentor after the session is the point of the record.
            fixed = set()
        if not self.env.su and fixed and self.filtered(lambda s: s.state != "planned"):
            raise UserError(
                self.env._(
                    "This session has been held or cancelled: its date, time, supervisor and who "
                    "attended stay as they were. You can still write its outcomes and action plan."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_planned(self):
        if self.filtered(lambda s: s.state != "planned"):
            raise UserError(
                self.env._("A held or cancelled session is kept as a record: it cannot be deleted.")
            )

    def action_mark_held(self):
        """The supervisor's side of the attendance record: the session took place."""
        today = fields.Date.context_today(self)
        for session in self:
            if not session.user_is_supervisor:
                raise UserError(self.env._("Only the session's supervisor marks it as held."))
            if session.state != "planned":
                raise UserError(self.env._("Only a planned session can be marked as held."))
            if session.date > today:
                raise UserError(self.env._("A session on %(date)s has not happened yet.", date=session.date))
            if not session.attendee_ids:
                raise UserError(
                    self.env._(
                        "Nobody is listed as attending yet: on the tab “Peer mentors”, add each "
                        "peer mentor who attended, then mark the session held."
                    )
                )
        self._write_checked({"state": "held", "held_on": fields.Datetime.now()})

    def action_cancel(self):
        for session in self:
            if not session.user_is_supervisor:
                raise UserError(self.env._("Only the session's supervisor cancels it."))
            if session.state != "planned":
                raise UserError(self.env._("Only a planned session can be cancelled."))
        self._write_checked({"state": "cancelled"})

    def action_confirm_my_attendance(self):
        """A peer mentor confirms, in their own name, that they attended."""
        self.ensure_one()
        mine = self._lines_sudo().filtered(lambda a: a.mentor_id.user_id == self.env.user)
        if not mine:
            raise UserError(self.env._("You are not listed as attending this session."))
        mine.sudo(False).action_confirm_attendance()
