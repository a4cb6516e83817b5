import base64
import re

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common_portal import SIGNATURE
from .common_portal_mentor_records import CERTIFICATE_PDF, MentoringPortalMentorRecordsCase

# What Alex's pages must never show, from Alex's own records or anyone else's.
SECRETS = (
    "Robin's secret",
    "Robin's private talk",
    "Sam Lee",
    "Chris",
    "Dana",
    "placement at risk",
    "Agenda:",
    "Chris's trauma course",
)


@tagged("post_install", "-at_install")
class TestPortalMentorRecordsHttp(MentoringPortalMentorRecordsCase, HttpCase):
    """A foster carer who mentors, on the portal over HTTP: their papers to sign, training and
    supervision, and every route tried by another carer, a former mentor, a mentee login and
    the public (not logged in)."""

    def login(self, user):
        if user:
            self.authenticate(user.login, user.login)
        else:
            self.authenticate(None, None)

    def call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw", {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}
        )

    def carer_urls(self):
        """Every GET route of Alex's records."""
        return [
            f"/my/mentor/papers/agreement/{self.carer_agreement.id}",
            f"/my/mentor/papers/plan/{self.carer_plan.id}",
            f"/my/mentor/papers/agreement/{self.carer_agreement.id}/download",
            f"/my/mentor/papers/plan/{self.carer_plan.id}/download",
        ]

    def post_training(self, name, content=CERTIFICATE_PDF, filename="cert.pdf", **values):
        data = {
            "csrf_token": self.csrf_token(),
            "name": name,
            "date": str(self.yesterday),
            "hours": "2.5",
            "kind": "ethics",
            **values,
        }
        files = {"certificate": (filename, content, "application/pdf")} if content else None
        return self.url_open("/my/mentor/training/new", data=data, files=files)

    def csrf_token(self):
        """The session's CSRF token, as any portal page gives it to its forms."""
        found = re.search(r"csrf_token\W+([0-9a-f]{40}o\d+)", self.url_open("/my").text)
        return found.group(1) if found else ""

    # ------------------------------------------------------------------ Alex's own

    def test_carer_home_and_pages_list_only_their_own(self):
        self.login(self.carer_user)
        home = self.url_open("/my").text
        for url in ("/my/mentor/papers", "/my/mentor/training", "/my/mentor/supervision"):
            self.assertIn(f'href="{url}"', home)
        papers = self.url_open("/my/mentor/papers").text
        waiting = papers.index("Waiting for you to sign")
        self.assertLess(waiting, papers.index(f"/my/mentor/papers/agreement/{self.carer_agreement.id}"))
        self.assertLess(waiting, papers.index(f"/my/mentor/papers/plan/{self.carer_plan.id}"))
        self.assertIn("Agreement with Robin Chen, version 2", papers)
        training = self.url_open("/my/mentor/training").text
        self.assertIn("First aid for carers", training)
        self.assertIn("Waiting for your coordinator to check it.", training)
        self.assertIn("Checked and approved.", training)
        supervision = self.url_open("/my/mentor/supervision").text
        self.assertIn("Family centre", supervision)
        self.assertIn(f"/my/mentor/supervision/{self.carer_line.id}/confirm", supervision)
        paper = self.url_open(f"/my/mentor/papers/agreement/{self.carer_agreement.id}").text
        self.assertIn("Robin and Alex are on time", paper)
        self.assertIn(f"/my/mentor/papers/agreement/{self.carer_agreement.id}/sign", paper)
        for page in (home, papers, training, supervision, paper):
            for secret in SECRETS:
                self.assertNotIn(secret, page)
        # The mentee's pages do not list the papers Alex holds as the mentor.
        mentee_page = self.url_open("/my/mentoring").text
        self.assertNotIn(f"/my/mentoring/agreement/{self.carer_agreement.id}", mentee_page)
        response = self.url_open(f"/my/mentoring/agreement/{self.carer_agreement.id}")
        self.assertTrue(response.url.endswith("/my/mentoring"))

    def test_carer_signs_as_mentor_and_the_paper_is_signed_when_both_have(self):
        self.carer_agreement.write(
            {"mentee_signature": SIGNATURE, "mentee_signed_by": "Robin Chen", "mentee_signed_on": self.today}
        )
        first = self.match_robin.agreement_ids.filtered(lambda a: a.version == 1)
        self.login(self.carer_user)
        result = self.make_jsonrpc_request(
            f"/my/mentor/papers/agreement/{self.carer_agreement.id}/sign",
            {"name": "Alex Morgan", "signature": SIGNATURE},
        )
        self.assertEqual(
            result.get("redirect_url"), f"/my/mentor/papers/agreement/{self.carer_agreement.id}?signed=1"
        )
        self.env.invalidate_all()
        self.assertEqual(self.carer_agreement.mentor_signed_by, "Alex Morgan")
        self.assertEqual(self.carer_agreement.state, "signed")
        self.assertEqual(first.state, "superseded")
        chatter = "".join(self.carer_agreement.message_ids.mapped("body"))
        self.assertIn(
            "Signed by the mentor, Alex Morgan, on the portal with their own login (from 127.0.0.1)", chatter
        )
        page = self.url_open(result["redirect_url"]).text
        self.assertIn("Thank you. You signed.", page)
        self.assertIn("Signed by you both.", page)
        # The plan: Alex signs first; it waits for the mentee and stays a draft.
        result = self.make_jsonrpc_request(
            f"/my/mentor/papers/plan/{self.carer_plan.id}/sign",
            {"name": "Alex Morgan", "signature": SIGNATURE},
        )
        self.assertNotIn("error", result)
        self.env.invalidate_all()
        self.assertEqual(self.carer_plan.state, "draft")
        self.assertFalse(self.carer_plan.mentee_signed_on)
        # Signed once: the route refuses a second signature.
        result = self.make_jsonrpc_request(
            f"/my/mentor/papers/plan/{self.carer_plan.id}/sign", {"name": "Someone", "signature": SIGNATURE}
        )
        self.assertIn("error", result)
        self.env.invalidate_all()
        self.assertEqual(self.carer_plan.mentor_signed_by, "Alex Morgan")

    def test_carer_adds_a_course_with_its_certificate_then_it_is_approved_in_the_office(self):
        self.login(self.carer_user)
        response = self.post_training(
            "Autism awareness", provider="County training", mentor_id=str(self.carer_c.id)
        )
        self.assertTrue(response.url.endswith("/my/mentor/training?added=1"), response.url)
        self.assertIn("Your course is saved.", response.text)
        course = self.env["mentoring.mentor.training"].search([("name", "=", "Autism awareness")])
        self.assertEqual(course.mentor_id, self.carer, "always the carer's own, whatever is sent")
        self.assertEqual((course.state, course.hours, course.kind), ("submitted", 2.5, "ethics"))
        self.assertEqual(base64.b64decode(course.certificate), CERTIFICATE_PDF)
        self.assertEqual(course.certificate_name, "cert.pdf")
        # Their own certificate comes back to them.
        response = self.url_open(
            f"/web/content/mentoring.mentor.training/{course.id}/certificate?download=true"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, CERTIFICATE_PDF)
        # Approved in the office by the coordinator; read only for the carer.
        course.with_user(self.coordinator_user).action_approve()
        self.assertEqual(course.state, "approved")
        with self.assertRaises(JsonRpcException):
            self.call("mentoring.mentor.training", "write", [course.ids, {"hours": 40}])
        with self.assertRaises(JsonRpcException):
            self.call("mentoring.mentor.training", "unlink", [course.ids])
        self.env.invalidate_all()
        self.assertEqual(course.hours, 2.5)

    def test_a_course_form_that_is_wrong_says_what_to_fix(self):
        self.login(self.carer_user)
        response = self.post_training("Not a pdf", content=b"MZ\x90\x00 an executable", filename="cert.exe")
        self.assertIn("The certificate must be a PDF file or a photo", response.text)
        response = self.post_training("No hours", hours="0")
        self.assertIn("Training hours must be more than zero.", response.text)
        response = self.post_training("Ends before", expiry_date="2000-01-01")
        self.assertIn("cannot expire before it took place", response.text)
        self.assertFalse(
            self.env["mentoring.mentor.training"].search(
                [("name", "in", ("Not a pdf", "No hours", "Ends before"))]
            )
        )

    def test_carer_confirms_they_were_at_supervision(self):
        self.login(self.carer_user)
        response = self.url_open(
            f"/my/mentor/supervision/{self.carer_line.id}/confirm", data={"csrf_token": self.csrf_token()}
        )
        self.assertIn("Thank you. It is saved.", response.text)
        self.assertIn("You said you were there.", response.text)
        self.env.invalidate_all()
        self.assertTrue(self.carer_line.attended)
        self.assertFalse(self.carer_c_line.attended)
        self.assertIn(
            "Alex Morgan confirmed on the portal", "".join(self.supervision.message_ids.mapped("body"))
        )
        # Once is enough.
        response = self.url_open(
            f"/my/mentor/supervision/{self.carer_line.id}/confirm", data={"csrf_token": self.csrf_token()}
        )
        self.assertIn("This could not be saved.", response.text)

    # ------------------------------------------------------------------ the others

    def test_every_route_refuses_another_carer_a_former_mentor_a_mentee_and_the_public(self):
        certificate_url = f"/web/content/mentoring.mentor.training/{self.carer_training.id}/certificate"
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "mentoring.mentor.training"), ("res_id", "=", self.carer_training.id)]
        )
        for user in (self.carer_c_user, self.carer_former_user, self.portal_user, None):
            who = user.login if user else "public"
            self.login(user)
            for url in self.carer_urls():
                response = self.url_open(url)
                self.assertNotIn("Robin", response.text, f"{who} {url}")
                self.assertNotIn(b"%PDF", response.content[:10], f"{who} {url}")
            for url in ("/my/mentor/papers", "/my/mentor/training", "/my/mentor/supervision", "/my"):
                response = self.url_open(url)
                for text in ("Robin Chen", "First aid for carers", f"/{self.carer_line.id}/confirm"):
                    self.assertNotIn(text, response.text, f"{who} {url}")
            for url in (certificate_url, f"/web/content/{attachment.id}"):
                response = self.url_open(url)
                self.assertNotIn(b"First aid for carers", response.content, f"{who} {url}")
            if user:
                for kind, paper in (("agreement", self.carer_agreement), ("plan", self.carer_plan)):
                    result = self.make_jsonrpc_request(
                        f"/my/mentor/papers/{kind}/{paper.id}/sign", {"name": "X", "signature": SIGNATURE}
                    )
                    self.assertIn("error", result, f"{who} {kind}")
            response = self.url_open(
                f"/my/mentor/supervision/{self.carer_line.id}/confirm",
                data={"csrf_token": self.csrf_token() if user else ""},
            )
            self.post_training(f"Course sent by {who}")
        self.env.invalidate_all()
        self.assertFalse(self.carer_agreement.mentor_signed_by or self.carer_plan.mentor_signed_by)
        self.assertFalse(self.carer_line.attended)
        added = self.env["mentoring.mentor.training"].search([("name", "like", "Course sent by")])
        # Chris and Dana are mentors: each added a course of their own; nobody else added any.
        self.assertEqual(added.mentor_id, self.carer_c | self.carer_former)

    def test_former_mentor_no_longer_reads_or_signs_their_match_papers(self):
        self.login(self.carer_former_user)
        page = self.url_open("/my/mentor/papers").text
        self.assertNotIn("Robin", page)
        response = self.url_open(f"/my/mentor/papers/agreement/{self.former_agreement.id}")
        self.assertTrue(response.url.endswith("/my/mentor/papers"))
        result = self.make_jsonrpc_request(
            f"/my/mentor/papers/agreement/{self.former_agreement.id}/sign",
            {"name": "Dana", "signature": SIGNATURE},
        )
        self.assertIn("error", result)
        with self.assertRaises(JsonRpcException):
            self.call("mentoring.agreement", "read", [self.former_agreement.ids, ["ground_rules"]])

    def test_call_kw_gives_a_carer_only_their_own_and_only_the_fields_shown(self):
        self.login(self.carer_c_user)
        for model, own, other in (
            ("mentoring.mentor.training", self.carer_c_training, self.carer_training),
            ("mentoring.supervision.attendee", self.carer_c_line, self.carer_line),
            ("mentoring.agreement", self.carer_c_agreement, self.carer_agreement),
            ("mentoring.plan", self.carer_c_plan, self.carer_plan),
        ):
            rows = self.call(model, "search_read", [[("id", "in", (own | other).ids)]], {"fields": ["id"]})
            self.assertEqual([row["id"] for row in rows], own.ids, model)
            with self.assertRaises(JsonRpcException, msg=model):
                self.call(model, "read", [other.ids, ["id"]])
        # Fields that stay in the office, even on their own records.
        for model, field in (
            ("mentoring.supervision.attendee", "notes"),
            ("mentoring.supervision.attendee", "mentor_id"),
            ("mentoring.supervision.session", "agenda"),
            ("mentoring.supervision.session", "attendee_names"),
            ("mentoring.mentor.training", "note"),
            ("mentoring.mentor.training", "approved_by_id"),
            ("mentoring.mentor.training", "message_ids"),
        ):
            with self.assertRaises(JsonRpcException, msg=f"{model}.{field}"):
                self.call(model, "search_read", [[]], {"fields": [field]})
        # Changes go only through the action methods, each of which checks who acts.
        attacks = (
            (
                "mentoring.mentor.training",
                "create",
                [{"mentor_id": self.carer_c.id, "name": "X", "hours": 1}],
            ),
            ("mentoring.mentor.training", "write", [self.carer_c_training.ids, {"state": "approved"}]),
            ("mentoring.mentor.training", "action_approve", [self.carer_c_training.ids]),
            ("mentoring.supervision.attendee", "write", [self.carer_c_line.ids, {"attended": True}]),
            ("mentoring.supervision.attendee", "action_confirm_attendance", [self.carer_c_line.ids]),
            ("mentoring.supervision.attendee", "action_portal_confirm_attendance", [self.carer_line.ids]),
            ("mentoring.supervision.session", "action_confirm_my_attendance", [self.supervision.ids]),
            (
                "mentoring.agreement",
                "action_portal_sign_as_mentor",
                [self.carer_agreement.ids, "C", SIGNATURE],
            ),
            ("mentoring.agreement", "action_portal_sign", [self.carer_c_agreement.ids, "C", SIGNATURE]),
            ("mentoring.agreement", "write", [self.carer_c_agreement.ids, {"mentor_signature": SIGNATURE}]),
            ("mentoring.agreement", "action_sign", [self.carer_c_agreement.ids]),
        )
        for model, method, args in attacks:
            with self.assertRaises(JsonRpcException, msg=f"{model}.{method}"):
                self.call(model, method, args)
        # Adding a course makes it Chris's and waiting, whatever else is sent.
        added = self.call(
            "mentoring.mentor.training",
            "portal_add_training",
            [
                {
                    "name": "Sent",
                    "date": str(self.today),
                    "hours": 1,
                    "kind": "peer",
                    "mentor_id": self.carer.id,
                    "state": "approved",
                }
            ],
        )
        course = self.env["mentoring.mentor.training"].browse(added)
        self.assertEqual((course.mentor_id, course.state), (self.carer_c, "submitted"))
        self.env.invalidate_all()
        self.assertEqual(self.carer_c_training.state, "submitted")
        self.assertFalse(self.carer_c_line.attended or self.carer_line.attended)
        self.assertFalse(self.carer_agreement.mentor_signature or self.carer_c_agreement.mentor_signature)

    def test_a_mentee_login_has_no_mentor_records(self):
        self.login(self.portal_user)
        for model, field in (
            ("mentoring.mentor.training", "date"),
            ("mentoring.supervision.attendee", "session_date"),
            ("mentoring.supervision.session", "date"),
        ):
            self.assertEqual(self.call(model, "search_count", [[]]), 0, model)
            # Not even the fields: the field gate opens them to portal mentors only.
            with self.assertRaises(JsonRpcException, msg=model):
                self.call(model, "search_read", [[]], {"fields": [field], "order": "id"})
        with self.assertRaises(JsonRpcException):
            self.call(
                "mentoring.mentor.training",
                "portal_add_training",
                [{"name": "X", "date": "2026-01-01", "hours": 1, "kind": "peer"}],
            )
        # Jamie's own agreement: the mentor's block is not Jamie's to sign.
        with self.assertRaises(JsonRpcException):
            self.call(
                "mentoring.agreement",
                "action_portal_sign_as_mentor",
                [self.agreement.ids, "Jamie", SIGNATURE],
            )
        for url in (
            "/my/mentor/papers",
            "/my/mentor/training",
            "/my/mentor/supervision",
            "/my/mentor/training/new",
        ):
            self.assertFalse(self.url_open(url).url.endswith(url), url)
