from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import format_date

from .common import MentoringBillingCase, MentoringGroupBillingCase
from .common_jobs import DailyJobCase


@tagged("post_install", "-at_install")
class TestBillingFlow(MentoringBillingCase, DailyJobCase):
    def test_approving_an_authorisation_creates_the_billing_anchor(self):
        auth = self.authorization
        self.assertEqual(auth.state, "approved")
        order = auth.sale_order_id
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.partner_id, self.payer)
        self.assertEqual(auth.sale_line_id.product_uom_qty, 40)
        self.assertEqual(auth.sale_line_id.price_unit, 15.0)
        self.assertIn("H0038", auth.sale_line_id.name)
        self.assertIn("AUTH-1", auth.sale_line_id.name)
        self.assertTrue(auth.task_id)
        self.assertEqual(auth.task_id.sale_line_id, auth.sale_line_id)

    def test_confirming_writes_exactly_one_neutral_timesheet_line(self):
        encounter = self.billable_encounter(
            10.0, 10.75, notes="<p>very private</p>", next_steps="Private plan"
        )
        encounter.action_confirm()
        line = encounter.timesheet_ids
        self.assertEqual(len(line), 1)
        self.assertEqual(line.mentoring_encounter_id, encounter)
        self.assertEqual(
            (line.project_id, line.task_id, line.so_line),
            (self.authorization.project_id, self.authorization.task_id, self.authorization.sale_line_id),
        )
        self.assertEqual(line.employee_id, self.mentor_employee)
        self.assertEqual(line.date, encounter.date)
        self.assertAlmostEqual(line.unit_amount, 0.75)  # 45 minutes: 3 units of 15 minutes
        self.assertEqual(line.name, f"Peer mentoring – encounter {encounter.date} – 45 min")
        self.assertEqual(encounter.billed_units, 3)
        self.assertEqual(encounter.authorization_id, self.authorization)
        self.assertAlmostEqual(self.authorization.units_used, 3)
        self.assertAlmostEqual(self.authorization.units_remaining, 37)

    def test_a_mentor_confirms_and_bills_without_seeing_the_authorisation(self):
        encounter = self.billable_encounter(10.0, 11.0).with_user(self.mentor_user)
        encounter.action_confirm()
        self.assertEqual(encounter.sudo().billed_units, 4)
        self.assertEqual(len(encounter.sudo().timesheet_ids), 1)

    def test_per_day_rounding_adds_up_before_rounding(self):
        short_morning = self.billable_encounter(10.0, 10 + 10 / 60)
        short_afternoon = self.billable_encounter(14.0, 14 + 10 / 60)
        (short_morning | short_afternoon).action_confirm()
        self.assertEqual(
            short_morning.billed_units + short_afternoon.billed_units, 2, "each 10 minutes: 1 unit"
        )

    def test_per_day_scope_rounds_the_days_total_once(self):
        self.profile.rounding_scope = "day"
        short_morning = self.billable_encounter(10.0, 10 + 10 / 60)
        short_afternoon = self.billable_encounter(14.0, 14 + 10 / 60)
        short_morning.action_confirm()
        short_afternoon.action_confirm()
        self.assertEqual(
            short_morning.billed_units + short_afternoon.billed_units, 1, "20 minutes in a day: 1 unit"
        )
        self.assertAlmostEqual(self.authorization.units_used, 1)

    def attention_entry(self, encounter):
        self.env.invalidate_all()
        return self.env["mentoring.billing.entry"].browse(encounter.id)

    def test_beyond_the_daily_cap_is_confirmed_unbilled_until_a_coordinator_decides(self):
        self.profile.daily_cap_units = 4
        self.billable_encounter(9.0, 10.0).action_confirm()  # 60 minutes: 4 units, the cap
        extra = self.billable_encounter(11.0, 11.25)  # 15 minutes: 1 unit more than the cap
        extra.action_confirm()
        self.assertEqual(extra.state, "confirmed")
        self.assertEqual(extra.billed_units, 0)
        self.assertFalse(extra.timesheet_ids)
        self.assertTrue(extra.needs_billing_attention)
        self.assertIn("daily cap of 4 units", extra.not_billed_reason)
        entry = self.attention_entry(extra)
        self.assertEqual(entry.billing_status, "attention")
        self.assertEqual(entry.activity_ids.user_id, self.coordinator_user)
        self.assertIn(extra, self.env["mentoring.encounter"].search([("needs_billing_attention", "=", True)]))
        extra.with_user(
            self.coordinator_user
        ).billing_override_reason = "Crisis support agreed with the payer"
        self.assertFalse(extra.needs_billing_attention)
        self.assertFalse(extra.timesheet_ids)
        self.env.invalidate_all()
        self.assertFalse(
            self.env["mentoring.billing.entry"].search([("id", "=", extra.id)]),
            "the coordinator's decision settles it: not billed, no longer on the list",
        )
        self.assertFalse(
            self.env["mail.activity"].search(
                [("res_model", "=", "mentoring.billing.entry"), ("res_id", "=", extra.id)]
            )
        )

    def test_coordinator_of_the_programme_gets_one_activity_per_meeting_needing_attention(self):
        early = self.billable_encounter(9.0, 10.0, day=self.today - timedelta(days=90))
        early.action_confirm()
        entry = self.attention_entry(early)
        activity = entry.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.coordinator_user)
        self.assertEqual(
            activity.activity_type_id, self.env.ref("peer_mentoring.mail_activity_type_billing_attention")
        )
        # Neutral: the billing fact, nothing of what was said or how it went.
        self.assertIn("outside every approved authorisation", str(activity.note))
        self.assertNotIn("Met goal", activity.summary + str(activity.note))
        self.assertNotIn(self.goal.name, activity.summary + str(activity.note))
        # Another meeting the same day plans the day again: still one activity.
        self.billable_encounter(11.0, 11.5, day=early.date).action_confirm()
        self.assertEqual(len(self.attention_entry(early).activity_ids), 1)
        # Finance reads it on the "needs attention" list; the coordinator marks it done there.
        finance_entry = entry.with_user(self.finance_user)
        self.assertEqual(finance_entry.activity_ids.summary, activity.summary)
        early.action_cancel()
        self.assertFalse(activity.exists(), "a cancelled meeting needs no billing attention")

    def test_coordinator_marks_the_attention_activity_done_on_the_billing_entry(self):
        early = self.billable_encounter(9.0, 10.0, day=self.today - timedelta(days=90))
        early.action_confirm()
        activity = self.attention_entry(early).activity_ids.with_user(self.coordinator_user)
        activity.action_feedback("Asked the payer to backdate the authorisation")
        entry = self.attention_entry(early).with_user(self.finance_user)
        self.assertFalse(entry.activity_ids)
        self.assertIn("backdate", str(entry.message_ids.mapped("body")), "finance reads the outcome")

    def test_only_a_coordinator_records_a_billing_override(self):
        encounter = self.billable_encounter(9.0, 10.0)
        with self.assertRefused(UserError, "Only a programme coordinator"):
            encounter.with_user(self.mentor_user).billing_override_reason = "Because"

    def test_draws_on_the_authorisation_that_expires_first(self):
        sooner = self.create_authorization("AUTH-SOON", units=4, date_to=self.today + timedelta(days=5))
        first = self.billable_encounter(9.0, 10.0)  # 4 units: fits the one that expires first
        first.action_confirm()
        self.assertEqual(first.authorization_id, sooner)
        second = self.billable_encounter(11.0, 11.25)  # AUTH-SOON is used up: the later one
        second.action_confirm()
        self.assertEqual(second.authorization_id, self.authorization)
        self.assertEqual(sooner.state, "exhausted")

    def test_outside_the_authorisation_dates_is_confirmed_and_needs_attention(self):
        early = self.billable_encounter(9.0, 10.0, day=self.today - timedelta(days=90))
        early.action_confirm()
        self.assertEqual(early.state, "confirmed")
        self.assertFalse(early.authorization_id)
        self.assertTrue(early.needs_billing_attention)
        self.assertIn("outside every approved authorisation", early.not_billed_reason)
        self.assertIn("outside every approved authorisation", self.attention_entry(early).attention_reason)

    def test_beyond_the_remaining_units_is_confirmed_and_needs_attention(self):
        small = self.create_authorization("AUTH-SMALL", units=2, date_to=self.today + timedelta(days=5))
        self.authorization.action_cancel()
        encounter = self.billable_encounter(9.0, 10.0)  # 4 units > 2
        encounter.action_confirm()
        self.assertEqual(encounter.state, "confirmed")
        self.assertTrue(encounter.needs_billing_attention)
        self.assertIn("more than remain on authorisation AUTH-SMALL", encounter.not_billed_reason)
        self.assertFalse(small.sale_line_id.analytic_line_ids)
        self.assertEqual(small.units_used, 0)

    def test_incomplete_documentation_is_confirmed_and_lists_what_is_missing(self):
        encounter = self.create_encounter(self.match, start_time=9.0, end_time=10.0, location_type="agency")
        encounter.action_confirm()
        self.assertEqual(encounter.state, "confirmed")
        self.assertFalse(encounter.timesheet_ids)
        self.assertTrue(encounter.needs_billing_attention)
        self.assertIn(
            "lacks what the payer requires: goal worked on, mentor's signature, mentee's signature",
            encounter.not_billed_reason,
        )
        self.program.require_mentee_signature = False
        documented = self.create_encounter(
            self.match, start_time=11.0, end_time=12.0, goal_id=self.goal.id, mentor_signed_on=self.yesterday
        )
        documented.action_confirm()
        self.assertEqual(documented.billed_units, 4)  # 60 minutes in 15-minute units
        self.assertFalse(documented.needs_billing_attention)

    def test_unbillable_outcome_is_confirmed_without_a_timesheet(self):
        encounter = self.billable_encounter(
            9.0, 10.0, progress="no_action", no_action_reason="unable_to_contact"
        )
        encounter.action_confirm()
        self.assertEqual(encounter.state, "confirmed")
        self.assertFalse(encounter.timesheet_ids)
        self.assertEqual(encounter.not_billed_reason, "this outcome is not billable")
        self.profile.bill_no_action = True
        other = self.billable_encounter(11.0, 12.0, progress="no_action", no_action_reason="sick")
        other.action_confirm()
        self.assertEqual(other.billed_units, 4)

    def test_hours_of_interns_are_billed_only_when_the_payer_agrees(self):
        self.mentor.state = "intern"
        encounter = self.billable_encounter(9.0, 10.0)
        encounter.action_confirm()
        self.assertFalse(encounter.timesheet_ids)
        self.profile.bill_interns = True
        encounter.write({"end_time": 9.5})
        self.assertEqual(encounter.billed_units, 2)

    def test_one_line_per_encounter_after_repeated_edits(self):
        encounter = self.billable_encounter(9.0, 10.0)
        encounter.action_confirm()
        line = encounter.timesheet_ids
        encounter.write({"end_time": 9.5})
        encounter.write({"start_time": 8.75, "end_time": 9.75})
        encounter.write({"date": self.today - timedelta(days=3)})
        self.assertEqual(encounter.timesheet_ids, line)
        self.assertAlmostEqual(line.unit_amount, 1.0)
        self.assertEqual(line.date, self.today - timedelta(days=3))
        self.assertEqual(
            self.env["account.analytic.line"].search_count([("mentoring_encounter_id", "=", encounter.id)]), 1
        )

    def test_cancelling_removes_the_line_and_gives_the_units_back(self):
        encounter = self.billable_encounter(9.0, 10.0)
        encounter.action_confirm()
        encounter.action_cancel()
        self.assertFalse(encounter.timesheet_ids)
        self.assertAlmostEqual(self.authorization.units_used, 0)

    def test_full_flow_to_an_invoice_in_the_payers_currency(self):
        currency = self.env.ref("base.EUR")
        currency.active = True
        pricelist = self.env["product.pricelist"].create({"name": "Payer EUR", "currency_id": currency.id})
        self.payer.property_product_pricelist = pricelist
        auth = self.create_authorization(
            "AUTH-EUR", units=20, date_to=self.today + timedelta(days=3), price_unit=17.5
        )
        self.assertEqual(auth.sale_order_id.currency_id, currency)
        (self.billable_encounter(9.0, 9.75) | self.billable_encounter(13.0, 13 + 23 / 60)).action_confirm()
        invoice = self.invoice(auth.sale_order_id)
        line = invoice.invoice_line_ids
        self.assertEqual(invoice.partner_id, self.payer)
        self.assertEqual(invoice.currency_id, currency)
        self.assertEqual(line.quantity, 5)  # 45 min: 3 units; 23 min: 2 units
        self.assertEqual(line.product_uom_id, self.env.ref("peer_mentoring.uom_quarter_hour"))
        self.assertAlmostEqual(invoice.amount_untaxed, 5 * 17.5)
        self.assertIn("H0038", line.name)
        self.assertIn("Service period:", line.name)

    def test_invoicing_a_period_bills_only_that_periods_encounters(self):
        last_month = self.today.replace(day=1) - timedelta(days=1)
        earlier = self.billable_encounter(9.0, 10.0, day=last_month)
        later = self.billable_encounter(9.0, 9.5, day=self.today)
        with self.late_today():
            (earlier | later).action_confirm()
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=self.authorization.sale_order_id.ids)
            .create(
                {
                    "advance_payment_method": "delivered",
                    "date_start_invoice_timesheet": last_month.replace(day=1),
                    "date_end_invoice_timesheet": last_month,
                }
            )
        )
        wizard.create_invoices()
        invoice = self.authorization.sale_order_id.invoice_ids
        self.assertEqual(invoice.invoice_line_ids.quantity, 4)
        self.assertEqual(earlier.invoice_id, invoice)
        self.assertFalse(later.invoice_id)
        self.assertIn(format_date(self.env, last_month), invoice.invoice_line_ids.name)

    def test_invoiced_encounter_cannot_be_changed_or_cancelled(self):
        encounter = self.billable_encounter(9.0, 10.0)
        encounter.action_confirm()
        invoice = self.invoice(self.authorization.sale_order_id)
        self.assertEqual(encounter.invoice_id, invoice)
        with self.assertRefused(UserError, "already billed on invoice"):
            encounter.write({"end_time": 10.5})
        with self.assertRefused(UserError, "already billed on invoice"):
            encounter.action_cancel()
        self.assertEqual(encounter.billed_units, 4)
        with self.assertRaises(UserError):
            encounter.timesheet_ids.write({"unit_amount": 5})

    def test_usage_warning_activity_at_80_percent(self):
        auth = self.create_authorization("AUTH-5", units=5, date_to=self.today + timedelta(days=5))
        self.billable_encounter(9.0, 9.75).action_confirm()  # 3 of 5 units: 60 %
        self.assertFalse(auth.activity_ids)
        self.billable_encounter(11.0, 11.25).action_confirm()  # 4 of 5: 80 %
        self.assertEqual(len(auth.activity_ids), 1)
        self.assertEqual(auth.activity_ids.user_id, self.coordinator_user)
        self.assertIn("80%", auth.activity_ids.summary)

    def test_daily_job_warns_before_expiry_and_expires(self):
        soon = self.create_authorization("AUTH-END", units=10, date_to=self.today + timedelta(days=10))
        past = self.create_authorization(
            "AUTH-PAST",
            units=10,
            date_from=self.today - timedelta(days=30),
            date_to=self.today - timedelta(days=1),
        )
        self.env["mentoring.authorization"]._cron_check_authorizations()
        self.assertIn("expires on", soon.activity_ids.summary)
        self.assertFalse(self.authorization.activity_ids, "60 days away: no warning yet")
        self.assertEqual(past.state, "expired")
        self.env["mentoring.authorization"]._cron_check_authorizations()
        self.assertEqual(len(soon.activity_ids), 1, "warned once")

    def test_the_daily_job_works_in_batches_and_resumes_after_the_last_batch_committed(self):
        soon = self.create_authorization("AUTH-END", units=10, date_to=self.today + timedelta(days=10))
        soon |= self.create_authorization("AUTH-END2", units=10, date_to=self.today + timedelta(days=12))
        past = self.create_authorization(
            "AUTH-PAST",
            units=10,
            date_from=self.today - timedelta(days=30),
            date_to=self.today - timedelta(days=1),
        )

        def effects():
            self.env.invalidate_all()
            warned = {
                auth.id: len(auth.activity_ids.filtered(lambda a: "expires on" in a.summary)) for auth in soon
            }
            return {**warned, past.id: past.state == "expired"}

        done = self.assert_batched_and_resumable(
            self.env["mentoring.authorization"]._cron_check_authorizations, soon | past, effects
        )
        self.assertEqual(set(done.values()), {1})

    def test_authorisation_with_used_units_cannot_be_cancelled_or_deleted(self):
        self.billable_encounter(9.0, 10.0).action_confirm()
        with self.assertRefused(UserError, "let it expire"):
            self.authorization.action_cancel()
        with self.assertRefused(UserError, "cancel it instead"):
            self.authorization.unlink()

    def test_confirming_without_a_set_up_product_explains_what_to_do(self):
        self.program.product_id = False
        with self.assertRefused(UserError, "service product of the programme"):
            self.create_authorization("AUTH-X", units=4)


@tagged("post_install", "-at_install")
class TestGroupSessions(MentoringGroupBillingCase):
    def test_group_session_draws_on_the_group_authorisation_with_its_modifier(self):
        group_auth = self.approve_group_authorization(date_to=self.today + timedelta(days=3))
        self.assertIn("[H0038-HQ]", group_auth.sale_line_id.name)
        group = self.billable_encounter(9.0, 10.0, is_group_session=True)
        individual = self.billable_encounter(11.0, 11.5)
        (group | individual).action_confirm()
        self.assertEqual(group.authorization_id, group_auth, "the group session draws on the group service")
        self.assertEqual(individual.authorization_id, self.authorization, "even though it expires later")
        self.assertEqual(group.timesheet_ids.so_line.product_id, self.group_product)

    def test_group_session_without_a_group_authorisation_needs_attention(self):
        group = self.billable_encounter(9.0, 10.0, is_group_session=True)
        group.action_confirm()
        self.assertEqual(group.state, "confirmed")
        self.assertFalse(group.timesheet_ids)
        self.assertTrue(group.needs_billing_attention)
        self.assertIn("outside every approved authorisation", group.not_billed_reason)
