from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common_portal import SIGNATURE, MentoringPortalCase


@tagged("post_install", "-at_install")
class TestPortalSignLink(MentoringPortalCase, HttpCase):
    """A single-use signing link for a person without a login: sent by the coordinator, it
    opens one record, signs it once, within 7 days. Attacked as the public user with a wrong,
    expired or used token, and as the mentor who would like the token."""

    def send_link(self, record):
        record.with_user(self.coordinator_user).action_send_sign_link()
        return f"/mentoring/sign/{record._portal_kind}/{record.id}/{record.sudo().sign_link_token}"

    def sign(self, url, name="Jamie Rivera"):
        return self.make_jsonrpc_request(f"{url}/sign", {"name": name, "signature": SIGNATURE})

    def test_the_person_signs_once_through_the_link(self):
        url = self.send_link(self.plan)
        self.assertTrue(self.plan.sudo().sign_link_expires_at)
        page = self.url_open(url).text
        self.assertIn("Work in a library", page)
        self.assertIn("&#34;defaultName&#34;: &#34;Jamie Rivera&#34;", page)
        for secret in ("Jamie's secret", "M-12345", "Jamie's letter"):
            self.assertNotIn(secret, page)
        result = self.sign(url)
        self.assertEqual(result.get("redirect_url"), "/mentoring/signed")
        self.env.invalidate_all()
        self.assertEqual(self.plan.mentee_signed_by, "Jamie Rivera")
        self.assertEqual(self.plan.mentee_signed_on, fields.Date.today())
        note = self.plan.message_ids[:1].body
        self.assertIn("single-use link", note)
        self.assertRegex(note, r"from \d+\.\d+\.\d+\.\d+")
        # Used: the link opens nothing and signs nothing any more.
        self.assertFalse(self.plan.sudo().sign_link_token)
        self.assertIn("This link does not work", self.url_open(url).text)
        self.assertIn("error", self.sign(url))

    def test_an_expired_link_does_nothing(self):
        url = self.send_link(self.encounter)
        self.encounter.sudo().sign_link_expires_at = fields.Datetime.now() - timedelta(minutes=1)
        self.env.flush_all()
        page = self.url_open(url).text
        self.assertIn("This link does not work", page)
        self.assertNotIn("Met goal", page)
        self.assertIn("error", self.sign(url))
        self.env.invalidate_all()
        self.assertFalse(self.encounter.mentee_signed_by)

    def test_a_wrong_token_or_another_record_opens_nothing(self):
        url = self.send_link(self.plan)
        token = self.plan.sudo().sign_link_token
        for bad in (
            url[:-2] + "xx",
            f"/mentoring/sign/plan/{self.plan_b.id}/{token}",
            f"/mentoring/sign/meeting/{self.encounter.id}/{token}",
            f"/mentoring/sign/mentee/{self.mentee.id}/{token}",
            f"/mentoring/sign/plan/{self.plan.id}/False",
        ):
            page = self.url_open(bad).text
            self.assertIn("This link does not work", page, bad)
            self.assertNotIn("Work in a library", page, bad)
            self.assertIn("error", self.sign(bad))
        self.env.invalidate_all()
        self.assertFalse(self.plan.mentee_signed_by or self.plan_b.mentee_signed_by)
        # The public user gets nothing else of the record either.
        for path in (
            f"/my/mentoring/plan/{self.plan.id}",
            f"/report/pdf/peer_mentoring.report_plan/{self.plan.id}",
            f"/web/content/{self.attachment.id}",
        ):
            response = self.url_open(path)
            self.assertNotIn("Work in a library", response.text, path)
            self.assertNotIn("Jamie's letter", response.text, path)

    def test_the_token_is_nobody_elses_to_read_or_set(self):
        self.send_link(self.plan)
        for user in (self.mentor_user, self.coordinator_user, self.supervisor_user, self.portal_user):
            with self.assertRaises(AccessError, msg=user.login):
                self.plan.with_user(user).read(["sign_link_token"])
            with self.assertRaises(UserError, msg=user.login):  # AccessError is one too
                self.plan.with_user(user).write(
                    {"sign_link_token": "known", "sign_link_expires_at": "2099-01-01"}
                )
        # Nor does the chatter, any message the mentor reads, or Odoo's Share wizard carry it.
        self.assertNotIsInstance(self.plan, self.env.registry["portal.mixin"])
        token = self.plan.sudo().sign_link_token
        messages = self.env["mail.message"].with_user(self.mentor_user).search([("body", "ilike", token)])
        self.assertFalse(messages)
        # Only a coordinator of the programme sends one.
        for user in (self.mentor_user, self.coordinator_b_user, self.portal_user):
            with self.assertRaises(UserError, msg=user.login):
                self.plan.with_user(user).action_send_sign_link()
        self.authenticate(self.mentor_user.login, self.mentor_user.login)
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "mentoring.plan",
                    "method": "_sign_with_link",
                    "args": [self.plan.ids, token, "x", SIGNATURE, ""],
                    "kwargs": {},
                },
            )

    def test_a_new_link_replaces_the_old_one(self):
        old = self.send_link(self.plan)
        new = self.send_link(self.plan)
        self.assertNotEqual(old, new)
        self.assertIn("error", self.sign(old))
        self.assertNotIn("error", self.sign(new))


@tagged("post_install", "-at_install")
class TestPortalSignLinkTour(MentoringPortalCase, HttpCase):
    """The person without a login signs a meeting through the link, in a browser (axe-core on
    each page), at 1366 px and at 390 px."""

    def test_the_person_signs_through_the_link_in_a_browser(self):
        self.encounter.with_user(self.coordinator_user).action_send_sign_link()
        url = f"/mentoring/sign/meeting/{self.encounter.id}/{self.encounter.sudo().sign_link_token}"
        self.start_tour(url, "peer_mentoring_portal_sign_link_tour")
        self.env.invalidate_all()
        self.assertEqual(self.encounter.mentee_signed_by, "Jamie Rivera")
        self.assertFalse(self.encounter.sudo().sign_link_token)


@tagged("post_install", "-at_install")
class TestPortalSignLinkTourPhone(TestPortalSignLinkTour):
    browser_size = "390x844"
