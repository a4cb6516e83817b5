from datetime import timedelta

from odoo.tests import tagged

from .common_outcomes import OutcomesCase

BOARD_SPEC = {
    "kind": {},
    "detail": {},
    "fact": {},
    "program_id": {"fields": {"display_name": {}}},
}


@tagged("post_install", "-at_install")
class TestOutcomesQueryCounts(OutcomesCase):
    """Query counts, not time: the funder report and a coordinator's Needs doing cost the same
    queries for 10 relationships as for 40 (scripts/bench_outcomes.py and
    scripts/bench_needs_doing.py measure them at 10,000 and a million meetings)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program.sudo().max_mentees_per_mentor = 100
        (cls.mentor | cls.mentor_b).sudo().capacity = 100

    def add_pairs(self, count):
        """`count` active relationships begun 200 days ago, each with a confirmed meeting 40
        days ago or more, and a signed plan of two goals rated at a review; each puts two cards on
        Needs doing (no meeting for 30 days or a check-in, and the plan's review)."""
        start = self.today - timedelta(days=200)
        made = self.env["mentoring.match"].search_count([("mentee_id.name", "=like", "Volume person %")])
        for i in range(made, made + count):
            mentee = self.create_mentee(f"Volume person {i}")
            match = self.create_active_match(self.mentor if i % 2 else self.mentor_b, mentee)
            match.sudo().date_start = start
            self.create_encounter(
                match, date=self.today - timedelta(days=40 + i), start_time=10.0, end_time=11.0
            ).action_confirm()
            plan = self.signed_plan(match, [("Cook", "Cooks a meal", {}), ("Bus", "Takes the bus", {})])
            plan.sudo().next_review_date = self.today + timedelta(days=2)
            review = (self.today - timedelta(days=30)).isoformat()
            for goal in plan.goal_ids:
                self.rate(goal, review, mentee=i % 3 - 1, mentor=0)
        self.env.flush_all()

    def count_queries(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        func()
        return self.cr.sql_log_count - start

    def report_queries(self):
        report = self.funder_report(
            user=self.coordinator_user, period=(self.today - timedelta(days=365), self.today)
        )
        self.count_queries(report._report_sections)  # warm the access-rule caches, as a second visit
        return self.count_queries(report._report_sections)

    def board_queries(self):
        Board = self.env["mentoring.overview.item"].with_user(self.coordinator_user)

        def open_board():
            result = Board.web_read_group(
                [],
                ["board_column"],
                ["__count"],
                auto_unfold=True,
                unfold_read_specification=BOARD_SPEC,
                unfold_read_default_limit=80,
            )
            return sum(len(group.get("__records", [])) for group in result["groups"])

        open_board()  # warm the access-rule caches, as a second visit
        cards = []
        queries = self.count_queries(lambda: cards.append(open_board()))
        return queries, cards[0]

    def test_funder_report_costs_the_same_queries_for_10_or_40_relationships(self):
        self.add_pairs(10)
        small = self.report_queries()
        self.add_pairs(30)
        large = self.report_queries()
        self.assertEqual(small, large, f"{small} queries with 10 relationships, {large} with 40")

    def test_needs_doing_costs_the_same_queries_for_10_or_40_relationships(self):
        self.add_pairs(10)
        small, small_cards = self.board_queries()
        self.add_pairs(30)
        large, large_cards = self.board_queries()
        self.assertGreaterEqual(
            large_cards, small_cards + 60, "each new relationship puts two cards on the board"
        )
        self.assertEqual(small, large, f"{small} queries for {small_cards} cards, {large} for {large_cards}")
