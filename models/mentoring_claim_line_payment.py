from odoo import api, fields, models

PAID_RESULTS = ("paid", "partly_paid")


class MentoringClaimLine(models.Model):
    """What the payer's remittances said of a service line, stored for the Billing dashboard:
    the payer, the reason codes of its last decision, the payment date of the remittance that
    paid it and the days from the date of service to that payment."""

    _inherit = "mentoring.claim.line"

    payer_id = fields.Many2one(related="claim_id.payer_id", store=True, string="Payer")
    remittance_line_ids = fields.One2many(
        "mentoring.remittance.line", "claim_line_id", string="Payer's decisions", readonly=True
    )
    remit_reason_codes = fields.Char(
        "Reason codes",
        compute="_compute_remittance_facts",
        store=True,
        help="The claim adjustment reason (CARC) and remark (RARC) codes of the payer's last decision.",
    )
    date_paid = fields.Date(
        "Paid on",
        compute="_compute_remittance_facts",
        store=True,
        help="The payment date of the last remittance that paid this line (fully or partly).",
    )
    days_to_payment = fields.Integer(
        "Days to payment", compute="_compute_remittance_facts", store=True, aggregator="avg"
    )

    @api.depends(
        "date",
        "remittance_line_ids.result",
        "remittance_line_ids.reason_codes",
        "remittance_line_ids.remittance_id.payment_date",
    )
    def _compute_remittance_facts(self):
        for line in self:
            decisions = line.sudo().remittance_line_ids.sorted("id")
            paid = decisions.filtered(lambda d: d.result in PAID_RESULTS and d.remittance_id.payment_date)
            line.remit_reason_codes = decisions[-1:].reason_codes or False
            line.date_paid = paid[-1:].remittance_id.payment_date or False
            line.days_to_payment = (line.date_paid - line.date).days if line.date_paid and line.date else 0
