from odoo import api, fields, models

CLAIM_READERS = "account.group_account_invoice"


class AccountMove(models.Model):
    """A posted mentoring invoice leads to its claims; a credit note voids them."""

    _inherit = "account.move"

    mentoring_claim_ids = fields.One2many(
        "mentoring.claim", "move_id", "Claims", readonly=True, groups=CLAIM_READERS
    )
    mentoring_claim_count = fields.Integer(compute="_compute_mentoring_claim_count", groups=CLAIM_READERS)
    is_mentoring_claimable = fields.Boolean(compute="_compute_mentoring_claim_count", groups=CLAIM_READERS)

    @api.depends("mentoring_claim_ids", "state", "move_type")
    def _compute_mentoring_claim_count(self):
        for move in self:
            claims = move.mentoring_claim_ids
            move.mentoring_claim_count = len(claims)
            if move.state != "posted":
                move.is_mentoring_claimable = False
            elif move.move_type == "out_refund":
                move.is_mentoring_claimable = bool(
                    move.reversed_entry_id.mentoring_claim_ids.filtered(
                        lambda c: c.state != "cancelled" and c.frequency != "8"
                    )
                )
            else:
                move.is_mentoring_claimable = (
                    move.move_type == "out_invoice"
                    and bool(move._mentoring_claim_timesheets())
                    and not claims.filtered(lambda c: c.state != "cancelled" and c.frequency == "1")
                )

    def _mentoring_claim_timesheets(self):
        """The mentoring meetings' timesheet lines this invoice bills (neutral lines)."""
        return (
            self.env["account.analytic.line"]
            .sudo()
            .search([("timesheet_invoice_id", "in", self.ids), ("mentoring_encounter_id", "!=", False)])
        )

    def action_create_mentoring_claims(self):
        claims = self.env["mentoring.claim"]._create_from_invoices(self)
        return claims._action_open()

    def action_view_mentoring_claims(self):
        claims = self.mentoring_claim_ids | self.reversed_entry_id.mentoring_claim_ids.filtered(
            lambda c: c.frequency == "8"
        )
        return claims._action_open()
