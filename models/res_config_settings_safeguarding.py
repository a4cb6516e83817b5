from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    safeguarding_retention_years = fields.Integer(
        related="company_id.safeguarding_retention_years", readonly=False
    )
