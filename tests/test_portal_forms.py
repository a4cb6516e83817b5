import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common_portal_forms import MentoringPortalFormsCase

# The page's own token (every portal page carries it, open form or not).
CSRF = r'csrf_token: "([^"]+)"'


@tagged("post_install", "-at_install")
class TestPortalForms(MentoringPortalFormsCase):
    """The person mentored fills in their own evaluation of the mentor (ORM side)."""

    def test_the_person_reads_only_their_own_open_forms(self):
        Evaluation = self.env["mentoring.evaluation"].with_user(self.portal_user)
        self.assertEqual(Evaluation.search([]), self.form)
        self.assertEqual(
            self.env["mentoring.evaluation.answer"].with_user(self.portal_user).search([]),
            self.form.answer_ids,
        )
        for other in (self.form_b, self.mentor_form):
            with self.assertRaises(AccessError):
                other.with_user(self.portal_user).read(["name"])
        # Only the fields the form prints.
        with self.assertRaises(AccessError):
            self.form.with_user(self.portal_user).read(["match_id"])
        with self.assertRaises(AccessError):
            self.form.with_user(self.portal_user).read(["message_ids"])

    def test_not_on_the_portal_when_the_programme_does_not_allow_it(self):
        self.program.portal_evaluations = False
        self.assertFalse(self.env["mentoring.evaluation"].with_user(self.portal_user).search([]))
        with self.assertRaises(AccessError):
            self.form.with_user(self.portal_user).action_portal_submit(self.answers(self.form))

    def test_submitted_the_form_is_completed_by_them_and_locked(self):
        form = self.form.with_user(self.portal_user)
        form.action_portal_submit(self.answers(self.form))
        self.assertEqual(self.form.state, "done")
        self.assertEqual(self.form.completed_by_id, self.portal_user)
        self.assertEqual(set(self.form.answer_ids.filtered("score").mapped("score")), {4})
        with self.assertRaises(UserError):
            form.action_portal_submit(self.answers(self.form, score=1))
        # Not even the supervisor changes what the person said.
        with self.assertRaises(UserError):
            self.form.answer_ids[:1].with_user(self.supervisor_user).write({"score": 1})
        self.assertEqual(set(self.form.answer_ids.filtered("score").mapped("score")), {4})

    def test_every_score_is_needed_and_on_the_scale(self):
        form = self.form.with_user(self.portal_user)
        with self.assertRaises(UserError):
            form.action_portal_submit(self.answers(self.form, score=None))
        with self.assertRaises(UserError):
            form.action_portal_submit(self.answers(self.form, score=9))
        self.assertEqual(self.form.state, "draft")

    def test_no_direct_write_nor_anyone_elses_form(self):
        with self.assertRaises(AccessError):
            self.form.answer_ids[:1].with_user(self.portal_user).write({"score": 1})
        with self.assertRaises(UserError):  # (AccessError is one too)
            self.form.with_user(self.portal_user).write({"state": "done"})
        with self.assertRaises(AccessError):
            self.form_b.with_user(self.portal_user).action_portal_submit(self.answers(self.form_b))
        # Answers of another form slipped into one's own.
        with self.assertRaises(AccessError):
            self.form.with_user(self.portal_user).action_portal_submit(
                {**self.answers(self.form), **self.answers(self.form_b)}
            )
        self.assertEqual((self.form | self.form_b).mapped("state"), ["draft", "draft"])

    def test_the_mentor_never_reads_what_the_person_said(self):
        self.form.with_user(self.portal_user).action_portal_submit(self.answers(self.form))
        for user in (self.mentor_user, self.mentor_b_user):
            Evaluation = self.env["mentoring.evaluation"].with_user(user)
            self.assertFalse(Evaluation.search([("kind", "=", "mentee_evaluation")]))
            self.assertFalse(
                self.env["mentoring.evaluation.answer"]
                .with_user(user)
                .search([("evaluation_id", "=", self.form.id)])
            )
            with self.assertRaises(AccessError):
                self.form.with_user(user).read(["average_score"])
            self.assertFalse(
                self.env["mail.message"]
                .with_user(user)
                .search([("model", "=", "mentoring.evaluation"), ("res_id", "=", self.form.id)])
            )
        # The supervisor reads it, as today.
        self.assertEqual(self.form.with_user(self.supervisor_user).state, "done")


@tagged("post_install", "-at_install")
class TestPortalFormsHttp(MentoringPortalFormsCase, HttpCase):
    """The same over HTTP: the pages, the submit route, /report, /web/content and call_kw."""

    def login(self, user):
        self.authenticate(user.login, user.login)

    def submit(self, form, score="4"):
        page = self.url_open(f"/my/mentoring/form/{self.form.id}").text
        token = re.search(CSRF, page)
        data = {"csrf_token": token.group(1) if token else ""}
        for line in form.answer_ids:
            if line.answer_type == "score":
                data[f"score_{line.id}"] = score
            else:
                data[f"answer_{line.id}"] = "Ada listens to me"
        return self.url_open(f"/my/mentoring/form/{form.id}/submit", data=data)

    def test_the_person_fills_in_their_form_and_it_is_locked(self):
        self.login(self.portal_user)
        page = self.url_open("/my/mentoring").text
        self.assertIn(f"/my/mentoring/form/{self.form.id}", page)
        self.assertNotIn(f"/my/mentoring/form/{self.form_b.id}", page)
        self.assertNotIn(f"/my/mentoring/form/{self.mentor_form.id}", page)
        page = self.url_open(f"/my/mentoring/form/{self.form.id}").text
        self.assertIn("I feel that my peer mentor listens to my concerns.", page)
        self.assertIn("Your mentor does not see your answers.", page)
        response = self.submit(self.form)
        self.assertTrue(response.url.endswith(f"/my/mentoring/form/{self.form.id}?sent=1"), response.url)
        self.assertIn("Thank you. We have your answers.", response.text)
        self.assertNotIn("Send my answers", response.text)
        self.env.invalidate_all()
        self.assertEqual(self.form.state, "done")
        self.assertIn("Ada listens to me", self.form.answer_ids.mapped("answer"))
        # Sent again (an old tab): refused, nothing changes.
        response = self.submit(self.form, score="1")
        self.assertIn("This form is closed", response.text)
        self.env.invalidate_all()
        self.assertNotIn(1, self.form.answer_ids.mapped("score"))
        download = self.url_open(f"/my/mentoring/form/{self.form.id}/download")
        self.assertEqual(download.status_code, 200)
        self.assertIn("Performance Evaluation by Mentee", download.text)

    def test_a_missing_answer_is_said_in_plain_words(self):
        self.login(self.portal_user)
        response = self.submit(self.form, score="")
        self.assertIn("Choose an answer for each question.", response.text)
        self.env.invalidate_all()
        self.assertEqual(self.form.state, "draft")

    def test_another_mentee_cannot_reach_or_fill_in_the_form(self):
        self.login(self.portal_b_user)
        for url in (f"/my/mentoring/form/{self.form.id}", f"/my/mentoring/form/{self.form.id}/download"):
            response = self.url_open(url)
            self.assertTrue(response.url.endswith("/my/mentoring"), url)
            self.assertNotIn("Jamie", response.text)
        page = self.url_open(f"/my/mentoring/form/{self.form_b.id}").text
        token = re.search(CSRF, page).group(1)
        data = {"csrf_token": token, **{f"score_{line.id}": "1" for line in self.form.answer_ids}}
        response = self.url_open(f"/my/mentoring/form/{self.form.id}/submit", data=data)
        self.assertTrue(response.url.endswith("/my/mentoring"))
        self.env.invalidate_all()
        self.assertEqual(self.form.state, "draft")

    def test_report_content_and_call_kw_are_closed(self):
        self.form.with_user(self.portal_user).action_portal_submit(self.answers(self.form))
        self.env.flush_all()
        for user in (self.portal_user, self.portal_b_user, self.mentor_user):
            self.login(user)
            for kind in ("pdf", "html"):
                response = self.url_open(f"/report/{kind}/peer_mentoring.report_evaluation/{self.form.id}")
                self.assertNotIn("My mentor listens to me", response.text, user.login)
            response = self.url_open(
                f"/web/content/mentoring.evaluation.answer/{self.form.answer_ids[-1].id}/answer"
            )
            self.assertNotIn(b"My mentor listens to me", response.content, user.login)

        def call(model, method, args, kwargs=None):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            )

        self.login(self.mentor_user)
        self.assertEqual(
            call("mentoring.evaluation", "search_read", [[("kind", "=", "mentee_evaluation")]]), []
        )
        self.assertEqual(
            call(
                "mentoring.evaluation.answer",
                "search_read",
                [[("evaluation_id", "=", self.form.id)]],
                {"fields": ["answer"]},
            ),
            [],
        )
        self.login(self.portal_b_user)
        self.assertEqual(
            {r["id"] for r in call("mentoring.evaluation", "search_read", [[]], {"fields": ["name"]})},
            set(self.form_b.ids),
        )
        with self.assertRaises(JsonRpcException):
            call("mentoring.evaluation", "action_portal_submit", [self.form_b.ids, {}])
        with self.assertRaises(JsonRpcException):
            call("mentoring.evaluation.answer", "write", [self.form_b.answer_ids.ids, {"score": 1}])

    def test_public_user_is_sent_to_the_login(self):
        for url in (f"/my/mentoring/form/{self.form.id}", f"/my/mentoring/form/{self.form.id}/download"):
            response = self.url_open(url)
            self.assertIn("/web/login", response.url, url)


@tagged("post_install", "-at_install")
class TestPortalFormsFormerMentee(MentoringPortalFormsCase, HttpCase):
    """A former mentee: Pat's mentoring has ended. Pat still fills in their own feedback on
    the portal (that is when it is asked), and still reaches nothing of Jamie's; once their
    portal access is taken away, they reach nothing at all."""

    def test_a_former_mentee_keeps_their_own_and_nothing_else(self):
        self.close_match(self.match_b, "planned_end")
        self.env.flush_all()
        self.authenticate(self.portal_b_user.login, self.portal_b_user.login)
        page = self.url_open("/my/mentoring").text
        self.assertIn(f"/my/mentoring/form/{self.form_b.id}", page)
        for url in (
            f"/my/mentoring/form/{self.form.id}",
            f"/my/mentoring/plan/{self.plan.id}",
            f"/my/mentoring/meeting/{self.encounter.id}/download",
        ):
            response = self.url_open(url)
            self.assertTrue(response.url.endswith("/my/mentoring"), url)
            self.assertNotIn("Jamie", response.text, url)
        self.form_b.with_user(self.portal_b_user).action_portal_submit(self.answers(self.form_b))
        self.assertEqual(self.form_b.state, "done")
        # Portal access taken away: the login no longer opens anything.
        self.mentee_b.with_user(self.coordinator_user).action_portal_revoke()
        self.env.flush_all()
        self.assertFalse(self.portal_b_user.active)
        response = self.url_open(f"/my/mentoring/form/{self.form_b.id}")
        self.assertIn("/web/login", response.url)
