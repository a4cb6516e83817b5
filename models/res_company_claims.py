from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.claim_codes import provider_id_problem


class ResCompany(models.Model):
    """The agency as the billing provider of its claims, and as the submitter of its 837P files."""

    _inherit = "res.company"

    claim_npi = fields.Char("Billing NPI", size=10, help="The agency's National Provider Identifier.")
    claim_tax_id = fields.Char(
        "Federal tax ID (EIN)", size=9, help="The agency's employer identification number: nine digits."
    )
    claim_taxonomy = fields.Char(
        "Billing taxonomy", size=10, help="The agency's provider taxonomy code, e.g. 251S00000X."
    )
    claim_submitter_id = fields.Char(
        "Submitter ID", help="The ID the clearinghouse or payer gave the agency to send claim files."
    )
    claim_contact_name = fields.Char("Claims contact")
    claim_contact_phone = fields.Char("Claims contact phone")
    claim_receiver_name = fields.Char(
        "Receiver", help="The clearinghouse (or payer) that receives the files."
    )
    claim_receiver_id = fields.Char("Receiver ID")
    claim_usage = fields.Selection(
        [("T", "Test files"), ("P", "Production files")],
        "Claim files are",
        default="T",
        help="Send test files until the receiver accepts them, then production files.",
    )
    claim_user_id = fields.Many2one(
        "res.users",
        "Claims clerk",
        domain=[("share", "=", False)],
        help="Who gets the timely-filing reminders and the remittance work list's activities.",
    )
    claim_filing_warning_days = fields.Integer(
        "Warn before the filing limit (days)",
        default=14,
        help="A service not yet on a claim this many days before the payer's timely-filing "
        "limit gets a reminder.",
    )
    # Remittances: where what the payer does not pay on an invoice is booked.
    claim_adjustment_account_id = fields.Many2one(
        "account.account",
        "Payer adjustments account",
        check_company=True,
        help="Books an 835's provider-level adjustments (overpayment recovered, interest) and the "
        "payments Odoo could not put on an invoice, so that the books hold the bank deposit.",
    )
    claim_contractual_account_id = fields.Many2one(
        "account.account",
        "Contractual adjustments account",
        check_company=True,
        help="Where a contractual adjustment (CO-45, the charge above the payer's fee schedule) "
        "is written off from the denials to work.",
    )

    @api.constrains("claim_npi", "claim_tax_id", "claim_taxonomy")
    def _check_claim_identifiers(self):
        for company in self:
            problem = provider_id_problem(company.claim_npi, company.claim_taxonomy)
            if problem:
                raise ValidationError(self.env._("Billing provider: %(why)s.", why=problem))
            if company.claim_tax_id and not (
                company.claim_tax_id.isdigit() and len(company.claim_tax_id) == 9
            ):
                raise ValidationError(
                    self.env._("Type the federal tax ID (EIN) as nine digits, without a dash.")
                )
