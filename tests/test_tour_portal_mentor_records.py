import base64

from odoo.tests import HttpCase, tagged

from .common_portal import SIGNATURE
from .common_portal_mentor_records import MentoringPortalMentorCase


@tagged("post_install", "-at_install")
class TestPortalMentorRecordsTour(MentoringPortalMentorCase, HttpCase):
    """A foster carer who mentors, from the login page: signs an agreement, adds a course with
    its certificate, confirms their supervision attendance; axe-core checks each page
    (static/tests/tours/portal_mentor_records_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carla_user.write({"login": "t_portal_carla", "password": "t_portal_carla"})
        # Sam signed the new version first: Carla's signature makes it Signed.
        cls.carla_agreement.write(
            {"mentee_signature": SIGNATURE, "mentee_signed_by": "Sam Lee", "mentee_signed_on": cls.today}
        )
        cls.env.flush_all()

    def test_carer_signs_adds_a_course_and_confirms_supervision(self):
        self.start_tour("/web/login", "peer_mentoring_portal_mentor_records_tour")
        self.env.invalidate_all()
        self.assertEqual(self.carla_agreement.state, "signed")
        self.assertEqual(self.carla_agreement.mentor_signed_by, "Carla Carer")
        course = self.env["mentoring.mentor.training"].search([("name", "=", "Moving and handling")])
        self.assertEqual(
            (course.mentor_id, course.state, course.kind, course.hours), (self.carla, "submitted", "peer", 3)
        )
        self.assertTrue(base64.b64decode(course.certificate).startswith(b"%PDF-1.4"))
        self.assertTrue(self.carla_line.attended)


@tagged("post_install", "-at_install")
class TestPortalMentorRecordsTourPhone(TestPortalMentorRecordsTour):
    """The same on a 390 px wide phone: nothing scrolls sideways, axe still finds nothing."""

    browser_size = "390x844"
