from odoo.tests import HttpCase, tagged

from .common_portal import MentoringPortalCase


@tagged("post_install", "-at_install")
class TestPortalMenteeTour(MentoringPortalCase, HttpCase):
    """The person mentored, from the login page, reads and signs their plan in a browser;
    axe-core checks each page (static/tests/tours/portal_mentee_tour.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user.write({"login": "t_portal_jamie", "password": "t_portal_jamie"})
        cls.env.flush_all()

    def test_mentee_signs_their_plan_on_the_portal(self):
        self.start_tour("/web/login", "peer_mentoring_portal_mentee_tour")
        self.env.invalidate_all()
        self.assertEqual(self.plan.mentee_signed_by, "Jamie Rivera")
        self.assertTrue(self.plan.mentee_signature)
        self.assertEqual(self.plan.state, "draft", "the mentor has not signed yet")
        self.assertEqual(self.encounter.mentee_signed_by, "Jamie Rivera")
        self.assertEqual(self.encounter.state, "draft", "the mentor confirms the meeting")


@tagged("post_install", "-at_install")
class TestPortalMenteeTourPhone(TestPortalMenteeTour):
    """The same at 320 px wide (WCAG reflow; narrower than a 390 px phone): nothing scrolls
    sideways, axe still finds nothing."""

    browser_size = "320x720"
