"""Issue 8, items 2 and 3: a meeting is judged on its date (the mentor's credential, the
authorisation, the match's state and the payer in force that day), and filed in time."""

from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import MentoringBillingCase


@tagged("post_install", "-at_install")
class TestBillingOnTheDateOfService(MentoringBillingCase):
    def days_ago(self, days):
        return self.today - timedelta(days=days)

    def entry(self, encounter):
        self.env.invalidate_all()
        return self.env["mentoring.billing.entry"].with_user(self.finance_user).browse(encounter.id)

    def test_a_meeting_held_during_internship_stays_unbilled_after_certification(self):
        """The payer does not pay for interns: a 45-minute meeting held as an intern is 0 units,
        and still 0 at 60 minutes once the mentor is certified; a 60-minute meeting held after
        certification is (60 + 7) // 15 = 4 units."""
        self.mentor.sudo().write({"state": "intern"})
        held_as_intern = self.billable_encounter(10.0, 10.75, day=self.days_ago(10))
        held_as_intern.action_confirm()
        self.assertEqual(held_as_intern.billed_units, 0)
        self.mentor.with_user(self.manager_user).action_certify()
        held_as_intern.with_user(self.coordinator_user).write({"end_time": 11.0})
        self.assertEqual(held_as_intern.duration_minutes, 60)
        self.assertEqual(held_as_intern.billed_units, 0)
        self.assertIn("internship", held_as_intern.not_billed_reason)
        self.assertEqual(held_as_intern.mentor_credential, "intern")
        held_as_certified = self.billable_encounter(10.0, 11.0, day=self.today)
        with self.late_today():
            held_as_certified.action_confirm()
        self.assertEqual(held_as_certified.billed_units, 4)
        self.assertEqual(held_as_certified.mentor_credential, "certified")

    def test_an_expired_authorisation_still_covers_the_meetings_dated_inside_it(self):
        """20 units from 60 to 5 days ago, marked expired: a 45-minute meeting of 10 days ago
        written up today is billed 3 units on it, leaving 17."""
        self.authorization.sudo().action_cancel()
        old = self.create_authorization("AUTH-OLD", units=20, date_to=self.days_ago(5))
        self.env["mentoring.authorization"]._cron_check_authorizations()
        self.assertEqual(old.state, "expired")
        late = self.billable_encounter(10.0, 10.75, day=self.days_ago(10))
        late.action_confirm()
        self.assertEqual((late.authorization_id, late.billed_units), (old, 3))
        self.assertEqual((old.state, old.units_remaining), ("expired", 17))

    def test_a_meeting_before_the_match_closed_is_written_up_late(self):
        """Closed today: a meeting of 3 days ago is logged and confirmed afterwards (45 minutes,
        3 units); one dated after the closing day is refused."""
        self.close_match(self.match.with_user(self.coordinator_user), "planned_end")
        # A closed match's records are changed only by a coordinator: they write up the meeting.
        late = (
            self.env["mentoring.encounter"]
            .with_user(self.coordinator_user)
            .create(
                {
                    "match_id": self.match.id,
                    "date": self.days_ago(3),
                    "start_time": 10.0,
                    "end_time": 10.75,
                    "location_type": "agency",
                    "goal_id": self.goal.id,
                    "progress": "met",
                    "mentor_signed_on": self.days_ago(3),
                    "mentee_signed_on": self.days_ago(3),
                }
            )
        )
        late.action_confirm()
        self.assertEqual((late.state, late.sudo().billed_units), ("confirmed", 3))
        self.match.sudo().write({"date_closed": self.days_ago(5)})
        with self.assertRefused(UserError, "introduced or active"):
            self.billable_encounter(14.0, 14.75, day=self.days_ago(3))

    def test_late_entries_are_billed_within_the_timely_filing_window(self):
        """90 days by default: a meeting of 90 days ago is billed (45 minutes, 3 units), one of
        91 days ago is confirmed, not billed, and needs attention."""
        self.assertEqual(self.env["mentoring.billing.profile"].create({"name": "New"}).timely_filing_days, 90)
        auth = self.create_authorization("AUTH-LONG", units=40, date_from=self.days_ago(200))
        in_time = self.billable_encounter(10.0, 10.75, day=self.days_ago(90))
        too_late = self.billable_encounter(10.0, 10.75, day=self.days_ago(91))
        (in_time | too_late).action_confirm()
        self.assertEqual((in_time.authorization_id, in_time.billed_units), (auth, 3))
        self.assertEqual((too_late.state, too_late.billed_units), ("confirmed", 0))
        self.assertTrue(too_late.needs_billing_attention)
        self.assertIn("timely-filing limit of 90 days", too_late.not_billed_reason)
        self.assertIn("timely-filing", self.entry(too_late).attention_reason)
        self.assertAlmostEqual(auth.units_used, 3)

    def test_a_member_who_changes_payer_is_billed_by_the_payer_covering_the_date(self):
        """Covered by A until 10 days ago (AUTH-1 still open, expiring first), by B from 9 days
        ago: a 60-minute meeting of 5 days ago is 4 units on B's authorisation with B's member
        ID; one of 20 days ago is 4 units on A's with A's member ID."""
        payer_b = self.env["res.partner"].create({"name": "Harbor Care MCO", "is_mentoring_payer": True})
        Coverage = self.env["mentoring.mentee.coverage"].with_user(self.coordinator_user)
        Coverage.create(
            [
                {
                    "mentee_id": self.mentee.id,
                    "payer_id": self.payer.id,
                    "member_id": "A-111",
                    "date_from": self.days_ago(200),
                    "date_to": self.days_ago(10),
                },
                {
                    "mentee_id": self.mentee.id,
                    "payer_id": payer_b.id,
                    "member_id": "B-222",
                    "date_from": self.days_ago(9),
                },
            ]
        )
        self.assertEqual((self.mentee.payer_id, self.mentee.member_id), (payer_b, "B-222"))
        auth_b = self.env["mentoring.authorization"].create(
            {
                "name": "AUTH-B",
                "payer_id": payer_b.id,
                "mentee_id": self.mentee.id,
                "program_id": self.program.id,
                "date_from": self.days_ago(9),
                "date_to": self.today + timedelta(days=90),
                "units_authorized": 40,
                "price_unit": 15.0,
            }
        )
        auth_b.action_approve()
        with_b = self.billable_encounter(10.0, 11.0, day=self.days_ago(5))
        with_a = self.billable_encounter(10.0, 11.0, day=self.days_ago(20))
        (with_b | with_a).action_confirm()
        self.assertEqual((with_b.authorization_id, with_b.billed_units), (auth_b, 4))
        self.assertEqual((with_a.authorization_id, with_a.billed_units), (self.authorization, 4))
        self.assertEqual((self.entry(with_b).member_id, self.entry(with_b).payer_id), ("B-222", payer_b))
        self.assertEqual((self.entry(with_a).member_id, self.entry(with_a).payer_id), ("A-111", self.payer))
        self.assertEqual(auth_b.with_user(self.finance_user).member_id, "B-222")
        move = self.invoice(auth_b.sale_order_id)
        values = (
            self.env["report.peer_mentoring.report_service_detail"]
            .with_user(self.finance_user)
            ._get_report_values(move.ids)
        )
        days = values["days_by_move"][move.id]
        self.assertEqual([row["member"] for day in days for row in day["rows"]], ["B-222"])
        self.assertEqual([day["member"] for day in days], ["B-222"])

    def test_a_payer_requiring_a_member_id_is_not_billed_without_one(self):
        self.assertTrue(self.profile.requires_member_id)
        self.mentee.sudo().member_id = False
        meeting = self.billable_encounter(10.0, 10.75)
        meeting.action_confirm()
        self.assertEqual((meeting.state, meeting.billed_units), ("confirmed", 0))
        self.assertTrue(meeting.needs_billing_attention)
        self.assertIn("no member ID", meeting.not_billed_reason)
        self.profile.requires_member_id = False
        other = self.billable_encounter(14.0, 14.75)
        other.action_confirm()
        self.assertEqual(other.billed_units, 3)

    def test_coverage_is_read_by_the_mentees_people_not_by_finance(self):
        coverage = self.env["mentoring.mentee.coverage"].create(
            {
                "mentee_id": self.mentee.id,
                "payer_id": self.payer.id,
                "member_id": "A-1",
                "date_from": self.today,
            }
        )
        self.assertEqual(coverage.with_user(self.mentor_user).member_id, "A-1")
        coverage.with_user(self.coordinator_user).member_id = "A-2"
        with self.assertRaises(AccessError):
            coverage.with_user(self.mentor_user).write({"member_id": "X"})
        with self.assertRaises(AccessError):
            self.env["mentoring.mentee.coverage"].with_user(self.finance_user).search([])
        with self.assertRaises(AccessError):
            self.env["mentoring.mentee.coverage"].with_user(self.coordinator_b_user).create(
                {
                    "mentee_id": self.mentee.id,
                    "payer_id": self.payer.id,
                    "date_from": self.days_ago(400),
                    "date_to": self.days_ago(300),
                }
            )

    def test_an_authorisation_is_for_a_payer_covering_the_mentee(self):
        other = self.env["res.partner"].create({"name": "Other MCO", "is_mentoring_payer": True})
        self.env["mentoring.mentee.coverage"].create(
            {
                "mentee_id": self.mentee.id,
                "payer_id": self.payer.id,
                "member_id": "A-1",
                "date_from": self.today,
            }
        )
        with self.assertRefused(ValidationError, "does not cover"):
            self.env["mentoring.authorization"].create(
                {
                    "name": "AUTH-X",
                    "payer_id": other.id,
                    "mentee_id": self.mentee.id,
                    "program_id": self.program.id,
                    "date_from": self.today,
                    "date_to": self.today + timedelta(days=30),
                    "units_authorized": 10,
                }
            )
        with self.assertRefused(ValidationError, "already covered"):
            self.env["mentoring.mentee.coverage"].create(
                {
                    "mentee_id": self.mentee.id,
                    "payer_id": other.id,
                    "date_from": self.today + timedelta(days=5),
                }
            )
