from odoo import fields, models

from .mentoring_mentor_matching import COORDINATOR


class MentoringMatch(models.Model):
    _inherit = "mentoring.match"

    # What the matching engine said when the match was proposed: for coordinators only, so that
    # no mentor reads scores.
    match_score = fields.Float("Matching score", digits=(16, 1), readonly=True, groups=COORDINATOR)
    match_explanation = fields.Text("Why this mentor", readonly=True, groups=COORDINATOR)

    def _protected_field_names(self):
        return super()._protected_field_names() | {"match_score", "match_explanation"}
