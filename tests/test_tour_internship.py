from odoo.tests import HttpCase, tagged

from .common_internship import MentoringInternshipCase


@tagged("post_install", "-at_install")
class TestInternshipTour(MentoringInternshipCase, HttpCase):
    """In a browser: the supervisor logs the last internship hours and the performance evaluation,
    sends the log for review and records their decision; the oversight body records its own; the
    mentor is certified."""

    def test_supervisor_and_oversight_body_certify_an_intern(self):
        self.log(4, "shadowing", days_ago=20)
        self.log(2, "co_facilitating", days_ago=10)
        self.meeting(2, days_ago=5)
        self.start_tour(
            "/odoo", "peer_mentoring_internship_supervisor_tour", login=self.supervisor_user.login
        )
        self.assertEqual(self.internship.state, "in_review")
        self.assertEqual(self.internship.supervisor_decision, "passed")
        self.assertEqual(self.internship.performance_evaluation_id.average_score, 4)
        self.assertEqual(
            self.internship.line_ids.filtered(
                lambda line: line.hours == 2 and line.date == self.today
            ).initials,
            "II",
        )
        self.assertEqual(self.intern.state, "intern")

        self.start_tour("/odoo", "peer_mentoring_internship_oversight_tour", login=self.oversight_user.login)
        self.assertEqual(self.internship.oversight_decided_by_id, self.oversight_user)
        self.assertEqual(self.internship.state, "passed")
        self.assertEqual(self.intern.state, "certified")
        self.assertEqual(self.intern.credential_ids[-1].state, "certified")
