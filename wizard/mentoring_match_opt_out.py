from odoo import fields, models

from ..models.mentoring_match_p2p import OPT_OUT_PARTIES


class MentoringMatchOptOut(models.TransientModel):
    """Tell the programme that a party ends the mentorship on a no-fault basis (seed 002)."""

    _name = "mentoring.match.opt.out"
    _description = "No-fault Opt-out"
    _inherit = ["mentoring.guard.mixin"]
    _scope_fields = frozenset({"match_id"})

    match_id = fields.Many2one("mentoring.match", required=True, readonly=True)
    party = fields.Selection(OPT_OUT_PARTIES, string="Who opts out?", required=True)
    opted_out_on = fields.Datetime(
        "Decided on", required=True, default=fields.Datetime.now, help="When the party decided to opt out."
    )

    def action_confirm(self):
        self.match_id._record_opt_out(self.party, self.opted_out_on)
        return {"type": "ir.actions.act_window_close"}
