from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

EXPIRY_WARNING_DAYS = 14
# What the payer authorised: fixed once approved (the sale order was made from it). Extensions
# that add a term extend this set (see mentoring_authorization_import.py).
AUTHORISED_TERMS = frozenset(
    {
        "name",
        "payer_id",
        "mentee_id",
        "program_id",
        "date_from",
        "date_to",
        "units_authorized",
        "is_group_service",
        "price_unit",
    }
)


class MentoringAuthorization(models.Model):
    """A payer's service authorisation for one mentee.

    Approving it creates the billing anchor in standard Odoo: a confirmed sale order to the
    payer for the authorised units, whose task receives the encounters' timesheets. Units used
    are read back from the sale order line's delivered quantity (sale_timesheet)."""

    _name = "mentoring.authorization"
    _description = "Service Authorisation"
    # New is offered only where the user has something to pick here (mentoring.new.offer.mixin).
    _new_record_needs = ("program_id", "mentee_id")
    _inherit = [
        "mentoring.guard.mixin",
        "mentoring.thread.mixin",
        "mail.activity.mixin",
        "mentoring.new.offer.mixin",
    ]
    _order = "date_to, id"
    _protected_fields = frozenset(
        {
            "state",
            "sale_order_id",
            "sale_line_id",
            "project_id",
            "task_id",
            "usage_warned",
            "expiry_warned",
        }
    )
    _check_company_auto = True
    _scope_fields = frozenset({"mentee_id", "program_id", "payer_id", "company_id", "date_from", "date_to"})
    _scope_open_states = frozenset({"draft"})

    name = fields.Char("Reference number", required=True, tracking=True)
    payer_id = fields.Many2one(
        "res.partner", required=True, tracking=True, domain=[("is_mentoring_payer", "=", True)]
    )
    mentee_id = fields.Many2one(
        "mentoring.mentee",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        domain="program_id and [('program_ids', 'in', program_id)] or []",
    )
    program_id = fields.Many2one(
        "mentoring.program",
        string="Programme",
        required=True,
        check_company=True,
        domain=[("user_is_coordinator", "=", True)],
    )
    # Set before its parent is chosen, as on a match (see there).
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    # Finance reads the mentee's name and member ID here, not on the mentee's record.
    mentee_name = fields.Char("Mentee's name", related="mentee_id.name", store=True)
    member_id = fields.Char(compute="_compute_member_id")
    date_from = fields.Date(required=True, tracking=True)
    date_to = fields.Date(required=True, tracking=True, index=True)
    units_authorized = fields.Float("Units authorised", required=True, tracking=True)
    is_group_service = fields.Boolean(
        "Group sessions",
        help="Authorises the programme's group-session service instead of individual sessions.",
    )
    product_id = fields.Many2one(
        "product.product", compute="_compute_product_id", store=True, string="Service"
    )
    uom_id = fields.Many2one(
        "uom.uom", compute="_compute_uom_id", string="Unit", help="The unit the payer counts in."
    )
    price_unit = fields.Float(
        "Rate", digits="Product Price", help="Leave empty to take the price from the payer's pricelist."
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("exhausted", "Exhausted"),
            ("expired", "Expired"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    sale_order_id = fields.Many2one("sale.order", readonly=True, copy=False)
    sale_line_id = fields.Many2one("sale.order.line", readonly=True, copy=False, index=True)
    project_id = fields.Many2one("project.project", readonly=True, copy=False)
    task_id = fields.Many2one("project.task", readonly=True, copy=False)
    currency_id = fields.Many2one(related="sale_order_id.currency_id")
    # Units in the payer's unit, read from the order line (which counts in the product's).
    units_used = fields.Float("Units used", compute="_compute_units", digits="Product Unit")
    units_remaining = fields.Float("Units remaining", compute="_compute_units", digits="Product Unit")
    percent_used = fields.Float("% used", compute="_compute_units")
    units_invoiced = fields.Float("Units invoiced", compute="_compute_units", digits="Product Unit")
    units_to_invoice = fields.Float(
        "Units to invoice",
        compute="_compute_units",
        search="_search_units_to_invoice",
        digits="Product Unit",
        help="Units delivered by confirmed meetings and not invoiced yet.",
    )
    invoice_ids = fields.Many2many(
        "account.move",
        compute="_compute_invoice_ids",
        string="Invoices",
        groups="account.group_account_invoice",
    )
    invoice_count = fields.Integer(compute="_compute_invoice_ids", groups="account.group_account_invoice")
    usage_warned = fields.Boolean(copy=False)
    expiry_warned = fields.Boolean(copy=False)

    _dates_ordered = models.Constraint(
        "CHECK(date_to >= date_from)", "An authorisation must end on or after the day it starts."
    )
    _units_positive = models.Constraint(
        "CHECK(units_authorized > 0)", "Enter how many units the payer authorised (more than zero)."
    )

    @api.depends("program_id.product_id", "program_id.group_product_id", "is_group_service")
    def _compute_product_id(self):
        for auth in self:
            auth.product_id = auth.program_id._service_product(auth.is_group_service)

    @api.depends(
        "product_id.uom_id",
        "program_id.billing_profile_id.billing_unit",
        "payer_id.mentoring_billing_profile_id.billing_unit",
    )
    def _compute_uom_id(self):
        for auth in self:
            profile = auth._billing_profile()
            auth.uom_id = profile._uom() if profile else auth.product_id.uom_id

    @api.depends("sale_line_id.qty_delivered", "sale_line_id.qty_invoiced", "units_authorized", "uom_id")
    def _compute_units(self):
        for auth in self:
            # Sale order lines follow the sales rules, not the mentoring ones.
            line = auth.sudo().sale_line_id
            used = auth._payer_units(line.qty_delivered)
            invoiced = auth._payer_units(line.qty_invoiced)
            auth.units_used = used
            auth.units_remaining = auth.units_authorized - used
            auth.percent_used = 100.0 * used / auth.units_authorized if auth.units_authorized else 0.0
            auth.units_invoiced = invoiced
            auth.units_to_invoice = auth._payer_units(line.qty_to_invoice)

    def _search_units_to_invoice(self, operator, value):
        if operator != ">" or value != 0:
            return NotImplemented
        lines = self.env["sale.order.line"].sudo()._search([("qty_to_invoice", ">", 0)])
        return [("sale_line_id", "in", lines)]

    @api.depends("sale_line_id.invoice_lines")
    def _compute_invoice_ids(self):
        for auth in self:
            moves = auth.sudo().sale_line_id.invoice_lines.move_id
            auth.invoice_ids = moves.filtered(lambda m: m.move_type in ("out_invoice", "out_refund"))
            auth.invoice_count = len(auth.invoice_ids)

    def _payer_units(self, product_quantity):
        """A quantity of the order line (product's unit) in the payer's unit."""
        self.ensure_one()
        line_uom = self.sudo().sale_line_id.product_uom_id
        return line_uom._compute_quantity(product_quantity, self.uom_id, round=False) if line_uom else 0.0

    @api.depends("mentee_id.member_id", "mentee_id.coverage_ids", "payer_id", "date_from", "date_to")
    def _compute_member_id(self):
        # The member ID with this payer over the authorised dates; finance reads it here.
        for auth in self:
            mentee = auth.sudo().mentee_id
            coverages = mentee.coverage_ids.filtered(
                lambda c, auth=auth: c.payer_id == auth.payer_id and c._overlaps(auth.date_from, auth.date_to)
            )
            auth.member_id = coverages[:1].member_id if mentee.coverage_ids else mentee.member_id

    @api.constrains("payer_id", "mentee_id")
    def _check_payer_is_the_mentees(self):
        for auth in self:
            payers = auth.sudo().mentee_id.coverage_ids.payer_id
            if payers and auth.payer_id not in payers:
                raise ValidationError(
                    self.env._(
                        "%(payer)s does not cover %(mentee)s in any coverage period. Correct the payer "
                        "of the authorisation or add the coverage to the mentee.",
                        mentee=auth.mentee_id.name,
                        payer=auth.payer_id.name,
                    )
                )
            if not payers and auth.mentee_id.payer_id and auth.mentee_id.payer_id != auth.payer_id:
                raise ValidationError(
                    self.env._(
                        "%(mentee)s's payer is %(payer)s, not %(other)s. Correct the payer of the "
                        "authorisation or of the mentee.",
                        mentee=auth.mentee_id.name,
                        payer=auth.mentee_id.payer_id.name,
                        other=auth.payer_id.name,
                    )
                )

    @api.constrains("payer_id", "program_id", "is_group_service")
    def _check_billing_units(self):
        for auth in self:
            profile = auth._billing_profile()
            if profile and auth.product_id:
                profile._raise_unless_billable(auth.product_id)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(auth.state != "draft" for auth in self):
            raise UserError(self.env._("An approved authorisation is kept: cancel it instead."))

    def action_approve(self):
        self.check_access("write")
        for auth in self.sudo():
            if auth.state != "draft":
                raise UserError(self.env._("Only a draft authorisation can be approved."))
            auth._check_billing_set_up()
            order = self.env["sale.order"].sudo().create(auth._prepare_sale_order_values())
            order.action_confirm()
            auth._make_project_private(order)
            line = order.order_line[:1]
            auth.write(
                {
                    "state": "approved",
                    "sale_order_id": order.id,
                    "sale_line_id": line.id,
                    "task_id": line.task_id.id,
                    "project_id": (line.task_id.project_id or line.project_id).id,
                }
            )
            if not auth.project_id:
                raise UserError(
                    self.env._(
                        "The service product %(product)s did not create a project for the "
                        "timesheets. Set its “Create on Order” to a task in a project.",
                        product=auth.product_id.display_name,
                    )
                )

    _authorised_terms = AUTHORISED_TERMS

    def write(self, vals):
        if not self.env.su and self._authorised_terms & set(vals):
            self.check_access("write")
        if not self.env.su and self._authorised_terms & set(vals) and any(a.state != "draft" for a in self):
            raise UserError(
                self.env._(
                    "An approved authorisation keeps the terms the payer gave. To change them, "
                    "record the payer's new authorisation (and cancel this one if nothing was billed on it)."
                )
            )
        return super().write(vals)

    def _make_project_private(self, order):
        """The authorisation's project and task carry only its reference, and only the
        programme's coordinators and invited users see them (not every employee)."""
        projects = order.order_line.task_id.project_id | order.order_line.project_id
        projects.write({"privacy_visibility": "followers"})
        partners = self.program_id.coordinator_ids.partner_id
        if partners:
            projects.message_subscribe(partner_ids=partners.ids)

    def _check_billing_set_up(self):
        product = self.product_id
        if not product:
            raise UserError(
                self.env._(
                    "Set the %(kind)s product of the programme %(program)s before approving an authorisation.",
                    kind=self.env._("group session") if self.is_group_service else self.env._("service"),
                    program=self.program_id.name,
                )
            )
        if product.type != "service" or product.service_policy != "delivered_timesheet":
            raise UserError(
                self.env._(
                    "%(product)s must be a service invoiced on timesheets (“Based on Timesheets”).",
                    product=product.display_name,
                )
            )
        self._check_billing_units()

    def _prepare_sale_order_values(self):
        line = {
            "product_id": self.product_id.id,
            "product_uom_id": self.product_id.uom_id.id,
            "product_uom_qty": self.uom_id._compute_quantity(
                self.units_authorized, self.product_id.uom_id, round=False
            ),
            "name": self._sale_line_description(),
            # Medicaid and managed-care services carry no sales tax: whatever default tax the
            # product picked up from the company, the payer's order line (and invoice) has none.
            "tax_ids": [Command.clear()],
        }
        if self.price_unit:
            line["price_unit"] = self.price_unit
        return {
            "partner_id": self.payer_id.id,
            "company_id": self.company_id.id,
            "client_order_ref": self.name,
            "origin": self.env._("Authorisation %(ref)s", ref=self.name),
            "order_line": [Command.create(line)],
        }

    def _sale_line_description(self):
        code = self.product_id.product_tmpl_id._mentoring_code_label()
        parts = [f"[{code}] " if code else "", self.product_id.name]
        # The reference is enough to find the rest; the member ID stays on the Service detail.
        parts.append(self.env._(" – authorisation %(ref)s", ref=self.name))
        return "".join(parts)

    def action_cancel(self):
        self.check_access("write")
        auths = self.sudo()
        for auth in auths:
            if auth.units_used:
                raise UserError(
                    self.env._(
                        "Authorisation %(ref)s already has billed encounters; let it expire instead.",
                        ref=auth.name,
                    )
                )
        auths.sale_order_id.filtered(lambda o: o.state != "cancel")._action_cancel()
        auths.write({"state": "cancelled"})

    def action_view_sale_order(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.sale_order_id.id,
            "view_mode": "form",
        }

    def _action_open(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "peer_mentoring.mentoring_authorization_action"
        )
        action["context"] = {}
        if len(self) == 1:
            action.update(views=[(False, "form")], res_id=self.id)
        else:
            action["domain"] = [("id", "in", self.ids)]
        return action

    def action_view_invoices(self):
        return self.invoice_ids._mentoring_action_open()

    # Invoicing ----------------------------------------------------------------------------------

    def action_create_invoices(self):
        """Ask for the service period, then invoice (finance only)."""
        self._check_can_invoice()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Create invoices"),
            "res_model": "mentoring.authorization.invoice",
            "view_mode": "form",
            "target": "new",
            "context": {"default_authorization_ids": self.ids},
        }

    def _check_can_invoice(self):
        if not self.env.user.has_group("account.group_account_invoice"):
            raise UserError(
                self.env._(
                    "Invoicing mentoring units is finance's work: it needs the Invoicing role. "
                    "Ask finance to create the invoices."
                )
            )
        self.check_access("read")
        nothing = self.filtered(lambda a: a.units_to_invoice <= 0)
        if nothing:
            raise UserError(
                self.env._(
                    "Nothing is left to invoice on authorisation %(refs)s: every unit delivered "
                    "is on an invoice already. Take it out of the selection.",
                    refs=", ".join(nothing.mapped("name")),
                )
            )

    def _create_invoices(self, date_start=False, date_end=False):
        """Invoice the delivered units not invoiced yet through the orders' own invoicing
        (sale_timesheet's, with its service period). Finance may not work on sale orders: once
        the user is known to be finance and may read these authorisations, the sale side runs
        as superuser; the invoices are then finance's, under their own rights."""
        self._check_can_invoice()
        moves = self.env["account.move"]
        for company, auths in self.sudo().grouped("company_id").items():
            wizard = (
                self.env["sale.advance.payment.inv"]
                .sudo()
                .with_company(company)
                .create(
                    {
                        "advance_payment_method": "delivered",
                        "sale_order_ids": auths.sale_order_id.ids,
                        "date_start_invoice_timesheet": date_start,
                        "date_end_invoice_timesheet": date_end,
                    }
                )
            )
            moves |= wizard._create_invoices(wizard.sale_order_ids)
        return moves.sudo(False)

    # Warnings ---------------------------------------------------------------------------------

    def _coordinators(self):
        return self.program_id.coordinator_ids[:1] or self.env.user

    def _warn(self, summary, note):
        self.ensure_one()
        # The warned flag reaches the row before the activity subscribes the coordinator: a
        # concurrent warning then fails to serialise (retried) rather than on the followers'
        # unique index (not retried).
        self.flush_recordset()
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=summary,
            note=note,
            user_id=self._coordinators().id,
        )

    def _check_usage_warnings(self):
        for auth in self.filtered(lambda a: a.state in ("approved", "exhausted") and not a.usage_warned):
            threshold = auth._billing_profile().warn_usage_percent or 80
            if auth.percent_used >= threshold:
                auth.usage_warned = True
                auth._warn(
                    self.env._(
                        "%(pct)s%% of authorisation %(ref)s used", pct=round(auth.percent_used), ref=auth.name
                    ),
                    self.env._("Ask %(payer)s for a new authorisation in time.", payer=auth.payer_id.name),
                )
        self._follow_units()

    def _follow_units(self):
        """An authorisation is exhausted while no unit remains, and approved again when units
        come back (a meeting cancelled or shortened)."""
        self.filtered(lambda a: a.state == "approved" and a.units_remaining <= 0).write(
            {"state": "exhausted"}
        )
        self.filtered(lambda a: a.state == "exhausted" and a.units_remaining > 0).write({"state": "approved"})

    def _billing_profile(self):
        self.ensure_one()
        return self.program_id._billing_profile_for(self.payer_id)

    @api.model
    def _cron_check_authorizations(self):
        """Warn about authorisations running out or expiring soon and expire those past their
        end, in batches. Each step is once only (the `*_warned` flags, the state), so a batch
        looked at again does nothing new."""
        self.env["mentoring.job.checkpoint"]._run_in_batches(
            "check_authorizations",
            self,
            [("state", "in", ("approved", "exhausted"))],
            lambda active: active._check_dates_and_usage(),
        )

    def _check_dates_and_usage(self):
        today = fields.Date.context_today(self)
        self._check_usage_warnings()
        self.filtered(lambda a: a.date_to < today).write({"state": "expired"})
        soon = self.filtered(
            lambda a: (
                not a.expiry_warned and today <= a.date_to <= today + timedelta(days=EXPIRY_WARNING_DAYS)
            )
        )
        for auth in soon:
            auth.expiry_warned = True
            auth._warn(
                self.env._(
                    "Authorisation %(ref)s expires on %(date)s",
                    ref=auth.name,
                    date=format_date(self.env, auth.date_to),
                ),
                self.env._("Ask %(payer)s to renew it if mentoring goes on.", payer=auth.payer_id.name),
            )

    @api.model
    def _new_record_unavailable_help(self):
        return self.env._(
            "An authorisation is recorded by a coordinator for a mentee of a programme they "
            "coordinate. Add the programme's mentees first (People menu); authorisations you may "
            "read are listed here."
        )
