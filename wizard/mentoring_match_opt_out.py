from odoo import api, fields, models

from ..models.mentoring_match_p2p import OPT_OUT_PARTIES


class MentoringMatchOptOut(models.TransientModel):
    """Tell the programme that a party ends the mentorship on a no-fault basis (seed 002)."""

    _name = "mentoring.match.opt.out"
    _description = "No-fault Opt-out"

    match_id = fields.Many2one("mentoring.match", required=True, readonly=True)
    party = fields.Selection(OPT_OUT_PARTIES, string="Who opts out?", required=True)
    opted_out_on = fields.Datetime(
        "Decided on", required=True, default=fields.Datetime.now, help="When the party decided to opt out."
    )

    @api.model_create_multi
    def create(self, vals_list):
        # Reading one's own wizard back would give the linked match's name: only matches the
        # user may read can be linked.
        matches = self.env["mentoring.match"].browse(
            [vals["match_id"] for vals in vals_list if vals.get("match_id")]
        )
        matches.check_access("read")
        return super().create(vals_list)

    def action_confirm(self):
        self.match_id._record_opt_out(self.party, self.opted_out_on)
        return {"type": "ir.actions.act_window_close"}
