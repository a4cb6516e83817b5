from odoo.tests import HttpCase, tagged

from .common import MentoringBillingCase


@tagged("post_install", "-at_install")
class TestLogMeetingTour(MentoringBillingCase, HttpCase):
    """A peer mentor logs, signs and prints a meeting through the screens, in a browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A second mentee, so the mentor chooses; the other mentor's mentee is never offered.
        cls.second_match = cls.create_active_match(cls.mentor, cls.create_mentee("Robin Lee"))
        cls.env.flush_all()

    def test_mentor_logs_signs_and_prints_a_meeting(self):
        before = self.env["mentoring.encounter"].search([("match_id", "=", self.match.id)])
        self.start_tour("/odoo", "peer_mentoring_log_meeting_tour", login=self.mentor_user.login)

        encounter = self.env["mentoring.encounter"].search(
            [("match_id", "=", self.match.id), ("id", "not in", before.ids)]
        )
        self.assertEqual(len(encounter), 1)
        self.assertEqual(encounter.state, "confirmed")
        self.assertEqual(encounter.duration_minutes, 45)
        self.assertEqual(encounter.location_type, "agency")
        self.assertEqual(encounter.progress, "met")
        self.assertEqual(encounter.goal_id, self.goal)
        self.assertEqual(encounter.create_uid, self.mentor_user)
        self.assertEqual(
            (encounter.mentor_signed_by, encounter.mentee_signed_by), ("Ada Mentor", "Jamie Rivera")
        )
        self.assertTrue(encounter.mentor_signature and encounter.mentee_signature)
        self.assertEqual(encounter.billed_units, 3, "45 minutes in 15-minute units")

        # The Print entry the tour found, fetched as the mentor (tests render PDFs as HTML).
        self.authenticate(self.mentor_user.login, self.mentor_user.login)
        for kind in ("pdf", "html"):
            response = self.url_open(f"/report/{kind}/peer_mentoring.report_encounter/{encounter.id}")
            self.assertEqual(response.status_code, 200, kind)
            for expected in ("Jamie Rivera", "Ada Mentor", "Get a part-time job"):
                self.assertIn(expected, response.text, kind)
            self.assertRegex(response.text, r'<span class="pm-box">X</span>\s*Met goal', kind)
            self.assertRegex(response.text, r'<span class="pm-box">X</span>\s*At agency', kind)
        # Another mentor may not print it.
        self.authenticate(self.mentor_b_user.login, self.mentor_b_user.login)
        response = self.url_open(f"/report/html/peer_mentoring.report_encounter/{encounter.id}")
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn("Jamie Rivera", response.text)
