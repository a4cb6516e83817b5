import io
import zipfile

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common_portal import SIGNATURE, MentoringPortalCase

SECRETS = ("Talked about home", "M-12345", "Jamie's secret", "housing", "Jamie's letter")


@tagged("post_install", "-at_install")
class TestPortalHttp(MentoringPortalCase, HttpCase):
    """The person mentored over HTTP, as a browser or a script would send it: the /my pages,
    the report routes, JSON-RPC and files."""

    def login(self, user):
        self.authenticate(user.login, user.login)

    def test_my_mentoring_lists_what_waits_first_and_only_their_own(self):
        self.login(self.portal_user)
        response = self.url_open("/my/mentoring")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn('lang="en-US"', page)
        waiting = page.index("Waiting for you to sign")
        # Jamie's plan and meeting wait for Jamie; they are listed under that heading first.
        self.assertLess(waiting, page.index(f"/my/mentoring/plan/{self.plan.id}"))
        self.assertLess(waiting, page.index(f"/my/mentoring/meeting/{self.encounter.id}"))
        self.assertLess(page.index(f"/my/mentoring/meeting/{self.encounter.id}"), page.index("My plan</h2>"))
        self.assertIn(f"/my/mentoring/agreement/{self.agreement.id}", page)
        for other in (self.plan_b, self.agreement_b, self.encounter_b):
            self.assertNotIn(
                f'/{other.id}"',
                page.replace(f'/{self.plan.id}"', "")
                .replace(f'/{self.agreement.id}"', "")
                .replace(f'/{self.encounter.id}"', ""),
            )
        for secret in (*SECRETS, "Pat"):
            self.assertNotIn(secret, page)
        home = self.url_open("/my").text
        self.assertIn("/my/mentoring", home)

    def test_a_record_page_shows_the_form_and_not_what_stays_in_the_office(self):
        self.login(self.portal_user)
        page = self.url_open(f"/my/mentoring/meeting/{self.encounter.id}").text
        self.assertIn("Met goal", page)
        self.assertIn("Ada Mentor", page)
        self.assertIn("Waiting for you to sign", page)
        self.assertIn(f"/my/mentoring/meeting/{self.encounter.id}/sign", page)
        for secret in SECRETS:
            self.assertNotIn(secret, page)
        plan_page = self.url_open(f"/my/mentoring/plan/{self.plan.id}").text
        self.assertIn("Work in a library", plan_page)
        self.assertIn("Get a part-time job", plan_page)

    def test_another_persons_records_are_not_reached_by_url(self):
        self.login(self.portal_user)
        for kind, other in (
            ("plan", self.plan_b),
            ("agreement", self.agreement_b),
            ("meeting", self.encounter_b),
        ):
            for url in (f"/my/mentoring/{kind}/{other.id}", f"/my/mentoring/{kind}/{other.id}/download"):
                response = self.url_open(url)
                self.assertTrue(response.url.endswith("/my/mentoring"), url)
                self.assertNotIn("Pat", response.text, url)
        # A kind that does not exist, and a record id that does not exist.
        self.assertTrue(self.url_open(f"/my/mentoring/mentee/{self.mentee.id}").url.endswith("/my/mentoring"))
        self.assertTrue(self.url_open("/my/mentoring/plan/999999").url.endswith("/my/mentoring"))

    def test_the_report_routes_refuse_the_portal_user(self):
        self.login(self.portal_user)
        for report, own, other in (
            ("report_plan", self.plan, self.plan_b),
            ("report_agreement", self.agreement, self.agreement_b),
            ("report_encounter", self.encounter, self.encounter_b),
        ):
            for record in (own, other):
                for kind in ("pdf", "html"):
                    response = self.url_open(f"/report/{kind}/peer_mentoring.{report}/{record.id}")
                    self.assertNotEqual(response.status_code, 200, f"{report} {record}")
                    # (The page names the logged-in person in its menu, nothing of the forms.)
                    for text in ("Work in a library", "Find paid work", "Pat", "Meeting Documentation"):
                        self.assertNotIn(text, response.text, f"{report} {record}")

    def test_the_person_downloads_their_form_as_printed(self):
        self.login(self.portal_user)
        response = self.url_open(f"/my/mentoring/meeting/{self.encounter.id}/download")
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        # Tests render PDFs as HTML: the printed form, without its confidential notes.
        self.assertIn("Encounter / Meeting Documentation", response.text)
        self.assertIn("Jamie Rivera", response.text)
        for secret in SECRETS:
            self.assertNotIn(secret, response.text)

    def test_everything_held_about_me_is_one_zip_of_their_own_forms(self):
        self.login(self.portal_user)
        response = self.url_open("/my/mentoring/everything")
        self.assertEqual(response.status_code, 200)
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        names = archive.namelist()
        self.assertEqual(len(names), 3, names)  # Jamie's plan, agreement and meeting
        content = "".join(archive.read(name).decode() for name in names)
        self.assertIn("My Individual Plan", content)
        self.assertIn("Mentoring Agreement", content)
        self.assertNotIn("Pat", content)
        for secret in SECRETS:
            self.assertNotIn(secret, content)

    def test_call_kw_gives_only_their_own_records_and_printed_fields(self):
        self.login(self.portal_user)

        def call(model, method, args, kwargs=None):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            )

        for model, own in self.jamie_records().items():
            rows = call(model, "search_read", [[]], {"fields": ["display_name"]})
            self.assertEqual({row["id"] for row in rows}, set(own.ids), model)
            with self.assertRaises(JsonRpcException, msg=model):
                call(model, "read", [self.pat_records()[model].ids, ["display_name"]])
        for field in ("notes", "billed_units", "message_ids"):
            with self.assertRaises(JsonRpcException, msg=field):
                call("mentoring.encounter", "search_read", [[]], {"fields": [field]})
        with self.assertRaises(JsonRpcException):
            call("mentoring.mentee", "search_read", [[]], {"fields": ["member_id"]})
        messages = call(
            "mail.message", "search_read", [[("model", "like", "mentoring.")]], {"fields": ["body"]}
        )
        self.assertEqual(messages, [])
        with self.assertRaises(JsonRpcException):
            call("mentoring.plan", "write", [self.plan.ids, {"mentor_signature": SIGNATURE}])
        with self.assertRaises(JsonRpcException):
            call("mentoring.plan", "action_portal_sign", [self.plan_b.ids, "Jamie", SIGNATURE])
        self.env.invalidate_all()
        self.assertFalse(self.plan.mentor_signature or self.plan_b.mentee_signed_by)

    def test_files_of_their_records_are_not_served(self):
        self.login(self.portal_user)
        response = self.url_open(f"/web/content/{self.attachment.id}")
        self.assertNotIn(b"Jamie's letter", response.content)
        response = self.url_open(f"/web/content/mentoring.encounter/{self.encounter.id}/notes")
        self.assertNotIn(b"Talked about home", response.content)

    def test_sign_route_signs_their_own_record_and_refuses_anyone_elses(self):
        self.login(self.portal_user)
        result = self.make_jsonrpc_request(
            f"/my/mentoring/plan/{self.plan_b.id}/sign", {"name": "Jamie", "signature": SIGNATURE}
        )
        self.assertIn("error", result)
        result = self.make_jsonrpc_request(
            f"/my/mentoring/plan/{self.plan.id}/sign", {"name": "Jamie Rivera", "signature": SIGNATURE}
        )
        self.assertEqual(result.get("redirect_url"), f"/my/mentoring/plan/{self.plan.id}?signed=1")
        self.env.invalidate_all()
        self.assertFalse(self.plan_b.mentee_signed_by)
        self.assertEqual(self.plan.mentee_signed_by, "Jamie Rivera")
        page = self.url_open(result["redirect_url"]).text
        self.assertIn("Thank you. You signed.", page)
        # The other mentee cannot sign Jamie's meeting through the route either.
        self.login(self.portal_b_user)
        result = self.make_jsonrpc_request(
            f"/my/mentoring/meeting/{self.encounter.id}/sign", {"name": "Pat", "signature": SIGNATURE}
        )
        self.assertIn("error", result)
        self.env.invalidate_all()
        self.assertFalse(self.encounter.mentee_signed_by)

    def test_staff_are_not_shown_the_portal_pages(self):
        self.login(self.mentor_user)
        page = self.url_open("/my/mentoring").text
        self.assertNotIn(f"/my/mentoring/plan/{self.plan.id}", page)
        response = self.url_open(f"/my/mentoring/plan/{self.plan.id}")
        self.assertTrue(response.url.endswith("/my/mentoring"))
