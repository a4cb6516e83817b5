from odoo.tests import HttpCase, tagged

from .test_portal_representative import RepresentativeCase


@tagged("post_install", "-at_install")
class TestPortalRepresentativeTour(RepresentativeCase, HttpCase):
    """Maria, Jamie's guardian, from the login page, signs the meeting that waits for Jamie's
    signature, as Jamie's representative; axe-core checks each page
    (static/tests/tours/portal_representative_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.guardian_user.write({"login": "t_guardian_maria", "password": "t_guardian_maria"})
        cls.env.flush_all()

    def test_guardian_signs_jamies_meeting_as_representative(self):
        self.assertFalse(self.encounter.mentee_signed_by)
        self.start_tour("/web/login", "peer_mentoring_portal_representative_tour")
        self.env.invalidate_all()
        self.assertEqual(self.encounter.mentee_signed_by, "Maria Rivera, representative of Jamie Rivera")
        self.assertTrue(self.encounter.mentee_signature)
        self.assertIn("representative", self.encounter.message_ids[:1].body)
        self.assertIn("t_guardian_maria", self.encounter.message_ids[:1].body)
        self.assertFalse(self.plan.mentee_signed_by, "only the meeting was signed")


@tagged("post_install", "-at_install")
class TestPortalRepresentativeTourPhone(TestPortalRepresentativeTour):
    """The same on a 390 px wide phone."""

    browser_size = "390x844"
