from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    claim_npi = fields.Char(related="company_id.claim_npi", readonly=False)
    claim_tax_id = fields.Char(related="company_id.claim_tax_id", readonly=False)
    claim_taxonomy = fields.Char(related="company_id.claim_taxonomy", readonly=False)
    claim_submitter_id = fields.Char(related="company_id.claim_submitter_id", readonly=False)
    claim_contact_name = fields.Char(related="company_id.claim_contact_name", readonly=False)
    claim_contact_phone = fields.Char(related="company_id.claim_contact_phone", readonly=False)
    claim_receiver_name = fields.Char(related="company_id.claim_receiver_name", readonly=False)
    claim_receiver_id = fields.Char(related="company_id.claim_receiver_id", readonly=False)
    claim_usage = fields.Selection(related="company_id.claim_usage", readonly=False)
    claim_user_id = fields.Many2one(related="company_id.claim_user_id", readonly=False)
    claim_filing_warning_days = fields.Integer(related="company_id.claim_filing_warning_days", readonly=False)
    claim_adjustment_account_id = fields.Many2one(
        related="company_id.claim_adjustment_account_id", readonly=False
    )
    claim_contractual_account_id = fields.Many2one(
        related="company_id.claim_contractual_account_id", readonly=False
    )
