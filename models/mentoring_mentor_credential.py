from odoo import fields, models

from .mentoring_mentor import MENTOR_STATES


class MentoringMentorCredential(models.Model):
    """A mentor's status from a date on, written by the mentor's status actions: billing judges
    a meeting by the credential the mentor held on its date, not by today's."""

    _name = "mentoring.mentor.credential"
    _description = "Mentor Credential from a Date"
    _order = "date_from, id"

    mentor_id = fields.Many2one("mentoring.mentor", required=True, ondelete="cascade", index=True)
    state = fields.Selection(MENTOR_STATES, string="Status", required=True, readonly=True)
    previous_state = fields.Selection(MENTOR_STATES, string="Status before", readonly=True)
    date_from = fields.Date("From", required=True, readonly=True)
