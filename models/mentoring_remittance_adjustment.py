from odoo import fields, models


class MentoringRemittanceAdjustment(models.Model):
    """One provider-level adjustment (PLB) of an 835: money the payer keeps back from the
    payment (an overpayment recovered, a levy) or adds to it (interest), apart from any claim.
    Kept as the payer sent it; the remittance's *Book the difference* books them."""

    _name = "mentoring.remittance.adjustment"
    _description = "Provider-level Adjustment (835 PLB)"
    _inherit = ["mentoring.guard.mixin"]
    _order = "remittance_id, id"
    _protected_fields = frozenset(
        {"remittance_id", "provider_identifier", "date", "code", "reference", "amount", "reason"}
    )

    remittance_id = fields.Many2one("mentoring.remittance", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="remittance_id.company_id", store=True)
    currency_id = fields.Many2one(related="remittance_id.currency_id")
    provider_identifier = fields.Char("Provider", help="PLB01: the provider the payer adjusts.")
    date = fields.Date("Fiscal period end", help="PLB02.")
    code = fields.Char("Reason code", help="PLB03-1, e.g. WO (overpayment recovery), L6 (interest).")
    reference = fields.Char(help="PLB03-2: the payer's reference, often the claim it recovers from.")
    amount = fields.Monetary(help="Positive: kept back from the payment. Negative: added to it.")
    reason = fields.Char("In plain words")
