"""Issue 19.2: when the coordinator's next check-in with a match is due, on fixed dates, and the
daily job that gives the activity once."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.tests import tagged

from ..models.mentoring_match_checkin import next_checkin_due
from .common_checkin import CheckinCase
from .common_jobs import DailyJobCase

START = date(2026, 3, 2)


def day(n):
    return START + timedelta(days=n)


@tagged("post_install", "-at_install")
class TestCheckinCadence(CheckinCase, DailyJobCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.match.date_start = START
        cls.activity_type = cls.env.ref("peer_mentoring.mail_activity_type_checkin_due")

    def due(self):
        self.env.invalidate_all()
        return self.match.checkin_due_date

    def overdue_on(self, n):
        with freeze_time(day(n)):
            self.env.invalidate_all()
            return self.match.checkin_overdue

    def test_rule_twice_in_the_first_month_then_monthly(self):
        # The default: the first by day 14, the second by day 30, then a month after the last.
        self.assertEqual(next_checkin_due(START, [], 2, 1), day(14))
        self.assertEqual(next_checkin_due(START, [day(3)], 2, 1), day(30))
        self.assertEqual(next_checkin_due(START, [day(3), day(20)], 2, 1), day(30) + relativedelta(months=1))
        self.assertEqual(next_checkin_due(START, [day(20), day(30)], 2, 1), day(30) + relativedelta(months=1))
        # A check-in missed in the first month stays due until the next one, which is late;
        # the monthly rhythm goes on from that one (never overdue for ever).
        self.assertEqual(next_checkin_due(START, [day(5)], 2, 1), day(30))
        self.assertEqual(next_checkin_due(START, [day(5), day(31)], 2, 1), day(31) + relativedelta(months=1))
        self.assertEqual(
            next_checkin_due(START, [day(5), day(31), day(61)], 2, 1), day(61) + relativedelta(months=1)
        )
        # Before the start does not count; four in the first month is weekly.
        self.assertEqual(next_checkin_due(START, [START - timedelta(days=1)], 2, 1), day(14))
        self.assertEqual(next_checkin_due(START, [], 4, 1), day(7))
        self.assertEqual(next_checkin_due(START, [day(1), day(2), day(3)], 4, 1), day(30))
        self.assertEqual(next_checkin_due(START, [day(2), day(40)], 1, 2), day(40) + relativedelta(months=2))

    def test_first_check_in_due_by_day_14(self):
        self.assertEqual(self.due(), day(14))
        self.assertFalse(self.overdue_on(14))
        self.assertTrue(self.overdue_on(15))

    def test_second_due_by_day_30_then_monthly(self):
        with freeze_time(day(10)):
            self.record_checkin(who="mentor", day=day(10))
            # The mentee's first is still due by day 14: the earliest side decides.
            self.assertEqual(self.due(), day(14))
            self.assertEqual(self.match.checkin_due_with, "mentee")
            self.record_checkin(who="mentee", day=day(10))
        self.assertEqual(self.due(), day(30))
        self.assertFalse(self.overdue_on(30))
        self.assertTrue(self.overdue_on(31))
        with freeze_time(day(30)):
            self.record_checkin(who="mentor", day=day(30))
            self.record_checkin(who="mentee", day=day(30))
        month_after = day(30) + relativedelta(months=1)
        self.assertEqual(self.due(), month_after)
        self.assertFalse(self.overdue_on((month_after - START).days))
        self.assertTrue(self.overdue_on((month_after - START).days + 1))

    def test_drafts_and_closed_matches_do_not_count(self):
        with freeze_time(day(10)):
            checkin = (
                self.env["mentoring.checkin"]
                .with_user(self.coordinator_user)
                .create({"match_id": self.match.id, "who": "mentor", "date": day(10)})
            )
        self.assertEqual(checkin.state, "draft")
        self.assertEqual(self.due(), day(14))
        self.match.action_hold()
        self.assertFalse(self.due())

    def test_guardian_side_where_the_programme_says_so(self):
        with freeze_time(day(10)):
            self.record_checkin(who="mentor", day=day(10))
            self.record_checkin(who="mentee", day=day(10))
            self.assertEqual(self.due(), day(30))
            with self.assertRefused(Exception, "does not check in with guardians"):
                self.record_checkin(who="guardian", day=day(10))
            self.program.checkin_with_guardian = True
            self.assertEqual(self.due(), day(14))
            self.assertEqual(self.match.checkin_due_with, "guardian")
            self.record_checkin(who="guardian", day=day(10), guardian_name="Mrs Rivera")
            self.assertEqual(self.due(), day(30))

    def test_programme_cadence(self):
        self.program.write({"checkin_first_month_count": 1, "checkin_interval_months": 2})
        self.assertEqual(self.due(), day(30))
        with freeze_time(day(5)):
            self.record_checkin(who="mentor", day=day(5))
            self.record_checkin(who="mentee", day=day(5))
        self.assertEqual(self.due(), day(30) + relativedelta(months=2))

    def test_cron_gives_one_activity_to_the_coordinator(self):
        Match = self.env["mentoring.match"]
        with freeze_time(day(13)):
            Match._cron_checkin_due()
        self.assertFalse(self.match.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type))
        with freeze_time(day(15)):
            Match._cron_checkin_due()
            Match._cron_checkin_due()
        with freeze_time(day(16)):
            Match._cron_checkin_due()
        activities = self.match.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.coordinator_user)
        self.assertEqual(activities.date_deadline, day(14))
        self.assertNotIn("Jamie", activities.note or "")
        # Recording one side is not enough: the activity stays, and no second one comes.
        with freeze_time(day(16)):
            self.record_checkin(who="mentor", day=day(16))
            Match._cron_checkin_due()
            self.assertEqual(
                len(self.match.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type)), 1
            )
            # Both sides checked in: the activity is done.
            self.record_checkin(who="mentee", day=day(16))
        self.assertFalse(self.match.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type))
        # Overdue again at the next due date: one new activity.
        with freeze_time(day(31)):
            Match._cron_checkin_due()
            Match._cron_checkin_due()
        self.assertEqual(
            len(self.match.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type)), 1
        )

    def test_the_job_works_in_batches_and_resumes_after_the_last_batch_committed(self):
        self.match_b.date_start = START
        matches = self.match | self.match_b
        Match = self.env["mentoring.match"]

        def run_job():
            with freeze_time(day(15)):
                Match._cron_checkin_due()

        def alerts():
            self.env.invalidate_all()
            return {
                match.id: len(match.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type))
                for match in matches
            }

        self.assertEqual(set(self.assert_batched_and_resumable(run_job, matches, alerts).values()), {1})

    def test_cron_never_gives_the_activity_to_the_match_mentor(self):
        # The match's coordinator is its mentor: the programme's other coordinator gets it.
        user, own_match = self.coordinator_mentor_match()
        own_match.write({"coordinator_id": user.id, "date_start": START})
        with freeze_time(day(15)):
            self.env["mentoring.match"]._cron_checkin_due()
        activity = own_match.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type)
        self.assertEqual(activity.user_id, self.coordinator_user)

    def test_needs_doing_cards(self):
        # The overview reads the database's date: dates relative to today.
        self.match.date_start = self.today - timedelta(days=20)
        self.match_b.date_start = self.today - timedelta(days=10)
        self.env.flush_all()
        Item = self.env["mentoring.overview.item"].with_user(self.coordinator_user)
        cards = Item.search([("kind", "in", ("checkin_due", "checkin_overdue"))])
        self.assertEqual(
            {(c.match_id, c.kind, c.due_date) for c in cards},
            {
                (self.match, "checkin_overdue", self.today - timedelta(days=6)),
                (self.match_b, "checkin_due", self.today + timedelta(days=4)),
            },
        )
        other = self.env["mentoring.overview.item"].with_user(self.coordinator_b_user)
        self.assertFalse(other.search([("kind", "in", ("checkin_due", "checkin_overdue"))]))
        self.record_checkin(match=self.match, who="mentor")
        self.record_checkin(match=self.match, who="mentee")
        self.env.flush_all()
        cards = Item.search([("kind", "in", ("checkin_due", "checkin_overdue"))])
        self.assertEqual(cards.match_id, self.match_b)
