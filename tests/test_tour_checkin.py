from datetime import timedelta

from odoo.tests import HttpCase, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestCheckinTour(HttpCase, MentoringCase):
    """Issue 19.2: the coordinator's home shows the overdue check-in; they record it from there."""

    def test_coordinator_records_the_overdue_check_in_from_needs_doing(self):
        # Started 20 days ago, the mentor checked in on day 3: the mentee's first is overdue.
        self.match.date_start = self.today - timedelta(days=20)
        mentor_checkin = (
            self.env["mentoring.checkin"]
            .with_user(self.coordinator_user)
            .create(
                {
                    "match_id": self.match.id,
                    "who": "mentor",
                    "date": self.today - timedelta(days=17),
                    "duration_minutes": 10,
                    "method": "phone",
                    "relationship_rating": "5",
                    "safety_concern": "no",
                }
            )
        )
        mentor_checkin.action_record()
        self.assertTrue(self.match.checkin_overdue)
        self.assertEqual(self.match.checkin_due_with, "mentee")
        self.start_tour("/odoo", "peer_mentoring_checkin_tour", login=self.coordinator_user.login)
        checkin = self.env["mentoring.checkin"].search(
            [("match_id", "=", self.match.id), ("who", "=", "mentee")]
        )
        self.assertEqual(len(checkin), 1)
        self.assertEqual(
            (checkin.state, checkin.method, checkin.duration_minutes, checkin.recorded_by_id),
            ("done", "phone", 20, self.coordinator_user),
        )
        self.assertEqual(checkin.date, self.today)
        self.env.invalidate_all()
        self.assertFalse(self.match.checkin_overdue)
        self.assertEqual(self.match.checkin_due_date, self.match.date_start + timedelta(days=30))
