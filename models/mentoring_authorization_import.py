from odoo import api, fields, models

from .mentoring_authorization import AUTHORISED_TERMS


class MentoringAuthorization(models.Model):
    """Authorisations the payer granted before the agency moved in: the units already used
    then count in what remains, and an imported approved authorisation is approved by the same
    path as the button (its sale order and task are made)."""

    _name = "mentoring.authorization"
    _inherit = ["mentoring.authorization", "mentoring.import.mixin"]
    _import_fields = frozenset({"import_state"})
    # What the payer authorised, fixed once approved (see the model): the units used before too.
    _authorised_terms = AUTHORISED_TERMS | {"units_used_before"}

    units_used_before = fields.Float(
        "Units used before Peer Mentoring",
        digits="Product Unit",
        tracking=True,
        help="Units of this authorisation the payer already counted before the agency recorded "
        "meetings here. They count in the units remaining, not in what is invoiced from here.",
    )
    import_state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")],
        "Status (import)",
        compute="_compute_import_fields",
        inverse="_inverse_import_fields",
        exportable=False,
        help="Import only: Approved approves the authorisation as its button does (a sale order "
        "to the payer and a task for the meetings' time).",
    )

    _units_used_before_in_range = models.Constraint(
        "CHECK(units_used_before >= 0 AND units_used_before <= units_authorized)",
        "Units used before Peer Mentoring cannot be negative nor more than the units authorised.",
    )

    @api.model
    def get_import_templates(self):
        return self._import_template(
            "mentoring_authorization.xlsx", self.env._("Import Template for Authorisations")
        )

    @api.depends(
        "sale_line_id.qty_delivered",
        "sale_line_id.qty_invoiced",
        "units_authorized",
        "uom_id",
        "units_used_before",
    )
    def _compute_units(self):
        result = super()._compute_units()
        for auth in self:
            used = auth.units_used_before + auth.units_used
            auth.units_remaining = auth.units_authorized - used
            auth.percent_used = 100.0 * used / auth.units_authorized if auth.units_authorized else 0.0
        return result

    def _prepare_sale_order_values(self):
        """The order is for the units still to be delivered here: those used before are the
        payer's past, invoiced elsewhere."""
        values = super()._prepare_sale_order_values()
        if self.units_used_before:
            line = values["order_line"][0][2]
            line["product_uom_qty"] = self.uom_id._compute_quantity(
                self.units_authorized - self.units_used_before, self.product_id.uom_id, round=False
            )
        return values

    def action_approve(self):
        res = super().action_approve()
        # Units used before may already reach the payer's warning share, or all of it.
        self.sudo()._check_usage_warnings()
        return res

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.context.get("import_file"):
            for vals in vals_list:
                # Whoever recorded it first: the payer's reference is booked once in the agency.
                self.sudo()._check_not_imported_twice(
                    [("name", "=", vals.get("name")), ("payer_id", "=", vals.get("payer_id"))],
                    self.env._(
                        "Authorisation %(ref)s of this payer is already recorded: a file imported twice "
                        "would book it twice. Leave this row out.",
                        ref=vals.get("name"),
                    ),
                )
        return super().create(vals_list)

    def _apply_import_values(self, values):
        self.ensure_one()
        if values.get("import_state") != "approved":
            return
        action = self.env._("approve an authorisation")
        self.env["mentoring.match"]._check_is_coordinator(action)
        self.program_id._check_user_acts_for(action)
        self.action_approve()
