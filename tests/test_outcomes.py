"""Issue 20: goal attainment and the funder report's figures, against numbers worked out by
hand on the fixed year of tests/common_outcomes.py."""

import math

from odoo import Command, fields
from odoo.tests import tagged

from ..models.mentoring_funder_report import PEOPLE_GROUPS, suppress
from ..models.mentoring_goal_rating import gas_t_score
from .common_outcomes import OutcomesCase


@tagged("post_install", "-at_install")
class TestGoalAttainment(OutcomesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # P1: two goals, rated twice in 2025; the last review counts.
        cls.plan_p1 = cls.signed_plan(
            cls.m["m1"], [("Find a job", "Two interviews", {}), ("Cook", "Cook twice a week", {})]
        )
        g1, g2 = cls.plan_p1.goal_ids
        cls.rate(g1, "2025-06-01", mentee=1, mentor=1)
        cls.rate(g2, "2025-06-01", mentee=0, mentor=-1)
        cls.rate(g1, "2025-11-01", mentee=2, mentor=1)
        cls.rate(g2, "2025-11-01", mentee=0, mentor=0)
        # P2: one goal weighs twice; only the mentor rated it.
        cls.plan_p2 = cls.signed_plan(
            cls.m["m2"], [("Take the bus", "Alone to work", {"weight": 2}), ("Save", "£20 a month", {})]
        )
        g3, g4 = cls.plan_p2.goal_ids
        cls.rate(g3, "2025-07-01", mentor=-1)
        cls.rate(g4, "2025-07-01", mentee=1, mentor=1)
        cls.rate(g3, "2026-01-05", mentee=2, mentor=2)  # after the year
        g4.status = "achieved"
        # P6: rated, then one goal dropped and the other reworded in a new version.
        cls.plan_p6 = cls.signed_plan(
            cls.m["m6"], [("Shop alone", "Shop alone weekly", {}), ("Swim", "Swim 10 lengths", {})]
        )
        cls.g5, cls.g6 = cls.plan_p6.goal_ids
        cls.rate(cls.g5, "2025-08-01", mentee=-2, mentor=-2)
        cls.rate(cls.g6, "2025-08-01", mentee=0, mentor=0)
        cls.g6.status = "changed"

    def test_formula_is_kiresuk_and_sherman(self):
        # One goal at +1: 50 + 10·1/√(0.7 + 0.3) = 60.
        self.assertAlmostEqual(gas_t_score([(1, 1)]), 60.0)
        # Three goals at 0 whatever the weights: 50.
        self.assertAlmostEqual(gas_t_score([(0, 1), (0, 3), (0, 2)]), 50.0)
        # Two goals at +2 and −1, weights 1: 50 + 10·1/√(0.7·2 + 0.3·4) = 56.20.
        self.assertAlmostEqual(gas_t_score([(2, 1), (-1, 1)]), 50 + 10 / math.sqrt(2.6))
        self.assertIsNone(gas_t_score([]))

    def test_person_scores_from_the_last_review_in_the_period(self):
        report = self.funder_report()
        scores = report._ratings()._person_t_scores()
        P = self.people
        # P1: g1 (2+1)/2 = 1.5 and g2 (0+0)/2 = 0 → 50 + 15/√2.6 = 59.30.
        self.assertAlmostEqual(scores[P["P1"]], 50 + 15 / math.sqrt(2.6), places=6)
        # P2: g3 −1 (weight 2, mentor only), g4 +1 → 50 + 10·(−1)/√(0.7·5 + 0.3·9) = 45.98.
        self.assertAlmostEqual(scores[P["P2"]], 50 - 10 / math.sqrt(6.2), places=6)
        # P6: g6 is no longer a goal → only g5 at −2 → 30.
        self.assertAlmostEqual(scores[P["P6"]], 30.0)
        self.assertAlmostEqual(self.plan_p1.attainment_t_score, 59.3, places=1)

    def test_goal_changed_after_review_counts_the_new_version_once_rated(self):
        self.plan_p6.action_new_version()
        v2 = self.env["mentoring.plan"].search([("match_id", "=", self.m["m6"].id), ("version", "=", 2)])
        reworded = v2.goal_ids.filtered(lambda g: g.status != "changed")
        reworded.write({"name": "Shop with a friend", "expected_outcome": "Shop with a friend weekly"})
        v2.write({"mentor_signed_on": self.yesterday, "mentee_signed_on": self.yesterday})
        v2.action_sign()
        report = self.funder_report()
        # Until v2 is rated, v1's ratings stand (30); once rated, only v2 counts: (0+1)/2 → 55.
        self.assertAlmostEqual(report._ratings()._person_t_scores()[self.people["P6"]], 30.0)
        self.rate(reworded, "2025-10-01", mentee=0, mentor=1)
        self.assertAlmostEqual(report._ratings()._person_t_scores()[self.people["P6"]], 55.0)
        # Programme: mean of 59.30, 45.98 and 55 = 53.4; goals rated 5 (g1, g2, g3, g4, the new
        # g5), 4 of them at or above what was hoped for (g3 at −1 is not).
        self.assertEqual(report._measure_attainment_t_score(), 53.4)
        self.assertEqual(report._measure_goals_rated(), 5)
        self.assertEqual(report._measure_goals_as_hoped(), 4)
        self.assertEqual(report._measure_people_rated(), 3)
        # Goals in the signed plans in use: g1, g2, g3, g4 and the new g5 (v1 is superseded,
        # g6 is no longer a goal); achieved: g4.
        self.assertEqual(report._measure_goals_set(), 5)
        self.assertEqual(report._measure_goals_achieved(), 1)

    def test_rate_the_goals_makes_a_row_per_goal_and_side_once(self):
        plan = self.plan_p6.with_user(self.coordinator_user)
        plan.action_rate_goals()
        plan.action_rate_goals()
        review = fields.Date.context_today(plan)  # the coordinator's today
        today = self.env["mentoring.goal.rating"].search(
            [("plan_id", "=", self.plan_p6.id), ("review_date", "=", review)]
        )
        self.assertEqual(today.goal_id, self.g5, "a goal that is no longer a goal is not rated")
        self.assertEqual(sorted(today.mapped("rater")), ["mentee", "mentor"])

    def test_plan_pdf_shows_what_we_hope_for_and_the_ratings(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("peer_mentoring.mentoring_plan_report", self.plan_p1.ids)[0]
            .decode()
        )
        self.assertIn("Two interviews", html)
        self.assertIn("Much more than we hoped", html)
        self.assertIn("59.3", html)


@tagged("post_install", "-at_install")
class TestFunderFigures(OutcomesCase):
    def test_people_and_relationships_worked_out_by_hand(self):
        r = self.funder_report()
        figures = {key: getattr(r, f"_measure_{key}")() for key in (
            "people_served", "people_continuing", "people_new", "mentors_active",
            "matches", "matches_continuing", "matches_new", "matches_closed",
            "ended_under_3", "ended_3_to_12", "ended_under_12", "ended_12_plus",
            "meetings", "meeting_hours", "evaluations",
        )}  # fmt: skip
        self.assertEqual(
            figures,
            {
                # P1..P6 (P3 twice, counted once; P7 ended in 2024); P1, P2, P5 began before.
                "people_served": 6, "people_continuing": 3, "people_new": 3,
                "mentors_active": 2,
                # m1..m7 (m2 reopened after hold is one relationship); m1, m2, m5 began before.
                "matches": 7, "matches_continuing": 3, "matches_new": 4,
                # m3 after 1.5 months (no meetings), m4 after 7, m5 after 12.7.
                "matches_closed": 3, "ended_under_3": 1, "ended_3_to_12": 1, "ended_under_12": 2,
                "ended_12_plus": 1,
                # 60 + 90 (m1) + 60 (m2) + 60 (m4) minutes; 2024's meeting and the draft left out.
                "meetings": 4, "meeting_hours": 4.5,
                "evaluations": 0,
            },
        )  # fmt: skip

    def test_evaluations_completed_in_the_period(self):
        template = self.env["mentoring.evaluation.template"]._default_for("feedback_mentor", self.company)
        for day, score, state in (
            ("2025-03-01", 4, "done"),
            ("2025-09-01", 2, "done"),
            ("2025-10-01", 5, "draft"),  # not completed
            ("2024-12-01", 1, "done"),  # before the year
        ):
            evaluation = self.env["mentoring.evaluation"].create(
                {"template_id": template.id, "match_id": self.m["m1"].id, "date": day}
            )
            scored = evaluation.answer_ids.filtered(lambda a: a.answer_type == "score")
            self.assertTrue(scored, "the feedback form has scored questions")
            scored.write({"score": score})
            evaluation.sudo().state = state
        report = self.funder_report()
        # Two completed in 2025, averaging 4 and 2: 3.0 (shown only from 5 evaluations on).
        self.assertEqual(report._measure_evaluations(), 2)
        self.assertEqual(report._measure_evaluation_average(), 3.0)
        rows = dict(row for section in report._report_sections() for row in section["rows"])
        self.assertEqual(rows["Evaluations completed"], "fewer than 5")
        self.assertEqual(rows["Average score"], "not shown")

    def test_billing_figures_are_zero_for_a_programme_that_bills_nobody(self):
        r = self.funder_report()
        for key in ("units_authorized", "units_delivered", "units_invoiced", "units_paid", "units_denied"):
            self.assertEqual(getattr(r, f"_measure_{key}")(), 0, key)


@tagged("post_install", "-at_install")
class TestSuppression(OutcomesCase):
    def assertNothingWorkedOut(self, counts, hidden):
        for key, value in counts.items():
            if 1 <= value <= 4:
                self.assertIn(key, hidden, f"{key} = {value} is shown")
        for parts, total in PEOPLE_GROUPS:
            if parts:
                n = sum(1 for cell in (*parts, total) if cell in hidden)
                self.assertNotEqual(n, 1, f"{parts} → {total}: one hidden cell is worked out by subtraction")

    def test_complementary_cell_is_the_next_smallest(self):
        counts = dict.fromkeys(
            ("mentors_active", "matches", "matches_continuing", "matches_new", "people_rated", "evaluations"),
            0,
        )
        counts.update(people_served=12, people_continuing=3, people_new=9)
        # 0 before 3 months, 3 between 3 and 12, 9 after: the 3 hides the sum before 12 (also
        # 3), and then the 9, so that 12 − 9 does not give it away.
        counts.update(ended_under_3=0, ended_3_to_12=3, ended_under_12=3, ended_12_plus=9, matches_closed=12)
        hidden = suppress(counts)
        self.assertEqual(hidden["people_continuing"], "small")
        self.assertEqual(hidden["people_new"], "complement")
        self.assertEqual(hidden["ended_12_plus"], "complement")
        self.assertNotIn("people_served", hidden)
        self.assertNotIn("matches_closed", hidden)
        self.assertNothingWorkedOut(counts, hidden)

    def test_programme_of_three_people_shows_no_count_under_five(self):
        program = self.env["mentoring.program"].create(
            {
                "name": "Small town",
                "code": "TST",
                "coordinator_ids": [Command.set(self.coordinator_user.ids)],
                "max_mentees_per_mentor": 10,
            }
        )
        self.mentor.sudo().program_ids |= program
        for i in range(3):
            match = self.create_active_match(
                self.mentor, self.create_mentee(f"Small {i}", program=program), program
            )
            match.sudo().date_start = self.period[0]
        match.sudo().write({"state": "closed", "date_closed": self.period[1], "closure_reason": "goals_met"})
        report = self.funder_report(user=self.coordinator_user, program=program)
        counts = report._people_counts()
        self.assertEqual(counts["people_served"], 3)
        self.assertNothingWorkedOut(counts, suppress(counts))
        for section in report._report_sections():
            for label, value in section["rows"]:
                self.assertNotIn(value, (1, 2, 3, 4), f"{label} shows {value}")
        # The year worked out by hand: 6 people and 7 relationships are shown, nothing else.
        rows = dict(r for s in self.funder_report()._report_sections() for r in s["rows"])
        self.assertEqual(rows["People mentored in the period"], 6)
        self.assertEqual(rows["Relationships in the period"], 7)
        self.assertEqual(rows["… ended before 3 months"], "fewer than 5")
        self.assertEqual(rows["Share ended before 3 months"], "not shown")

    def test_pdf_and_xlsx_carry_the_same_rows(self):
        report = self.funder_report(user=self.coordinator_user)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.coordinator_user)
            ._render_qweb_html("peer_mentoring.funder_report_pdf", report.ids)[0]
            .decode()
        )
        self.assertIn("fewer than 5", html)
        self.assertIn("Hours of meetings", html)
        content = report._xlsx_content()
        self.assertEqual(content[:2], b"PK")
