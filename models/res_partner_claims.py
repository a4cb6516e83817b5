from odoo import fields, models

# SBR09: the kind of plan the payer pays under.
CLAIM_FILING_CODES = [
    ("MC", "Medicaid"),
    ("HM", "Health maintenance organisation (HMO)"),
    ("CI", "Commercial insurance"),
    ("MB", "Medicare Part B"),
    ("11", "Other non-federal programme"),
    ("ZZ", "Unknown"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    mentoring_payer_code = fields.Char(
        "Payer ID", help="The payer's electronic payer ID for claims (from the payer or the clearinghouse)."
    )
    mentoring_claim_filing_code = fields.Selection(
        CLAIM_FILING_CODES,
        "Claims filed as",
        default="MC",
        help="The kind of plan the payer pays claims under.",
    )
