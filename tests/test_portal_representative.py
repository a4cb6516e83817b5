import re

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common_portal import SIGNATURE
from .common_portal_forms import MentoringPortalFormsCase

MODELS = (
    "mentoring.plan",
    "mentoring.agreement",
    "mentoring.encounter",
    "mentoring.goal",
    "mentoring.evaluation",
)


class RepresentativeCase(MentoringPortalFormsCase):
    """Maria is Jamie's guardian and Sam is Pat's: each has a portal login as representative."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.maria = Partner.create({"name": "Maria Rivera", "email": "maria@example.com"})
        cls.sam = Partner.create({"name": "Sam Okafor", "email": "sam@example.com"})
        for mentee, rep in ((cls.mentee, cls.maria), (cls.mentee_b, cls.sam)):
            mentee = mentee.with_user(cls.coordinator_user)
            mentee.representative_partner_ids = rep
            mentee.action_portal_invite_representatives()
        cls.guardian_user = cls.maria.user_ids
        cls.guardian_b_user = cls.sam.user_ids
        for user in cls.guardian_user | cls.guardian_b_user:
            user.password = user.login
        cls.env.flush_all()


@tagged("post_install", "-at_install")
class TestPortalRepresentative(RepresentativeCase):
    def test_the_representative_reads_exactly_what_the_person_reads(self):
        self.assertTrue(self.guardian_user._is_portal())
        for model in MODELS:
            theirs = self.env[model].with_user(self.portal_user).search([])
            self.assertTrue(theirs, model)
            self.assertEqual(self.env[model].with_user(self.guardian_user).search([]).ids, theirs.ids, model)
            self.assertNotIn(
                self.env[model].with_user(self.guardian_b_user).search([]).ids[0], theirs.ids, model
            )
        with self.assertRaises(AccessError):
            self.encounter.with_user(self.guardian_user).read(["notes"])
        with self.assertRaises(AccessError):
            self.plan_b.with_user(self.guardian_user).read(["name"])
        with self.assertRaises(AccessError):
            self.mentee.with_user(self.guardian_user).read(["name"])

    def test_the_representative_signs_as_representative(self):
        self.plan.with_user(self.guardian_user).action_portal_sign("Maria Rivera", SIGNATURE)
        self.assertEqual(self.plan.mentee_signed_by, "Maria Rivera, representative of Jamie Rivera")
        note = self.plan.message_ids[:1].body
        self.assertIn("representative", note)
        self.assertIn(self.guardian_user.login, note)
        with self.assertRaises(AccessError):
            self.plan_b.with_user(self.guardian_user).action_portal_sign("Maria Rivera", SIGNATURE)

    def test_the_representative_fills_in_the_persons_form(self):
        self.form.with_user(self.guardian_user).action_portal_submit(self.answers(self.form))
        self.assertEqual(self.form.completed_by_id, self.guardian_user)
        with self.assertRaises(AccessError):
            self.form_b.with_user(self.guardian_user).action_portal_submit(self.answers(self.form_b))

    def test_only_a_coordinator_of_the_person_names_a_representative(self):
        for user in (self.coordinator_b_user, self.mentor_user, self.portal_user, self.guardian_user):
            with self.assertRaises(UserError, msg=user.login):  # AccessError is one too
                self.mentee_b.with_user(user).write({"representative_partner_ids": [(4, self.maria.id)]})
        # One person's portal only: Maria cannot also represent Pat, nor a mentee be a representative.
        with self.assertRaises(ValidationError):
            self.mentee_b.with_user(self.coordinator_user).write(
                {"representative_partner_ids": [(4, self.maria.id)]}
            )
        with self.assertRaises(ValidationError):
            self.mentee_b.with_user(self.coordinator_user).write(
                {"representative_partner_ids": [(4, self.mentee.partner_id.id)]}
            )
        with self.assertRaises(ValidationError):
            self.mentee.with_user(self.coordinator_user).write(
                {"representative_partner_ids": [(4, self.mentor_user.partner_id.id)]}
            )

    def test_a_removed_representative_reads_nothing(self):
        self.mentee.with_user(self.coordinator_user).representative_partner_ids = False
        for model in MODELS:
            self.assertFalse(self.env[model].with_user(self.guardian_user).search([]), model)


@tagged("post_install", "-at_install")
class TestPortalRepresentativeHttp(RepresentativeCase, HttpCase):
    def login(self, user):
        self.authenticate(user.login, user.login)

    def test_a_guardian_of_someone_else_reaches_nothing_of_jamie(self):
        self.login(self.guardian_b_user)
        page = self.url_open("/my/mentoring").text
        self.assertIn(f"/my/mentoring/plan/{self.plan_b.id}", page)
        self.assertNotIn("Jamie", page)
        for url in (
            f"/my/mentoring/plan/{self.plan.id}",
            f"/my/mentoring/meeting/{self.encounter.id}/download",
            f"/my/mentoring/form/{self.form.id}",
        ):
            response = self.url_open(url)
            self.assertTrue(response.url.endswith("/my/mentoring"), url)
            self.assertNotIn("Jamie", response.text, url)
        for kind in ("pdf", "html"):
            response = self.url_open(f"/report/{kind}/peer_mentoring.report_plan/{self.plan.id}")
            self.assertNotIn("Work in a library", response.text)
        response = self.url_open(f"/web/content/{self.attachment.id}")
        self.assertNotIn(b"Jamie's letter", response.content)
        result = self.make_jsonrpc_request(
            f"/my/mentoring/plan/{self.plan.id}/sign", {"name": "Sam", "signature": SIGNATURE}
        )
        self.assertIn("error", result)
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "mentoring.plan",
                    "method": "read",
                    "args": [self.plan.ids, ["display_name"]],
                    "kwargs": {},
                },
            )
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "mentoring.mentee",
                    "method": "write",
                    "args": [self.mentee.ids, {"representative_partner_ids": [(4, self.sam.id)]}],
                    "kwargs": {},
                },
            )
        self.env.invalidate_all()
        self.assertFalse(self.plan.mentee_signed_by)

    def test_the_guardian_reads_and_signs_jamies_plan_on_the_portal(self):
        self.login(self.guardian_user)
        page = self.url_open(f"/my/mentoring/plan/{self.plan.id}").text
        self.assertIn("Work in a library", page)
        self.assertIn("as their representative", page)
        self.assertIn("&#34;defaultName&#34;: &#34;Maria Rivera&#34;", page)
        for secret in ("Talked about home", "Jamie's secret", "Pat"):
            self.assertNotIn(secret, page)
        result = self.make_jsonrpc_request(
            f"/my/mentoring/plan/{self.plan.id}/sign", {"name": "Maria Rivera", "signature": SIGNATURE}
        )
        self.assertNotIn("error", result)
        self.env.invalidate_all()
        self.assertIn("representative of Jamie Rivera", self.plan.mentee_signed_by)
        self.assertTrue(re.search(r"from \d+\.\d+\.\d+\.\d+", self.plan.message_ids[:1].body))
