from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common_portal_mentor import MentoringPortalMentorCase


@tagged("post_install", "-at_install")
class TestPortalCarerTour(MentoringPortalMentorCase, HttpCase):
    """Alex, a foster carer, from the login page: logs a meeting and sends the month's
    timesheet on the portal; axe-core checks each page (static/tests/tours/portal_carer_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carer_user.write({"login": "t_portal_carer", "password": "t_portal_carer"})
        # A meeting of this month the coordinator already checked: it goes on the timesheet.
        # Today (the month the tour sends), from midnight to one, checked once it had ended
        # (the clock set to that evening, so the fixture holds in the first hour of the day too).
        cls.checked = cls.create_encounter(cls.match_robin, date=cls.today, start_time=0.0, end_time=1.0)
        with freeze_time(f"{cls.today} 12:00:00"):
            cls.checked.with_context(tz="UTC").action_confirm()
        cls.env.flush_all()

    def test_the_carer_logs_a_meeting_and_sends_the_month(self):
        before = self.env["mentoring.encounter"].search([("match_id", "=", self.match_robin.id)])
        self.start_tour("/web/login", "peer_mentoring_portal_carer_tour")
        self.env.invalidate_all()
        logged = self.env["mentoring.encounter"].search([("match_id", "=", self.match_robin.id)]) - before
        self.assertRecordValues(
            logged,
            [
                {
                    "state": "draft",
                    "date": self.today,
                    "start_time": 7.0,
                    "end_time": 7.75,
                    "location_type": "community",
                    "goal_id": self.goal_robin.id,
                    "progress": "met",
                    "next_steps": "Visit the school together",
                }
            ],
        )
        sheet = self.env["mentoring.monthly.timesheet"].search([("mentor_id", "=", self.carer.id)])
        self.assertEqual(sheet.state, "submitted")
        self.assertEqual(sheet.claimed_encounter_ids, self.checked, "only what the coordinator checked")


@tagged("post_install", "-at_install")
class TestPortalCarerTourPhone(TestPortalCarerTour):
    """The same on a 390 px phone: nothing scrolls sideways, axe still finds nothing."""

    browser_size = "390x844"
