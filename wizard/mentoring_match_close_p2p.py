from odoo import api, fields, models

from ..models.mentoring_match_p2p import OPT_OUT_PARTIES, REMATCH_REASONS


class MentoringMatchClose(models.TransientModel):
    """Closing for a conflict or a no-fault opt-out offers another mentor (seed 001); an
    opt-out not yet told to the programme is recorded as told now (seed 002)."""

    _inherit = "mentoring.match.close"

    offers_rematch = fields.Boolean(compute="_compute_offers_rematch")
    find_another_mentor = fields.Boolean(
        "Find another mentor",
        default=True,
        help="Open a new proposed match for the same mentee, leaving this mentor out.",
    )
    opt_out_recorded = fields.Boolean(compute="_compute_opt_out_recorded")
    opt_out_party = fields.Selection(OPT_OUT_PARTIES, string="Who opts out?")
    opt_out_on = fields.Datetime("Decided on", default=fields.Datetime.now)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        matches = self.env["mentoring.match"].browse(self.env.context.get("default_match_ids") or [])
        reasons = set(matches.mapped("closure_reason"))
        if "closure_reason" in fields_list and len(reasons) == 1 and all(matches.mapped("opt_out_told_on")):
            values["closure_reason"] = reasons.pop()
        return values

    @api.depends("closure_reason", "match_ids")
    def _compute_offers_rematch(self):
        for wizard in self:
            wizard.offers_rematch = len(wizard.match_ids) == 1 and wizard.closure_reason in REMATCH_REASONS

    @api.depends("match_ids")
    def _compute_opt_out_recorded(self):
        for wizard in self:
            wizard.opt_out_recorded = bool(wizard.match_ids) and all(
                wizard.match_ids.mapped("opt_out_told_on")
            )

    def action_close(self):
        if self.closure_reason == "no_fault_opt_out":
            untold = self.match_ids.filtered(lambda m: not m.opt_out_told_on)
            if untold:
                untold._record_opt_out(self.opt_out_party or "both", self.opt_out_on)
        res = super().action_close()
        if self.offers_rematch and self.find_another_mentor:
            return self.match_ids.action_find_another_mentor()
        return res
