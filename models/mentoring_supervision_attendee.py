from odoo import api, fields, models
from odoo.exceptions import UserError

# What a peer mentor writes on their own attendance line.
MENTOR_FIELDS = {"mentor_reflection"}


class MentoringSupervisionAttendee(models.Model):
    """A peer mentor at a supervision session: their confirmation that they attended, what the
    supervisor noted about them, and their own reflection. Read only by that mentor, the
    session's supervisor and managers: in a group, one mentor never reads another's line."""

    _name = "mentoring.supervision.attendee"
    _description = "Supervision Attendance"
    _inherit = ["mentoring.guard.mixin"]
    _order = "session_id, id"
    _rec_name = "mentor_id"
    _protected_fields = frozenset({"attended", "confirmed_on"})
    _scope_fields = frozenset({"session_id"})

    session_id = fields.Many2one(
        "mentoring.supervision.session", required=True, index=True, ondelete="cascade"
    )
    mentor_id = fields.Many2one("mentoring.mentor", string="Peer mentor", required=True, index=True)
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)
    session_date = fields.Date(related="session_id.date", store=True, string="Date")
    session_state = fields.Selection(related="session_id.state", string="Session status")
    notes = fields.Text(
        "Supervisor's notes",
        help="What concerns this peer mentor: read only by them, the supervisor and managers.",
    )
    mentor_reflection = fields.Text("My reflection", help="The peer mentor's own notes on this session.")
    attended = fields.Boolean(readonly=True, copy=False)
    confirmed_on = fields.Datetime("Attendance confirmed on", readonly=True, copy=False)
    user_is_mentor = fields.Boolean(compute="_compute_user_is_mentor")

    _mentor_once = models.Constraint(
        "UNIQUE(session_id, mentor_id)", "A peer mentor is listed once per session."
    )

    @api.depends("mentor_id")
    @api.depends_context("uid")
    def _compute_user_is_mentor(self):
        for line in self:
            line.user_is_mentor = line.sudo().mentor_id.user_id == self.env.user

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su and lines.session_id.filtered(lambda s: s.state != "planned"):
            raise UserError(self.env._("Add peer mentors to a session before it is held."))
        return lines

    def write(self, vals):
        if not self.env.su:
            self._check_who_writes(set(vals))
        return super().write(vals)

    def _check_who_writes(self, fields_sent):
        """The supervisor writes the notes; the mentor writes only their reflection."""
        is_manager = self.env.user.has_group("peer_mentoring.group_manager")
        for line in self:
            is_supervisor = line.session_id.user_is_supervisor
            allowed = set()
            if line.user_is_mentor:
                allowed |= MENTOR_FIELDS
            if is_supervisor or is_manager:
                allowed |= set(self._fields) - MENTOR_FIELDS
            refused = fields_sent - allowed
            if refused:
                raise UserError(
                    self.env._(
                        "On a supervision record the supervisor writes the notes and each peer "
                        "mentor writes their own reflection (%(fields)s).",
                        fields=", ".join(
                            self._fields[f]._description_string(self.env) for f in sorted(refused)
                        ),
                    )
                )
            if "session_id" in fields_sent:
                raise UserError(self.env._("An attendance line stays with its session."))
            if "mentor_id" in fields_sent and line.session_id.state != "planned":
                raise UserError(self.env._("Who attended a held session cannot be changed."))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_unconfirmed(self):
        if self.filtered("attended") or self.session_id.filtered(lambda s: s.state != "planned"):
            raise UserError(
                self.env._("Attendance at a held session is part of the record: it cannot be removed.")
            )

    def action_confirm_attendance(self):
        """Each peer mentor confirms their own attendance, nobody else's, once the supervisor
        has marked the session held."""
        self.check_access("write")
        self._check_may_confirm()
        self._write_checked({"attended": True, "confirmed_on": fields.Datetime.now()})

    def _check_may_confirm(self):
        """The acting user is the line's mentor, the session was held, not yet confirmed."""
        for line in self:
            if not line.user_is_mentor:
                raise UserError(
                    self.env._(
                        "Only %(mentor)s can confirm that they attended.", mentor=line.sudo().mentor_id.name
                    )
                )
            if line.session_id.state != "held":
                raise UserError(
                    self.env._(
                        "You can confirm your attendance once the supervisor has marked the session held."
                    )
                )
            if line.attended:
                raise UserError(self.env._("You have already confirmed your attendance."))
