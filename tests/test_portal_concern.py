import re

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .test_portal_representative import RepresentativeCase

CSRF = r'csrf_token: "([^"]+)"'


@tagged("post_install", "-at_install")
class TestPortalConcern(RepresentativeCase, HttpCase):
    """The person mentored, or their representative, tells a worry on the portal: it becomes a
    safeguarding concern that only the safeguarding lead reads; they get the receipt only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead_user = new_test_user(
            cls.env, login="t_sg_lead_portal", groups="peer_mentoring.group_safeguarding_lead"
        )
        cls.program.safeguarding_lead_id = cls.lead_user

    def login(self, user):
        self.authenticate(user.login, user.login)

    def send(self, **data):
        page = self.url_open("/my/mentoring/worry").text
        token = re.search(CSRF, page).group(1)
        return self.url_open("/my/mentoring/worry", data={"csrf_token": token, **data})

    def concerns(self):
        return self.env["mentoring.safeguarding.concern"].search([])

    def test_the_person_tells_a_worry_and_gets_the_receipt_only(self):
        before = self.concerns()
        self.login(self.portal_user)
        self.assertIn("/my/mentoring/worry", self.url_open("/my/mentoring").text)
        response = self.send(choice="mentor_hurt", description="Ada shouted at me", danger="no")
        concern = self.concerns() - before
        self.assertEqual(len(concern), 1)
        self.assertIn(concern.name, response.text)
        self.assertIn("Thank you. We have your worry.", response.text)
        self.assertNotIn("Ada shouted at me", response.text)
        self.assertEqual(concern.raised_by_id, self.portal_user)
        self.assertEqual(concern.mentee_id, self.mentee)
        self.assertEqual(concern.subject_mentor_id, self.mentor)
        self.assertEqual(concern.type_id, self.env.ref("peer_mentoring.safeguarding_type_allegation"))
        # Read by the safeguarding lead; not by the person, their mentor, or anyone else's login.
        self.assertEqual(concern.with_user(self.lead_user).description, "Ada shouted at me")
        for user in (self.portal_user, self.guardian_user, self.portal_b_user, self.mentor_user):
            with self.assertRaises(AccessError, msg=user.login):
                concern.with_user(user).read(["description"])
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "mentoring.safeguarding.concern",
                    "method": "search_read",
                    "args": [[]],
                    "kwargs": {"fields": ["description"]},
                },
            )
        self.assertFalse(
            self.env["mail.message"].with_user(self.portal_user).search([("body", "ilike", "Ada shouted")])
        )

    def test_a_representative_tells_a_worry_about_the_person_they_represent_only(self):
        before = self.concerns()
        self.login(self.guardian_b_user)
        self.send(choice="unsafe", description="Pat is scared at home", mentee_id=str(self.mentee.id))
        concern = self.concerns() - before
        # Sam represents Pat only: the worry is about Pat, whatever id was sent.
        self.assertEqual(concern.mentee_id, self.mentee_b)
        self.assertIn("Sam Okafor, representative", concern.description)
        self.assertFalse(concern.subject_mentor_id)

    def test_nothing_is_raised_without_words_or_by_others(self):
        before = self.concerns()
        self.login(self.portal_user)
        response = self.send(choice="unsafe", description="  ")
        self.assertIn("Write what happened", response.text)
        # Only the portal path: the raise screen and the model method refuse a portal caller.
        for method, args in (("create", [{"type_id": 1, "description": "x"}]),):
            with self.assertRaises(JsonRpcException):
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw",
                    {"model": "mentoring.safeguarding.raise", "method": method, "args": args, "kwargs": {}},
                )
        with self.assertRaises(AccessError):
            self.mentee_b.with_user(self.portal_user)._portal_raise_concern("unsafe", "about Pat")
        with self.assertRaises(AccessError):
            self.mentee.with_user(self.mentor_user)._portal_raise_concern("unsafe", "x")
        self.assertEqual(self.concerns(), before)
        # The public user is sent to the login page.
        self.url_open("/web/session/logout")
        self.assertIn("/web/login", self.url_open("/my/mentoring/worry").url)
