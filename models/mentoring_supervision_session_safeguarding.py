from odoo import fields, models


class MentoringSupervisionSession(models.Model):
    """Seed 004's limits of confidentiality in supervision: what is said there stays there,
    unless someone's safety is at risk. The supervisor (or a mentor who was there) raises the
    concern from the session; the concern keeps the session and the steps already taken, in
    order, and only the safeguarding lead reads it."""

    _inherit = "mentoring.supervision.session"

    def action_raise_concern(self):
        self.ensure_one()
        self.check_access("read")
        return self.env["mentoring.safeguarding.raise"]._open_form(
            {"default_supervision_session_id": self.id}
        )


class MentoringSafeguardingConcern(models.Model):
    _inherit = "mentoring.safeguarding.concern"

    supervision_session_id = fields.Many2one(
        "mentoring.supervision.session", string="Raised from supervision", readonly=True, index=True
    )
