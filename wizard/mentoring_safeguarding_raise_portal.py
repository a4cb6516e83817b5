from odoo import models


class MentoringSafeguardingRaise(models.TransientModel):
    _inherit = "mentoring.safeguarding.raise"

    def _check_may_raise(self):
        # The portal path (mentoring.mentee._portal_raise_concern) has checked that the portal
        # login is the person's own or their representative's, then runs this screen with sudo().
        # Portal users have no access to this model, so only that path gets here.
        if self.env.su and self.env.user._is_portal():
            return
        return super()._check_may_raise()
