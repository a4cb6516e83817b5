from odoo import fields, models
from odoo.exceptions import UserError


class MentoringSafeguardingRaise(models.TransientModel):
    """A concern raised from a staff check-in ("any safety concern?" answered yes): the
    check-in records that a concern was raised, never what it says."""

    _inherit = "mentoring.safeguarding.raise"

    checkin_id = fields.Many2one("mentoring.checkin", string="Check-in", readonly=True)

    def _check_may_raise(self):
        res = super()._check_may_raise()
        if self.checkin_id:
            self.checkin_id.check_access("write")
            if self.checkin_id.sudo().match_id != self.match_id:
                raise UserError(self.env._("The check-in does not belong to this match."))
        return res

    def action_submit(self):
        res = super().action_submit()
        if self.checkin_id and self.state == "done":
            self.checkin_id._mark_concern_raised()
        return res
