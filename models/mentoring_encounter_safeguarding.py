from odoo import models


class MentoringEncounter(models.Model):
    _inherit = "mentoring.encounter"

    def action_raise_concern(self):
        """A concern raised from a meeting keeps the meeting and its match."""
        self.ensure_one()
        self.check_access("read")
        return self.env["mentoring.safeguarding.raise"]._open_form(
            {"default_encounter_id": self.id, "default_match_id": self.match_id.id}
        )
