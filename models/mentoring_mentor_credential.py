from odoo import fields, models

from .mentoring_mentor import MENTOR_STATES


class MentoringMentorCredential(models.Model):
    """A mentor's status from a date on, written by the mentor's status actions: billing judges
    a meeting by the credential the mentor held on its date, not by today's."""

    _name = "mentoring.mentor.credential"
    _description = "Mentor Credential from a Date"
    _inherit = ["mentoring.guard.mixin"]
    _order = "date_from, id"
    # Written by the mentor's status actions only.
    _protected_fields = frozenset({"mentor_id", "state", "previous_state", "date_from"})
    _scope_fields = frozenset({"mentor_id", "date_from"})

    mentor_id = fields.Many2one("mentoring.mentor", required=True, ondelete="cascade", index=True)
    state = fields.Selection(MENTOR_STATES, string="Status", required=True, readonly=True)
    previous_state = fields.Selection(MENTOR_STATES, string="Status before", readonly=True)
    date_from = fields.Date("From", required=True, readonly=True)
