from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    mentoring_service_code = fields.Char(
        "Procedure code", help="The payer's service code printed on invoices, e.g. HCPCS H0038."
    )
    mentoring_modifier = fields.Char(
        "Modifier", help="A code modifier printed after the procedure code, e.g. HQ for group sessions."
    )

    @api.constrains("uom_id")
    def _check_unit_agrees_with_billing_profiles(self):
        variants = self.product_variant_ids
        programs = (
            self.env["mentoring.program"]
            .sudo()
            .search(["|", ("product_id", "in", variants.ids), ("group_product_id", "in", variants.ids)])
        )
        programs._check_billing_units()

    def _mentoring_code_label(self):
        self.ensure_one()
        code = self.mentoring_service_code or ""
        return f"{code}-{self.mentoring_modifier}" if code and self.mentoring_modifier else code
