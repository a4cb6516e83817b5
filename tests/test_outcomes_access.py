"""Issue 20: goal ratings and the funder report, from the side of each role that must not see
or change them."""

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common_outcomes import OutcomesCase


@tagged("post_install", "-at_install")
class TestGoalRatingAccess(OutcomesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Mentor A's own (fixture) match, and mentor B's.
        cls.plan_a = cls.signed_plan(cls.match, [("Find a job", "Two interviews", {})])
        cls.plan_b = cls.signed_plan(cls.match_b, [("Cook", "Cook twice a week", {})])
        cls.rating_a = cls.env["mentoring.goal.rating"].create(
            {"goal_id": cls.plan_a.goal_ids.id, "rater": "mentor", "score": "1"}
        )

    def test_mentor_rates_their_own_goals_only(self):
        Rating = self.env["mentoring.goal.rating"].with_user(self.mentor_user)
        mine = Rating.create({"goal_id": self.plan_a.goal_ids.id, "rater": "mentee", "score": "2"})
        self.assertEqual(mine.score_value, 2)
        with self.assertRaises(AccessError):
            Rating.create({"goal_id": self.plan_b.goal_ids.id, "rater": "mentee", "score": "2"})
        self.assertFalse(
            self.env["mentoring.goal.rating"]
            .with_user(self.mentor_b_user)
            .search([("id", "=", self.rating_a.id)])
        )
        with self.assertRaises(AccessError):
            self.rating_a.with_user(self.mentor_b_user).read(["score"])
        with self.assertRaises(AccessError):
            self.rating_a.with_user(self.mentor_b_user).write({"score": "-2"})

    def test_supervisor_reads_but_does_not_rate(self):
        self.assertEqual(self.rating_a.with_user(self.supervisor_user).score, "1")
        with self.assertRaises(AccessError):
            self.rating_a.with_user(self.supervisor_user).write({"score": "-2"})

    def test_coordinator_of_another_programme_hr_and_finance_see_nothing(self):
        Rating = self.env["mentoring.goal.rating"]
        self.assertFalse(Rating.with_user(self.coordinator_b_user).search([("id", "=", self.rating_a.id)]))
        self.assertFalse(
            Rating.with_user(self.coordinator_b_user).formatted_read_group([], ["score"], ["__count"])
        )
        for user in (self.coordinator_b_user, self.hr_user, self.finance_user, self.sales_user):
            with self.assertRaises(AccessError, msg=user.login):
                self.rating_a.with_user(user).read(["score"])
        for user in (self.hr_user, self.finance_user, self.sales_user):
            with self.assertRaises(AccessError, msg=user.login):
                Rating.with_user(user).search([])

    def test_a_rating_stays_with_its_goal_review_and_side(self):
        rating = self.rating_a.with_user(self.coordinator_user)
        for vals in (
            {"goal_id": self.plan_b.goal_ids.id},
            {"review_date": "2025-01-01"},
            {"rater": "mentee"},
        ):
            with self.assertRefused(UserError, "."):
                rating.write(vals)
        rating.write({"score": "-1"})
        self.assertEqual(rating.score_value, -1)

    def test_goals_are_rated_on_a_signed_plan_in_use_once_per_side(self):
        draft = self.env["mentoring.plan"].create(
            {"match_id": self.match.id, "goal_ids": [Command.create({"name": "Draft goal"})]}
        )
        with self.assertRefused(UserError, "signed plan"):
            self.env["mentoring.goal.rating"].with_user(self.coordinator_user).create(
                {"goal_id": draft.goal_ids.id, "rater": "mentor"}
            )
        with self.assertRefused(UserError, "signed plan"):
            draft.with_user(self.coordinator_user).action_rate_goals()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["mentoring.goal.rating"].create(
                    {"goal_id": self.plan_a.goal_ids.id, "rater": "mentor"}
                )

    def test_the_expected_outcome_keeps_to_the_signed_wording(self):
        with self.assertRefused(UserError, "keep their wording"):
            self.plan_a.goal_ids.with_user(self.coordinator_user).expected_outcome = "Anything"


@tagged("post_install", "-at_install")
class TestFunderReportAccess(OutcomesCase):
    def test_coordinator_of_another_programme_cannot_make_or_read_it(self):
        with self.assertRaises(AccessError):
            self.funder_report(user=self.coordinator_b_user)
        report = self.funder_report(user=self.coordinator_user)
        with self.assertRaises(AccessError):
            report.with_user(self.coordinator_b_user)._report_sections()
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.coordinator_b_user)._render_qweb_html(
                "peer_mentoring.funder_report_pdf", report.ids
            )
        with self.assertRaises(AccessError):
            report.with_user(self.coordinator_b_user)._xlsx_content()

    def test_the_form_offers_only_the_programmes_one_may_report_on(self):
        Report = self.env["mentoring.funder.report"]
        offered = Report.with_user(self.coordinator_b_user).new({}).allowed_program_ids._origin
        self.assertEqual(offered, self.other_program)
        self.assertEqual(
            Report.with_user(self.coordinator_b_user).default_get(["program_id"])["program_id"],
            self.other_program.id,
        )

    def test_coordinators_report_counts_only_their_programme(self):
        # The other programme's relationships in 2025 add nothing to this one's.
        other = self.create_active_match(
            self.mentor, self.create_mentee("Elsewhere", program=self.other_program), self.other_program
        )
        other.sudo().date_start = self.period[0]
        self.assertEqual(self.funder_report(user=self.coordinator_user)._measure_matches(), 7)
        self.assertEqual(
            self.funder_report(user=self.coordinator_b_user, program=self.other_program)._measure_matches(), 1
        )

    def test_figures_views_count_only_the_coordinators_programmes(self):
        action = self.env.ref("peer_mentoring.mentoring_match_action_outcomes")
        groups = (
            self.env["mentoring.match"]
            .with_user(self.coordinator_b_user)
            .formatted_read_group(safe_eval(action.domain), ["program_id"], ["__count"])
        )
        self.assertEqual(
            groups, [], "the other programme has no relationship; this one's ten are not counted"
        )
        mine = self.env["mentoring.match"].with_user(self.coordinator_user)
        groups = mine.formatted_read_group(safe_eval(action.domain), ["program_id"], ["__count"])
        # The fixtures' two matches and the eight of the fixed year (m8 closed counts too).
        self.assertEqual([(g["program_id"][0], g["__count"]) for g in groups], [(self.program.id, 10)])

    def test_mentors_supervisors_and_hr_have_no_funder_report(self):
        for user in (self.mentor_user, self.supervisor_user, self.hr_user, self.sales_user):
            with self.assertRaises(AccessError, msg=user.login):
                self.funder_report(user=user)

    def test_finance_sees_the_billing_figures_only(self):
        report = self.funder_report(user=self.finance_user)
        titles = [section["title"] for section in report._report_sections()]
        self.assertEqual(titles, ["Billing (units)"])
        managers = self.funder_report(user=self.manager_user)._report_sections()
        self.assertEqual(len(managers), 6)
