from datetime import timedelta

from odoo.tests import tagged

from .common import MentoringBillingCase, MentoringCase

LIST_FIELDS = [
    "date",
    "start_time",
    "end_time",
    "duration_minutes",
    "mentee_id",
    "mentor_id",
    "location_type",
    "state",
]


@tagged("post_install", "-at_install")
class TestPerformance(MentoringCase):
    """Query counts, not time: confirming a batch and listing as a mentor must not cost more
    queries per encounter as the volume grows."""

    def create_drafts(self, count, first_day_back):
        """`count` half-hour meetings, twenty a day, from `first_day_back` days ago backwards."""
        return self.env["mentoring.encounter"].create(
            [
                {
                    "match_id": self.match.id,
                    "date": self.today - timedelta(days=first_day_back + i // 20),
                    "start_time": (i % 20) * 1.0,
                    "end_time": (i % 20) * 1.0 + 0.5,
                    "progress": "met",
                }
                for i in range(count)
            ]
        )

    def count_queries(self, func):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        func()
        return self.cr.sql_log_count - start

    def test_queries_per_confirmed_encounter_do_not_grow(self):
        small = self.create_drafts(10, first_day_back=2)
        large = self.create_drafts(40, first_day_back=10)
        q_small = self.count_queries(small.action_confirm)
        q_large = self.count_queries(large.action_confirm)
        self.assertLessEqual(q_large / 40, q_small / 10, f"{q_small} queries for 10, {q_large} for 40")

    def test_mentor_list_costs_the_same_queries_for_10_or_100_encounters(self):
        Encounter = self.env["mentoring.encounter"].with_user(self.mentor_user)
        self.create_drafts(10, first_day_back=2)
        Encounter.search_read([], LIST_FIELDS, limit=80)  # warm the access-rule caches
        q_small = self.count_queries(lambda: Encounter.search_read([], LIST_FIELDS, limit=80))
        self.create_drafts(90, first_day_back=10)
        q_large = self.count_queries(lambda: Encounter.search_read([], LIST_FIELDS, limit=80))
        self.assertEqual(q_small, q_large)


@tagged("post_install", "-at_install")
class TestBillingPerformance(MentoringBillingCase):
    def create_billable(self, count, first_day_back):
        return self.env["mentoring.encounter"].create(
            [
                {
                    "match_id": self.match.id,
                    "date": self.today - timedelta(days=first_day_back + i // 4),
                    "start_time": 8.0 + (i % 4),
                    "end_time": 8.25 + (i % 4),
                    "progress": "met",
                    "goal_id": self.goal.id,
                    "mentor_signed_on": self.yesterday,
                    "mentee_signed_on": self.yesterday,
                }
                for i in range(count)
            ]
        )

    def count_queries(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.cr.sql_log_count - start

    def test_queries_per_billed_encounter_do_not_grow(self):
        self.authorization.write({"date_from": self.today - timedelta(days=59)})
        small = self.create_billable(8, first_day_back=2)
        large = self.create_billable(32, first_day_back=10)
        q_small = self.count_queries(small.action_confirm)
        q_large = self.count_queries(large.action_confirm)
        self.assertEqual(len(large.timesheet_ids), 32)
        self.assertLessEqual(q_large / 32, q_small / 8, f"{q_small} queries for 8, {q_large} for 32")
