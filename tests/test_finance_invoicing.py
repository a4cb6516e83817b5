"""Finance, with the Invoicing role alone, invoices the delivered units of authorisations from
the Mentoring screens; quantities count in the payer's unit."""

from datetime import timedelta

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import MentoringBillingCase

# 45 minutes lies between 38 and 52 minutes: three 15-minute units under the 8-minute rule.
UNITS_PER_45_MINUTES = 3


@tagged("post_install", "-at_install")
class TestFinanceInvoicing(MentoringBillingCase):
    def deliver_meetings(self, *days):
        meetings = self.env["mentoring.encounter"]
        for day in days:
            meetings |= self.billable_encounter(10.0, 10.75, day=day)
        with self.late_today():  # one of the days may be today
            meetings.action_confirm()
        return meetings

    def to_invoice(self, user):
        """What the Mentoring → Billing → To invoice menu lists for `user`."""
        action = self.env.ref("peer_mentoring.mentoring_authorization_to_invoice_action")
        domain = eval(action.domain)  # noqa: S307 (xml data of this addon)
        return self.env["mentoring.authorization"].with_user(user).search(domain)

    def create_invoices(self, user, authorizations, **period):
        """Click "Create invoices", then the dialog's button, as `user`."""
        opener = authorizations.with_user(user).action_create_invoices()
        wizard = (
            self.env[opener["res_model"]].with_user(user).with_context(**opener["context"]).create(period)
        )
        result = wizard.action_create_invoices()
        return self.env["account.move"].with_user(user).browse(result.get("res_id") or [])

    def test_finance_invoices_the_delivered_units_and_posts_the_invoice(self):
        meetings = self.deliver_meetings(*(self.today - timedelta(days=n) for n in (3, 2, 1)))
        delivered = 3 * UNITS_PER_45_MINUTES
        auth = self.authorization.with_user(self.finance_user)
        self.assertIn(self.authorization, self.to_invoice(self.finance_user))
        self.assertEqual(
            (auth.units_used, auth.units_invoiced, auth.units_to_invoice), (delivered, 0, delivered)
        )
        self.assertEqual(auth.uom_id, self.env.ref("peer_mentoring.uom_quarter_hour"))

        invoice = self.create_invoices(self.finance_user, self.authorization)

        self.assertEqual(len(invoice), 1)
        self.assertEqual((invoice.move_type, invoice.state), ("out_invoice", "draft"))
        self.assertEqual(invoice.partner_id, self.payer)
        self.assertEqual(invoice.create_uid, self.finance_user)
        self.assertEqual(invoice.invoice_line_ids.quantity, delivered)
        self.assertEqual(invoice.invoice_line_ids.product_uom_id, auth.uom_id)
        invoice.action_post()  # with finance's own rights
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(
            (auth.units_used, auth.units_invoiced, auth.units_to_invoice), (delivered, delivered, 0)
        )
        self.assertEqual(auth.invoice_ids, invoice)
        self.assertEqual(auth.invoice_count, 1)
        self.assertNotIn(self.authorization, self.to_invoice(self.finance_user))
        self.assertEqual(meetings.invoice_id, invoice.sudo())

    def test_finance_invoices_one_service_period(self):
        last_month = self.today.replace(day=1) - timedelta(days=1)
        self.deliver_meetings(last_month - timedelta(days=1), last_month, self.today)
        invoice = self.create_invoices(
            self.finance_user,
            self.authorization,
            date_start=last_month.replace(day=1),
            date_end=last_month,
        )
        self.assertEqual(invoice.invoice_line_ids.quantity, 2 * UNITS_PER_45_MINUTES)
        auth = self.authorization.with_user(self.finance_user)
        self.assertEqual((auth.units_invoiced, auth.units_to_invoice), (6, UNITS_PER_45_MINUTES))
        self.assertIn(auth, self.to_invoice(self.finance_user), "this month's meeting is still to invoice")

    def test_nothing_left_to_invoice_is_refused_in_plain_words(self):
        with self.assertRefused(UserError, "Nothing is left to invoice on authorisation AUTH-1"):
            self.authorization.with_user(self.finance_user).action_create_invoices()

    def test_only_finance_invoices(self):
        self.deliver_meetings(self.yesterday)
        for user in (self.sales_user, self.mentor_user, self.coordinator_user, self.manager_user):
            with self.assertRefused(UserError, "Invoicing mentoring units is finance's work"):
                self.authorization.with_user(user).action_create_invoices()
            with self.assertRaises(AccessError):
                self.env["mentoring.authorization.invoice"].with_user(user).create(
                    {"authorization_ids": [Command.set(self.authorization.ids)]}
                )
        self.assertFalse(self.authorization.sale_order_id.invoice_ids)
        menu = self.env.ref("peer_mentoring.mentoring_authorization_to_invoice_menu")
        for user in (self.sales_user, self.mentor_user, self.coordinator_user):
            self.assertNotIn(menu.id, self.env["ir.ui.menu"].with_user(user)._visible_menu_ids())
        self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(self.finance_user)._visible_menu_ids())

    def test_finance_of_another_agency_cannot_invoice_these_units(self):
        self.deliver_meetings(self.yesterday)
        finance_2 = self.create_other_agency_finance()
        with self.assertRaises(AccessError):
            self.authorization.with_user(finance_2).action_create_invoices()
        wizard = self.env["mentoring.authorization.invoice"].with_user(finance_2)
        with self.assertRaises(AccessError):
            wizard.create({"authorization_ids": [Command.set(self.authorization.ids)]})
        self.assertFalse(self.authorization.sale_order_id.invoice_ids)

    def test_invoice_and_order_lead_back_to_the_authorisation(self):
        self.deliver_meetings(self.yesterday)
        invoice = self.create_invoices(self.finance_user, self.authorization)
        self.assertEqual(invoice.mentoring_authorization_ids, self.authorization)
        action = invoice.action_view_mentoring_authorizations()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("mentoring.authorization", self.authorization.id)
        )
        action = self.authorization.with_user(self.finance_user).action_view_invoices()
        self.assertEqual(action["res_id"], invoice.id)
        order = self.authorization.sale_order_id.with_user(self.finance_user)
        self.assertEqual(order.mentoring_authorization_count, 1)
        self.assertEqual(order.action_view_mentoring_authorizations()["res_id"], self.authorization.id)
        # Who may not read the authorisation does not learn of it from the order.
        with self.assertRaises(AccessError):
            self.authorization.sale_order_id.with_user(self.sales_user).read(["mentoring_authorization_ids"])
        other_coordinator = new_test_user(
            self.env,
            login="t_other_coordinator",
            groups="peer_mentoring.group_coordinator,sales_team.group_sale_salesman_all_leads",
        )
        order = self.authorization.sale_order_id.with_user(other_coordinator)
        self.assertEqual(order.mentoring_authorization_count, 0)

    def test_finance_opens_the_authorisation_its_order_invoice_and_links(self):
        """The forms load as the web client loads them, without an access error (sale_project
        looks for the order's projects by a field only salespeople may read; the programme form
        shows matches and mentors)."""
        self.deliver_meetings(self.yesterday)
        invoice = self.create_invoices(self.finance_user, self.authorization)
        sale_wizard = self.env.ref("sale.action_view_sale_advance_payment_inv")
        linked = (self.program, self.payer, self.product)  # the authorisation's links
        for record in (self.authorization, self.authorization.sale_order_id, invoice, *linked):
            self.env.invalidate_all()  # nothing computed earlier as superuser
            Model = self.env[record._name].with_user(self.finance_user)
            arch = etree.fromstring(Model.get_views([(False, "form")])["views"]["form"]["arch"])
            spec = {
                node.get("name"): {}
                for node in arch.iter("field")
                if not any(parent.tag == "field" for parent in node.iterancestors())
            }
            # No button of Odoo's sale invoicing wizard, which finance may not use.
            self.assertFalse(arch.xpath("//button[@name=$action]", action=str(sale_wizard.id)), record._name)
            values = Model.browse(record.id).web_read(spec)[0]
            self.assertEqual(values["id"], record.id)
            if record._name in ("sale.order", "account.move"):
                self.assertEqual(values["mentoring_authorization_count"], 1, record._name)


@tagged("post_install", "-at_install")
class TestUnitsAgree(MentoringBillingCase):
    """The payer's unit and the service product's unit must be the same length of time,
    otherwise orders and invoices would not count what the payer counts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hour = cls.env.ref("uom.product_uom_hour")
        cls.quarter_hour = cls.env.ref("peer_mentoring.uom_quarter_hour")
        cls.hours_product = cls.service_product("Peer mentoring (hourly)", cls.hour)
        cls.hourly_profile = cls.env["mentoring.billing.profile"].create(
            {"name": "Hourly payer", "billing_unit": "hour", "rounding": "up"}
        )

    @classmethod
    def service_product(cls, name, uom):
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "service",
                "service_policy": "delivered_timesheet",
                "service_tracking": "task_in_project",
                "uom_id": uom.id,
            }
        )

    def test_a_product_in_hours_is_refused_for_a_payer_counting_quarter_hours(self):
        with self.assertRefused(
            ValidationError,
            "Peer mentoring \\(hourly\\) is counted in “Hours” but the billing profile Sunrise peer "
            "services bills in “15-minute unit”.*Set the product's unit to “15-minute unit” or the "
            "profile's billing unit to “Hour”",
        ):
            self.program.product_id = self.hours_product
        self.assertEqual(self.program.product_id, self.product)

    def test_a_product_counted_in_items_agrees_with_no_billing_unit(self):
        items = self.service_product("Peer mentoring (items)", self.env.ref("uom.product_uom_unit"))
        with self.assertRefused(ValidationError, "Set the product's unit to “15-minute unit”\\.$"):
            self.program.group_product_id = items

    def test_a_profile_in_use_cannot_switch_to_hours(self):
        with self.assertRefused(ValidationError, "Set the product's unit to “Hours”"):
            self.profile.write({"billing_unit": "hour", "rounding": "up"})

    def test_a_payer_cannot_take_an_hourly_profile_for_quarter_hour_services(self):
        with self.assertRefused(ValidationError, "billing profile Hourly payer bills in “Hour”"):
            self.payer.mentoring_billing_profile_id = self.hourly_profile

    def test_the_service_product_cannot_change_to_hours(self):
        with self.assertRefused(ValidationError, "is counted in “Hours”"):
            self.product.uom_id = self.hour

    def test_an_hourly_payer_is_ordered_and_shown_in_hours(self):
        self.other_program.write(
            {"product_id": self.hours_product.id, "billing_profile_id": self.hourly_profile.id}
        )
        mentee = self.create_mentee("Lee Hourly", program=self.other_program, payer_id=self.payer.id)
        auth = self.env["mentoring.authorization"].create(
            {
                "name": "AUTH-H",
                "payer_id": self.payer.id,
                "mentee_id": mentee.id,
                "program_id": self.other_program.id,
                "date_from": self.yesterday,
                "date_to": self.today,
                "units_authorized": 10,
            }
        )
        auth.action_approve()
        self.assertEqual(auth.uom_id, self.hour)
        self.assertEqual(
            (auth.sale_line_id.product_uom_qty, auth.sale_line_id.product_uom_id), (10, self.hour)
        )

    def test_an_order_kept_in_hours_still_counts_for_the_payer_in_quarter_hours(self):
        """An order approved before units had to agree: 40 units ordered as 10 hours."""
        meeting = self.billable_encounter(10.0, 10.75)
        line = self.authorization.sale_line_id
        self.env.cr.execute(
            "UPDATE sale_order_line SET product_uom_id = %s, product_uom_qty = 10 WHERE id = %s",
            (self.hour.id, line.id),
        )
        self.env.invalidate_all()
        meeting.action_confirm()
        self.assertAlmostEqual(line.qty_delivered, 0.75)  # hours, on the order
        self.assertEqual(self.authorization.uom_id, self.quarter_hour)
        self.assertAlmostEqual(self.authorization.units_used, UNITS_PER_45_MINUTES)
        self.assertAlmostEqual(self.authorization.units_to_invoice, UNITS_PER_45_MINUTES)
        self.assertAlmostEqual(self.authorization.units_remaining, 40 - UNITS_PER_45_MINUTES)
