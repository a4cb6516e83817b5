"""Issue 8, items 10, 11 and 8: a mentee's day as a payer counts it. Each expected figure comes
from the rule (the 8-minute rule: units = (minutes + 7) // 15, nothing under 8 minutes)."""

from datetime import timedelta

from lxml import etree

from odoo import Command
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import MentoringGroupBillingCase


@tagged("post_install", "-at_install")
class TestBillingDay(MentoringGroupBillingCase):
    # Item 10: per-day scope --------------------------------------------------------------------

    def test_a_late_entry_never_bills_beyond_what_the_day_is_worth(self):
        """10 minutes invoiced, then an earlier 10 minutes of the same day entered late: the day
        is 20 minutes = 1 unit, already invoiced, so 0 more."""
        self.profile.rounding_scope = "day"
        afternoon = self.billable_encounter(14.0, 14 + 10 / 60)
        afternoon.action_confirm()
        self.assertEqual(afternoon.billed_units, 1)
        self.invoice(self.authorization.sale_order_id)
        morning = self.billable_encounter(10.0, 10 + 10 / 60)
        morning.action_confirm()
        self.assertEqual((morning.billed_units, afternoon.billed_units), (0, 1))
        self.assertFalse(morning.timesheet_ids)
        self.assertFalse(morning.needs_billing_attention)
        self.assertAlmostEqual(self.authorization.units_used, 1)

    def test_a_meeting_not_billed_by_decision_adds_no_minutes_to_the_day(self):
        """A 30-minute group meeting with no group authorisation, settled as not billed, and a
        30-minute individual one: 30 minutes = 2 units, whether codes are counted apart or together."""
        self.profile.rounding_scope = "day"
        for combined in ("per_code", "combined"):
            self.profile.day_codes = combined
            day = self.today - timedelta(days=2 if combined == "per_code" else 3)
            group = self.billable_encounter(9.0, 9.5, day=day, is_group_session=True)
            group.action_confirm()
            self.assertTrue(group.needs_billing_attention)
            group.with_user(self.coordinator_user).billing_override_reason = "No group authorisation"
            individual = self.billable_encounter(11.0, 11.5, day=day)
            individual.action_confirm()
            self.assertEqual((group.billed_units, individual.billed_units), (0, 2), combined)

    def test_unbillable_meetings_add_no_minutes_to_the_day(self):
        """An unbillable 'No action taken' 30 minutes and a billable 30 minutes: 2 units."""
        self.profile.rounding_scope = "day"
        no_action = self.billable_encounter(9.0, 9.5, progress="no_action", no_action_reason="sick")
        billable = self.billable_encounter(11.0, 11.5)
        (no_action | billable).action_confirm()
        self.assertEqual((no_action.billed_units, billable.billed_units), (0, 2))

    def test_each_service_code_is_rounded_on_its_own_by_default(self):
        """8 minutes of group (HQ) and 14 minutes individual on one day, per code: 8 → 1 unit
        HQ, 14 → 1 unit individual."""
        self.profile.rounding_scope = "day"
        self.assertEqual(self.profile.day_codes, "per_code")
        group_auth = self.approve_group_authorization()
        group = self.billable_encounter(9.0, 9 + 8 / 60, is_group_session=True)
        individual = self.billable_encounter(11.0, 11 + 14 / 60)
        (group | individual).action_confirm()
        self.assertEqual((group.billed_units, group.authorization_id), (1, group_auth))
        self.assertEqual((individual.billed_units, individual.authorization_id), (1, self.authorization))

    def test_combined_codes_give_the_unit_to_the_service_with_the_most_minutes(self):
        """The same day with codes combined (CMS): 22 minutes = 1 unit, to the individual
        service (14 minutes) rather than the group one (8)."""
        self.profile.write({"rounding_scope": "day", "day_codes": "combined"})
        self.approve_group_authorization()
        group = self.billable_encounter(9.0, 9 + 8 / 60, is_group_session=True)
        individual = self.billable_encounter(11.0, 11 + 14 / 60)
        (group | individual).action_confirm()
        self.assertEqual((group.billed_units, individual.billed_units), (0, 1))
        self.assertEqual(individual.authorization_id, self.authorization)
        self.assertFalse(group.needs_billing_attention, "its minutes are in the day's unit")

    def test_combined_codes_bill_whole_units_to_each_code_then_the_rest_by_minutes(self):
        """40 minutes individual + 20 minutes group, combined: 60 minutes = 4 units; 2 whole
        units individual (30 min), 1 whole group (15 min); the 4th to individual's 10 left over
        minutes rather than group's 5: individual 3, group 1."""
        self.profile.write({"rounding_scope": "day", "day_codes": "combined"})
        self.approve_group_authorization()
        individual = self.billable_encounter(9.0, 9 + 40 / 60)
        group = self.billable_encounter(11.0, 11 + 20 / 60, is_group_session=True)
        (group | individual).action_confirm()
        self.assertEqual((individual.billed_units, group.billed_units), (3, 1))

    # Item 11: the daily cap --------------------------------------------------------------------

    def test_a_meeting_crossing_the_daily_cap_is_billed_up_to_the_cap(self):
        """Cap 16 units: 180 minutes = 12 units; 75 minutes = 5 units, 4 of them under the cap.
        The 5th is not billed, and the coordinator is told why."""
        self.profile.daily_cap_units = 16
        self.assertEqual(self.profile.cap_crossing, "up_to_cap")
        morning = self.billable_encounter(8.0, 11.0)
        afternoon = self.billable_encounter(12.0, 13.25)
        (morning | afternoon).action_confirm()
        self.assertEqual((morning.billed_units, afternoon.billed_units), (12, 4))
        self.assertAlmostEqual(afternoon.timesheet_ids.unit_amount, 1.0)  # 4 × 15 minutes
        self.assertTrue(afternoon.needs_billing_attention)
        self.assertIn("4 of its 5 units are billed", afternoon.not_billed_reason)
        self.assertIn("daily cap of 16 units", afternoon.not_billed_reason)
        self.assertAlmostEqual(self.authorization.units_used, 16)
        entry = self.env["mentoring.billing.entry"].browse(afternoon.id)
        self.assertIn("daily cap", entry.activity_ids.note)
        self.assertIn(entry, self.entries_needing_attention(), "finance finds it on the list")
        afternoon.with_user(self.coordinator_user).billing_override_reason = "The payer pays 16 a day"
        self.assertFalse(afternoon.needs_billing_attention)
        self.assertEqual(afternoon.billed_units, 4)

    def entries_needing_attention(self):
        """What finance's "Meetings needing attention" list shows (its default filter)."""
        Entry = self.env["mentoring.billing.entry"].with_user(self.finance_user)
        arch = etree.fromstring(Entry.get_views([(False, "search")])["views"]["search"]["arch"])
        (domain,) = arch.xpath("//filter[@name='attention']/@domain")
        self.env.invalidate_all()
        return Entry.search(safe_eval(domain))

    def test_a_payer_may_refuse_a_meeting_that_crosses_the_cap(self):
        self.profile.write({"daily_cap_units": 16, "cap_crossing": "refuse"})
        morning = self.billable_encounter(8.0, 11.0)
        afternoon = self.billable_encounter(12.0, 13.25)
        (morning | afternoon).action_confirm()
        self.assertEqual((morning.billed_units, afternoon.billed_units), (12, 0))
        self.assertTrue(afternoon.needs_billing_attention)
        self.assertIn("daily cap of 16 units", afternoon.not_billed_reason)
        self.assertAlmostEqual(self.authorization.units_used, 12)

    # Item 8: a member's minutes are billed once ------------------------------------------------

    def second_mentor_meeting(self, start, end):
        """A documented meeting of the same mentee with mentor B."""
        match = self.create_active_match(self.mentor_b, self.mentee)
        plan = self.env["mentoring.plan"].create(
            {
                "match_id": match.id,
                "person_centred_goals": "Work in a library",
                "goal_ids": [Command.create({"name": "Write a CV", "is_first_two": True})],
            }
        )
        return self.billable_encounter(start, end, match=match, goal=plan.goal_ids)

    def test_a_member_seen_by_two_mentors_at_once_is_billed_once(self):
        """10:00–11:00 with mentor A and 10:00–11:00 with mentor B: 60 minutes = 4 units, once."""
        first = self.billable_encounter(10.0, 11.0)
        first.action_confirm()
        second = self.second_mentor_meeting(10.0, 11.0)
        second.action_confirm()
        self.assertEqual(second.state, "confirmed")
        self.assertEqual((first.billed_units, second.billed_units), (4, 0))
        self.assertTrue(second.needs_billing_attention)
        self.assertIn("same time", second.not_billed_reason)
        self.assertIn(self.env["mentoring.billing.entry"].browse(second.id), self.entries_needing_attention())
        self.assertAlmostEqual(self.authorization.units_used, 4)

    def test_a_payer_that_pays_concurrent_services_is_billed_for_both(self):
        self.profile.allow_concurrent = True
        first = self.billable_encounter(10.0, 11.0)
        second = self.second_mentor_meeting(10.5, 11.5)
        (first | second).action_confirm()
        self.assertEqual((first.billed_units, second.billed_units), (4, 4))
        self.assertFalse(second.needs_billing_attention)

    def test_meetings_one_after_the_other_are_not_concurrent(self):
        first = self.billable_encounter(10.0, 11.0)
        second = self.second_mentor_meeting(11.0, 11.5)
        (first | second).action_confirm()
        self.assertEqual((first.billed_units, second.billed_units), (4, 2))

    # Item 12: every unit supported on paper ----------------------------------------------------

    def test_service_detail_shows_the_days_meetings_minutes_and_units(self):
        """Per-day rounding, 7 + 7 minutes: both meetings on the Service detail, the day's
        14 minutes and its 1 unit (7 minutes alone would be none)."""
        self.profile.rounding_scope = "day"
        morning = self.billable_encounter(9.0, 9 + 7 / 60)
        afternoon = self.billable_encounter(14.0, 14 + 7 / 60)
        (morning | afternoon).action_confirm()
        self.assertEqual(morning.billed_units + afternoon.billed_units, 1)
        move = self.invoice(self.authorization.sale_order_id)
        values = (
            self.env["report.peer_mentoring.report_service_detail"]
            .with_user(self.finance_user)
            ._get_report_values(move.ids)
        )
        (day,) = values["days_by_move"][move.id]
        self.assertEqual(
            (day["date"], day["member"], day["minutes"], day["units"]), (self.yesterday, "M-12345", 14, 1)
        )
        self.assertEqual([(row["start"], row["minutes"]) for row in day["rows"]], [(9.0, 7), (14.0, 7)])
        self.assertEqual(sum(row["units"] for row in day["rows"]), 1)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.finance_user)
            ._render_qweb_html("peer_mentoring.service_detail_report", move.ids)[0]
            .decode()
        )
        for expected in ("09:00", "09:07", "14:00", "14:07", "Day total", "14 min"):
            self.assertIn(expected, html)

    def test_service_detail_shows_another_service_only_when_codes_are_combined(self):
        """Per day, per code: 5 minutes of group (0 units, 5 < 8) and 30 individual (2 units):
        the group minutes are not behind the individual units, so the day shows 30 min, 2 units."""
        self.profile.rounding_scope = "day"
        self.approve_group_authorization()
        group = self.billable_encounter(9.0, 9 + 5 / 60, is_group_session=True)
        individual = self.billable_encounter(11.0, 11.5)
        (group | individual).action_confirm()
        self.assertEqual((group.billed_units, individual.billed_units), (0, 2))
        self.assertEqual(group.not_billed_reason, "under the minimum billable time")
        move = self.invoice(self.authorization.sale_order_id)
        Report = self.env["report.peer_mentoring.report_service_detail"].with_user(self.finance_user)
        (day,) = Report._get_report_values(move.ids)["days_by_move"][move.id]
        self.assertEqual((day["minutes"], day["units"], len(day["rows"])), (30, 2, 1))
