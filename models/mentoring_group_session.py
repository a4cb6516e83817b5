from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .mentoring_encounter import LOCATION_TYPES, just_ended_hour

# What the people of a group meeting share, kept the same on each person's meeting.
SHARED_FIELDS = ("date", "start_time", "end_time", "location_type")


class MentoringGroupSession(models.Model):
    """One meeting of a mentor with several of their mentees (billed with the group code, e.g.
    H0038 HQ).

    The list of who was there is one meeting record (encounter) per person, each on that
    person's own match: goal, progress, notes, signature, authorisation and billing stay the
    person's, readable by whoever may read that person's meetings and by nobody else. The group
    meeting itself holds only what everybody shares — mentor, programme, day, time, place and
    the mentor's signature — and nothing about any person, not even a name: its list of people
    shows each reader only the meetings they may read."""

    _name = "mentoring.group.session"
    _description = "Group Meeting"
    # New is offered only where the user has something to pick here (mentoring.new.offer.mixin).
    _new_record_needs = ("mentor_id",)
    _inherit = ["mentoring.guard.mixin", "mentoring.signature.mixin", "mentoring.new.offer.mixin"]
    _order = "date desc, start_time desc, id desc"
    _protected_fields = frozenset({"state"})
    _scope_fields = frozenset({"mentor_id", "program_id"})
    _scope_open_states = frozenset({"draft"})
    # Confirmed or cancelled: kept as it is, like each person's meeting, whose day and time
    # still move (re-billed); the people, place and signature do not.
    _locked_states = frozenset({"confirmed", "cancelled"})
    _writable_when_locked = frozenset({"date", "start_time", "end_time"})
    _signature_roles = ("mentor",)
    _check_company_auto = True

    def _default_mentor(self):
        return self.env["mentoring.mentor"].search([("user_id", "=", self.env.uid)], limit=1)

    def _default_program(self):
        """The programme of the mentor's ongoing matches, when there is only one."""
        programs = (
            self.env["mentoring.match"]
            .search([("mentor_id.user_id", "=", self.env.uid), ("state", "in", ("introduced", "active"))])
            .program_id
        )
        return programs if len(programs) == 1 else False

    name = fields.Char(compute="_compute_name", store=True)
    mentor_id = fields.Many2one(
        "mentoring.mentor",
        required=True,
        index=True,
        default=lambda self: self._default_mentor(),
        # A mentor logs their own group meetings; a coordinator those of their programmes' mentors.
        domain="['|', ('user_id', '=', uid), ('program_ids.user_is_coordinator', '=', True)]",
    )
    program_id = fields.Many2one(
        "mentoring.program",
        string="Programme",
        required=True,
        index=True,
        default=lambda self: self._default_program(),
        # The chosen mentor's programmes, as the record rules let the user log there: any of
        # them for the mentor themselves, the ones they coordinate for a coordinator.
        domain="[('mentor_ids', 'in', mentor_id), '|', ('user_is_coordinator', '=', True), "
        "('mentor_ids', 'any', [('id', '=', mentor_id), ('user_id', '=', uid)])] if mentor_id else []",
    )
    company_id = fields.Many2one(related="program_id.company_id", store=True, index=True, precompute=True)
    # By default the hour that has just ended: a group meeting is logged after it.
    date = fields.Date("Day", required=True, default=lambda self: just_ended_hour(self)[0], index=True)
    start_time = fields.Float("Start", required=True, default=lambda self: just_ended_hour(self)[1])
    end_time = fields.Float("End", required=True, default=lambda self: just_ended_hour(self)[2])
    duration_minutes = fields.Integer("Minutes", compute="_compute_duration", store=True)
    location_type = fields.Selection(LOCATION_TYPES, string="Where", required=True, default="agency")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        index=True,
        copy=False,
    )
    encounter_ids = fields.One2many(
        "mentoring.encounter",
        "group_session_id",
        string="People",
        help="One line per person on the list, each from their own match with the mentor. Untick "
        "“Came” for a person who did not come: their meeting is not confirmed nor billed.",
    )
    max_group_size = fields.Integer(related="program_id.max_group_size")

    @api.depends("date")
    def _compute_name(self):
        # Nobody's name: the name shows on each person's meeting, to whoever reads it.
        for session in self:
            session.name = self.env._("Group meeting of %(date)s", date=session.date or "")

    @api.depends("start_time", "end_time")
    def _compute_duration(self):
        for session in self:
            session.duration_minutes = max(0, round((session.end_time - session.start_time) * 60))

    @api.constrains("mentor_id", "program_id")
    def _check_roster_of_the_mentor(self):
        self.sudo().encounter_ids._check_group_session_roster()

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        """Only a plain draft is deleted, as for each person's meeting: not a signed one."""
        if self._locked_records() or any(session._is_signed_by("mentor") for session in self.sudo()):
            raise UserError(
                self.env._(
                    "A confirmed, cancelled or signed group meeting is part of the record: cancel it "
                    "instead of deleting it."
                )
            )

    def _locked_message(self, locked, deleting):
        if deleting:
            return super()._locked_message(locked, deleting)
        return self.env._(
            "This group meeting is confirmed or cancelled: who came, the place and the signature "
            "are kept as they were. Only its day and time can still be corrected."
        )

    def unlink(self):
        self._unlink_only_drafts()
        # Each person's draft meeting goes with it, under the meeting's own rules.
        self.encounter_ids.unlink()
        return super().unlink()

    def write(self, vals):
        res = super().write(vals)
        shared = {name: vals[name] for name in SHARED_FIELDS if name in vals}
        if shared:
            # Each person's meeting follows, under its own rules (re-billed, or kept as confirmed).
            self.encounter_ids.filtered(
                lambda e: any(e[name] != e.group_session_id[name] for name in shared)
            ).write(shared)
        return res

    def action_confirm(self):
        """Confirm the meeting of each person who came (one meeting, each billed on their own
        authorisation with the group service) and set aside, cancelled, those who did not."""
        if any(session.state != "draft" for session in self):
            raise UserError(self.env._("This group meeting is already confirmed or cancelled."))
        self.check_access("write")
        came = self.env["mentoring.encounter"]
        for session in self:
            roster = session.encounter_ids.filtered(lambda e: e.state == "draft")
            if not roster.filtered("group_attended"):
                raise UserError(
                    self.env._(
                        "The group meeting of %(date)s has nobody who came: add the people who "
                        "were there, and tick “Came”.",
                        date=format_date(self.env, session.date),
                    )
                )
            session._check_group_size()
            came |= session._sign_for_the_group(roster.filtered("group_attended"))
        absent = self.encounter_ids.filtered(lambda e: e.state == "draft" and not e.group_attended)
        came.action_confirm()
        absent.action_cancel()
        self._write_checked({"state": "confirmed"})
        return True

    def action_cancel(self):
        """Cancel the group meeting and each person's meeting (a confirmed one: coordinators
        only, as for any meeting)."""
        self.encounter_ids.filtered(lambda e: e.state != "cancelled").action_cancel()
        self._write_checked({"state": "cancelled"})
        return True

    def action_reset_to_draft(self):
        if any(session.state != "cancelled" for session in self):
            raise UserError(self.env._("Only a cancelled group meeting can go back to draft."))
        self._write_checked({"state": "draft"})
        self.encounter_ids.filtered(lambda e: e.state == "cancelled").action_reset_to_draft()
        return True

    def _sign_for_the_group(self, encounters):
        """The mentor signs once for the group: their signature goes on each person's meeting
        that does not carry one yet."""
        self.ensure_one()
        if self.mentor_signature or self.mentor_signed_on:
            encounters.filtered(lambda e: not e._is_signed_by("mentor")).write(
                {
                    "mentor_signature": self.mentor_signature,
                    "mentor_signed_by": self.mentor_signed_by or self._default_signer_name("mentor"),
                    "mentor_signed_on": self.mentor_signed_on or fields.Date.context_today(self),
                }
            )
        return encounters

    def _check_group_size(self):
        """The programme's largest group: only the people who came count."""
        if not self:
            return
        counts = dict(
            self.env["mentoring.encounter"]
            .sudo()
            ._read_group(
                [
                    ("group_session_id", "in", self.ids),
                    ("group_attended", "=", True),
                    ("state", "!=", "cancelled"),
                ],
                ["group_session_id"],
                ["__count"],
            )
        )
        for session in self.sudo():
            allowed = session.program_id.max_group_size
            if counts.get(session, 0) > allowed:
                raise ValidationError(
                    self.env._(
                        "A group meeting of %(program)s has at most %(allowed)s people; this one "
                        "has %(count)s. Untick “Came” for those who were not there, or log a "
                        "separate meeting for the others.",
                        program=session.program_id.name,
                        allowed=allowed,
                        count=counts[session],
                    )
                )

    @api.model
    def _new_record_unavailable_help(self):
        return self.env._(
            "A group meeting is logged by the peer mentor who led it, or by a coordinator for a "
            "mentor of their programmes, and you have no mentor profile to log one for. The group "
            "meetings you may read (for example of the mentors you supervise) are listed here."
        )
