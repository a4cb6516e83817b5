from odoo import models


class MentoringMatch(models.Model):
    _name = "mentoring.match"
    _inherit = ["mentoring.match", "mentoring.safeguarding.raise.mixin"]
    _concern_link = "match_id"

    def _raise_concern_defaults(self):
        return {"default_match_id": self.id}
