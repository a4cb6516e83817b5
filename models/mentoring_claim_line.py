from odoo import api, fields, models

from ..tools.claim_codes import PLACE_OF_SERVICE_NAMES, split_codes

REMIT_STATES = [
    ("paid", "Paid"),
    ("partly_paid", "Partly paid"),
    ("denied", "Denied"),
]


class MentoringClaimLine(models.Model):
    """One service line of a claim (box 24 / loop 2400): a date of service, the code with its
    modifiers, units, charge, place of service, authorisation and rendering mentor. Written
    only when the claim is built and when the payer's remittance is read."""

    _name = "mentoring.claim.line"
    _description = "Mentoring Claim Service Line"
    _inherit = ["mentoring.guard.mixin"]
    _order = "claim_id, sequence, id"
    _scope_fields = frozenset({"claim_id"})

    claim_id = fields.Many2one("mentoring.claim", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="claim_id.company_id", store=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    sequence = fields.Integer(default=1)
    date = fields.Date("Date of service", required=True)
    product_id = fields.Many2one("product.product", "Service")
    procedure_code = fields.Char("Procedure code")
    modifiers = fields.Char(help="Up to four, in the order the payer reads them.")
    modifier_list = fields.Json(compute="_compute_modifier_list")
    code_label = fields.Char("Code", compute="_compute_modifier_list")
    units = fields.Float(digits="Product Unit")
    unit_price = fields.Float(digits="Product Price")
    charge = fields.Monetary()
    place_of_service = fields.Char("Place of service")
    place_of_service_name = fields.Char("Place", compute="_compute_place_of_service_name")
    telehealth = fields.Boolean()
    prior_authorization = fields.Char("Authorisation")
    rendering_name = fields.Char("Rendering mentor")
    rendering_npi = fields.Char("Rendering NPI")
    rendering_taxonomy = fields.Char("Rendering taxonomy")
    diagnosis_pointer = fields.Char("Diagnosis pointer", default="A")
    invoice_line_id = fields.Many2one("account.move.line", "Invoice line")
    # The services (timesheet lines of the meetings) the line bills: a correction claims them again.
    timesheet_ids = fields.Many2many(
        "account.analytic.line", string="Services", groups="account.group_account_invoice"
    )
    line_reference = fields.Char("Line reference", compute="_compute_line_reference", store=True)
    remit_state = fields.Selection(REMIT_STATES, "Payer's decision", readonly=True, copy=False)
    amount_paid = fields.Monetary("Paid", readonly=True, copy=False)
    remit_reason = fields.Text("Payer's reasons", readonly=True, copy=False)

    @api.depends("modifiers", "procedure_code")
    def _compute_modifier_list(self):
        for line in self:
            modifiers = split_codes(line.modifiers)
            line.modifier_list = modifiers
            line.code_label = " ".join([line.procedure_code or "", *modifiers]).strip()

    @api.depends("place_of_service")
    def _compute_place_of_service_name(self):
        for line in self:
            name = PLACE_OF_SERVICE_NAMES.get(line.place_of_service or "", "")
            line.place_of_service_name = f"{line.place_of_service} {name}".strip()

    @api.depends("claim_id.name", "sequence")
    def _compute_line_reference(self):
        # REF*6R: the payer echoes it on the remittance, line by line.
        for line in self:
            line.line_reference = f"{line.claim_id.name}-{line.sequence}"

    def _void_values(self):
        self.ensure_one()
        fields_to_copy = [
            "sequence",
            "date",
            "procedure_code",
            "modifiers",
            "units",
            "unit_price",
            "charge",
            "place_of_service",
            "telehealth",
            "prior_authorization",
            "rendering_name",
            "rendering_npi",
            "rendering_taxonomy",
            "diagnosis_pointer",
        ]
        values = {name: self[name] for name in fields_to_copy}
        values.update(
            product_id=self.product_id.id,
            invoice_line_id=self.invoice_line_id.id,
            timesheet_ids=[fields.Command.set(self.sudo().timesheet_ids.ids)],
        )
        return values
