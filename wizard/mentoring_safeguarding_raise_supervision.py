from odoo import fields, models


class MentoringSafeguardingRaise(models.TransientModel):
    """A concern raised from a supervision session: the concern keeps the session (the lead
    reads who was there and when), never the session the concern."""

    _inherit = "mentoring.safeguarding.raise"

    supervision_session_id = fields.Many2one(
        "mentoring.supervision.session", string="Supervision session", readonly=True
    )

    def _check_may_raise(self):
        res = super()._check_may_raise()
        # From the client's context: a session this user reads (its supervisor, a mentor on it).
        self.supervision_session_id.check_access("read")
        return res

    def action_submit(self):
        res = super().action_submit()
        if self.supervision_session_id and self.state == "done":
            concern = (
                self.env["mentoring.safeguarding.concern"]
                .sudo()
                .search([("name", "=", self.concern_reference)], limit=1)
            )
            concern.supervision_session_id = self.supervision_session_id
        return res
