from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_mentoring_payer = fields.Boolean(
        "Mentoring payer", help="Pays for mentoring services, e.g. a managed-care organisation."
    )
    mentoring_billing_profile_id = fields.Many2one(
        "mentoring.billing.profile",
        string="Mentoring billing profile",
        help="How this payer wants mentoring time rounded and capped. Without one, the "
        "programme's profile applies.",
    )
