from odoo.tests import HttpCase, tagged

from .common_portal_forms import MentoringPortalFormsCase


@tagged("post_install", "-at_install")
class TestPortalMenteeTour(MentoringPortalFormsCase, HttpCase):
    """The person mentored, from the login page, reads and signs their plan and a meeting,
    then fills in their evaluation of the mentor, in a browser;
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
        self.assertEqual(self.form.state, "done")
        self.assertEqual(self.form.completed_by_id, self.portal_user)
        scores = self.form.answer_ids.filtered(lambda a: a.answer_type == "score").mapped("score")
        self.assertEqual(scores, [4] * 6)
        self.assertIn("Ada listens to me", self.form.answer_ids.mapped("answer"))
        concern = self.env["mentoring.safeguarding.concern"].search(
            [("raised_by_id", "=", self.portal_user.id)]
        )
        self.assertEqual(concern.description, "Someone follows me home")
        self.assertEqual(concern.mentee_id, self.mentee)


@tagged("post_install", "-at_install")
class TestPortalMenteeTourPhone(TestPortalMenteeTour):
    """The same at 320 px wide (WCAG reflow; narrower than a 390 px phone): nothing scrolls
    sideways, axe still finds nothing."""

    browser_size = "320x720"
