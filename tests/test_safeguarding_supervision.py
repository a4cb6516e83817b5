from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_supervision import SupervisionCase


@tagged("post_install", "-at_install")
class TestConcernFromSupervision(SupervisionCase):
    """Seed 004: what is said in supervision stays there unless someone's safety is at risk; then
    the supervisor raises a concern from the session, with the steps already taken, in order."""

    def raise_from_session(self, user, session):
        action = session.with_user(user).action_raise_concern()
        Raise = self.env["mentoring.safeguarding.raise"].with_user(user).with_context(**action["context"])
        screen = Raise.create(
            {
                "type_id": self.env.ref("peer_mentoring.safeguarding_type_safety").id,
                "description": "Ben said a mentee talked about ending their life.",
                "steps_taken": "1. Ben told me in supervision. 2. I told my line manager by phone.",
            }
        )
        screen.action_submit()
        return screen

    def test_the_supervisor_raises_from_the_session_and_the_concern_keeps_it(self):
        screen = self.raise_from_session(self.supervisor_user, self.group_session)
        concern = self.env["mentoring.safeguarding.concern"].search([("name", "=", screen.concern_reference)])
        self.assertEqual(concern.supervision_session_id, self.group_session)
        self.assertEqual(concern.raised_by_id, self.supervisor_user)
        self.assertIn("2. I told my line manager", concern.steps_taken)
        # The supervisor sees the receipt, not the concern; the session shows nothing of it.
        with self.assertRaises(AccessError):
            concern.with_user(self.supervisor_user).read(["description"])
        with self.assertRaises(AccessError):
            self.env["mentoring.safeguarding.concern"].with_user(self.supervisor_user).search_count(
                [("supervision_session_id", "=", self.group_session.id)]
            )

    def test_a_mentor_who_was_not_there_cannot_raise_from_the_session(self):
        with self.assertRaises(AccessError):
            self.raise_from_session(self.mentor_c_user, self.group_session)
        # Nor by sending the session in the context of the raise screen.
        Raise = self.env["mentoring.safeguarding.raise"].with_user(self.mentor_c_user)
        screen = Raise.with_context(default_supervision_session_id=self.group_session.id).create(
            {"type_id": self.env.ref("peer_mentoring.safeguarding_type_safety").id, "description": "x"}
        )
        with self.assertRaises(AccessError):
            screen.action_submit()
        self.assertFalse(self.env["mentoring.safeguarding.concern"].search([("description", "=", "x")]))
