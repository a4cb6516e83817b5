import base64

from odoo.tests import HttpCase, tagged

from .common_portal import SIGNATURE
from .common_portal_mentor_records import MentoringPortalMentorRecordsCase


@tagged("post_install", "-at_install")
class TestPortalMentorRecordsTour(MentoringPortalMentorRecordsCase, HttpCase):
    """A foster carer who mentors, from the login page: signs an agreement, adds a course with
    its certificate, confirms their supervision attendance; axe-core checks each page
    (static/tests/tours/portal_mentor_records_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carer_user.write({"login": "t_portal_alex", "password": "t_portal_alex"})
        # Robin signed the new version first: Alex's signature makes it Signed.
        cls.carer_agreement.write(
            {"mentee_signature": SIGNATURE, "mentee_signed_by": "Robin Chen", "mentee_signed_on": cls.today}
        )
        cls.env.flush_all()

    def test_carer_signs_adds_a_course_and_confirms_supervision(self):
        self.start_tour("/web/login", "peer_mentoring_portal_mentor_records_tour")
        self.env.invalidate_all()
        self.assertEqual(self.carer_agreement.state, "signed")
        self.assertEqual(self.carer_agreement.mentor_signed_by, "Alex Morgan")
        course = self.env["mentoring.mentor.training"].search([("name", "=", "Moving and handling")])
        self.assertEqual(
            (course.mentor_id, course.state, course.kind, course.hours), (self.carer, "submitted", "peer", 3)
        )
        self.assertTrue(base64.b64decode(course.certificate).startswith(b"%PDF-1.4"))
        self.assertTrue(self.carer_line.attended)


@tagged("post_install", "-at_install")
class TestPortalMentorRecordsTourPhone(TestPortalMentorRecordsTour):
    """The same on a 390 px wide phone: nothing scrolls sideways, axe still finds nothing."""

    browser_size = "390x844"
