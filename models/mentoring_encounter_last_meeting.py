from odoo import api, models

# A meeting changes its match's last meeting day when one of these changes.
LAST_MEETING_FIELDS = {"state", "date", "match_id"}


class MentoringEncounter(models.Model):
    """Confirming, cancelling or moving meetings keeps their matches' `last_meeting_date`: one
    statement per batch, whatever the number of meetings."""

    _inherit = "mentoring.encounter"

    @api.model_create_multi
    def create(self, vals_list):
        encounters = super().create(vals_list)
        encounters.filtered(lambda e: e.state == "confirmed").match_id._refresh_last_meeting_date()
        return encounters

    def write(self, vals):
        if not LAST_MEETING_FIELDS & set(vals):
            return super().write(vals)
        # A draft moved to another day or match changes nothing; a confirmed one (or one that
        # becomes or stops being confirmed) changes its match, before and after.
        touched = self.filtered(lambda e: e.state == "confirmed" or "state" in vals)
        matches = touched.match_id
        res = super().write(vals)
        (matches | touched.match_id)._refresh_last_meeting_date()
        return res
