"""Issue 20 item 2: the Workforce dashboard, worked out by hand, and who gets which dashboard."""

from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_internship import MentoringInternshipCase
from .test_dashboards import DashboardReading


@tagged("post_install", "-at_install")
class TestWorkforceDashboard(DashboardReading, MentoringInternshipCase):
    """Mentor A (certified, both programmes, supervised, made today), mentor B (certified, the
    first programme, no supervisor) and Ivy (intern in the first programme for 30 days, supervised
    every 7 days). Coordinator B's programme has mentor A only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.workforce = cls.env.ref("peer_mentoring.spreadsheet_dashboard_workforce")
        cls.rule.introductory_training_required = True
        cls.env["mentoring.mentor.training"].create(
            {"mentor_id": cls.mentor.id, "name": "Peer mentoring basics", "kind": "introductory", "hours": 8}
        ).sudo().state = "approved"

    def by_state(self, name, user):
        return {row["state"]: row["__count"] for row in self.read_pivot(self.workforce, name, user)}

    def test_mentors_by_stage_training_and_supervision_per_coordinator(self):
        coordinator, coordinator_b = self.coordinator_user, self.coordinator_b_user
        self.assertEqual(self.by_state("Mentors by stage", coordinator), {"certified": 2, "intern": 1})
        self.assertEqual(self.by_state("Mentors by stage", coordinator_b), {"certified": 1})
        # introductory training asked for: only mentor A has it
        self.assertEqual(self.by_state("Training up to date", coordinator), {"certified": 1})
        self.assertEqual(self.by_state("Training not up to date", coordinator), {"certified": 1, "intern": 1})
        self.assertEqual(self.by_state("Training up to date", coordinator_b), {"certified": 1})
        self.assertEqual(self.by_state("Training not up to date", coordinator_b), {})
        # mentor A: due in 30 days (on time); Ivy: due 7 days after becoming an intern 30 days
        # ago (overdue); mentor B has no supervisor, so no supervision is due
        self.assertEqual(self.by_state("Supervision on time", coordinator), {"certified": 1})
        self.assertEqual(self.by_state("Supervision overdue", coordinator), {"intern": 1})
        self.assertEqual(self.by_state("Supervision overdue", coordinator_b), {})
        # the supervisor counts the mentors they supervise: A and Ivy
        self.assertEqual(
            self.by_state("Mentors by stage", self.supervisor_user), {"certified": 1, "intern": 1}
        )

    def test_internships_completed_their_length_and_evaluation_averages(self):
        evaluation = self.evaluate_performance(4)
        self.internship.sudo().write({"state": "passed", "date_review": self.today})
        other = self.env["mentoring.internship"].create(
            {"mentor_id": self.mentor.id, "program_id": self.other_program.id, "date_start": self.today}
        )
        other.sudo().write(
            {"state": "not_passed", "date_start": self.today - timedelta(days=90), "date_review": self.today}
        )
        self.assertEqual((self.internship.length_days, other.length_days), (30, 90))
        rows = self.read_pivot(self.workforce, "Internships completed", self.coordinator_user)
        self.assertEqual(
            {(row["program_id"][0], row["state"]): (row["__count"], row["length_days:avg"]) for row in rows},
            {(self.program.id, "passed"): (1, 30.0)},
        )
        rows = self.read_pivot(self.workforce, "Internships completed", self.coordinator_b_user)
        self.assertEqual(
            {(row["program_id"][0], row["state"]): (row["__count"], row["length_days:avg"]) for row in rows},
            {(self.other_program.id, "not_passed"): (1, 90.0)},
        )
        rows = self.read_pivot(self.workforce, "Evaluation averages", self.coordinator_user)
        self.assertEqual(
            {row["kind"]: (row["__count"], row["average_score:avg"]) for row in rows},
            {evaluation.kind: (1, 4.0)},
        )
        self.assertFalse(self.read_pivot(self.workforce, "Evaluation averages", self.coordinator_b_user))

    def test_each_role_gets_only_its_dashboards(self):
        Dashboard = self.env["spreadsheet.dashboard"]
        ours = (
            self.env.ref("peer_mentoring.spreadsheet_dashboard_programme")
            | self.workforce
            | self.env.ref("peer_mentoring.spreadsheet_dashboard_billing")
        )
        programme, workforce, billing = ours
        expected = {
            self.manager_user: programme | workforce,
            self.coordinator_user: programme | workforce,
            self.supervisor_user: workforce,
            self.finance_user: billing,
            self.hr_user: Dashboard,  # HR reads no mentor profile, training, evaluation or supervision
            self.mentor_user: Dashboard,
            self.oversight_user: Dashboard,
        }
        for user, dashboards in expected.items():
            self.assertEqual(Dashboard.with_user(user).search([]) & ours, dashboards, user.login)
        for user in self.finance_user, self.hr_user:
            with self.assertRaises(AccessError):
                self.workforce.with_user(user).check_access("read")
            with self.assertRaises(AccessError):
                self.read_pivot(self.workforce, "Mentors by stage", user)
        with self.assertRaises(AccessError):
            billing.with_user(self.hr_user).check_access("read")
        with self.assertRaises(AccessError):
            self.read_pivot(billing, "Units paid and denied", self.hr_user)
        with self.assertRaises(AccessError):
            self.read_pivot(programme, "People waiting for a mentor", self.finance_user)
