import re

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common_portal_mentor import MentoringPortalMentorCase

SECRETS = ("Robin's private talk", "Robin's secret", "Dana's notes", "Sam", "Jamie", "Pat")


@tagged("post_install", "-at_install")
class TestPortalMentorHttp(MentoringPortalMentorCase, HttpCase):
    """A carer mentor over HTTP, as a browser or a script would send it: /my/mentor, Log a
    meeting, the monthly timesheet, JSON-RPC and files; and the same routes from the side of
    another carer, the match's former mentor, a mentee and the public."""

    def login(self, user):
        self.authenticate(user.login, user.login)

    def csrf(self, url):
        page = self.url_open(url).text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def post(self, url, data, form_url=None):
        data = dict(data, csrf_token=self.csrf(form_url or url))
        return self.url_open(url, data=data)

    def answers(self, **changes):
        return {
            "match_id": self.match_robin.id,
            "date": self.yesterday.isoformat(),
            "start_time": "14:30",
            "duration": "45",
            "location_type": "community",
            "goal_id": self.goal_robin.id,
            "progress": "some_steps",
            "progress_explanation": "Found the contact numbers",
            "next_steps": "Ring the school",
            **changes,
        }

    def robin_meetings(self):
        return self.env["mentoring.encounter"].search([("match_id", "=", self.match_robin.id)])

    def test_the_carer_sees_their_page_and_nobody_elses(self):
        self.login(self.carer_user)
        page = self.url_open("/my/mentor").text
        self.assertIn("Log a meeting", page)
        self.assertIn("with Robin Chen", page)
        self.assertIn('lang="en-US"', page)
        for secret in SECRETS:
            self.assertNotIn(secret, page)
        self.assertIn("/my/mentor", self.url_open("/my").text)
        log = self.url_open("/my/mentor/log").text
        self.assertIn("Robin Chen", log)
        self.assertIn("Settle the new placement", log)
        self.assertEqual(log.count("</textarea>"), 2, "an empty box is closed: the page goes on after it")
        for secret in SECRETS:
            self.assertNotIn(secret, log)

    def test_every_portal_mentor_finds_their_page_on_their_home(self):
        """Even without a mentee now (the former mentor): their timesheets stay there."""
        card = r'<div class="o_portal_index_card (?!d-none)[^"]*">\s*<a href="/my/mentor"'
        for user in (self.carer_user, self.carer_former_user):
            self.login(user)
            self.assertRegex(self.url_open("/my").text, card, user.login)
        self.login(self.portal_user)
        self.assertNotRegex(self.url_open("/my").text, card)

    def test_the_carer_logs_a_draft_meeting_of_their_own_match(self):
        self.login(self.carer_user)
        before = self.robin_meetings()
        response = self.post("/my/mentor/log", self.answers())
        self.assertTrue(response.url.endswith("/my/mentor?logged=1"), response.url)
        self.assertIn("Your meeting is saved", response.text)
        meeting = self.robin_meetings() - before
        self.assertEqual(len(meeting), 1)
        self.assertRecordValues(
            meeting,
            [
                {
                    "state": "draft",
                    "date": self.yesterday,
                    "start_time": 14.5,
                    "end_time": 15.25,
                    "duration_minutes": 45,
                    "location_type": "community",
                    "goal_id": self.goal_robin.id,
                    "progress": "some_steps",
                    "progress_explanation": "Found the contact numbers",
                    "next_steps": "Ring the school",
                    "mentor_id": self.carer.id,
                }
            ],
        )
        self.assertNotIn(self.carer_user.partner_id, meeting.message_partner_ids, "no e-mails of staff notes")
        self.assertIn("Logged on the portal by the mentor", meeting.message_ids[:1].body)
        self.assertEqual(meeting.activity_ids.user_id, self.coordinator_user, "the coordinator checks it")
        self.assertNotIn("Robin", meeting.activity_ids.summary)

    def test_a_missing_answer_is_said_on_the_screen_and_nothing_is_saved(self):
        self.login(self.carer_user)
        before = self.robin_meetings()
        for changes, message in (
            ({"progress": ""}, "Choose how it went."),
            ({"location_type": "moon"}, "Choose where you met."),
            ({"duration": "600"}, "Choose how long you met."),
            ({"date": (self.today.replace(year=self.today.year + 1)).isoformat()}, "today or a day before"),
            ({"goal_id": self.goal.id}, "Choose the goal you worked on."),
            ({"progress": "no_action", "no_action_reason": ""}, "Choose why no step was taken."),
            ({"progress_explanation": " "}, "Tell us more"),
        ):
            page = self.post("/my/mentor/log", self.answers(**changes)).text
            self.assertIn(message, page, changes)
            self.assertIn(
                "Found the contact numbers" if changes.get("progress_explanation") != " " else "Ring", page
            )
        self.assertEqual(self.robin_meetings(), before)

    def test_nobody_else_logs_a_meeting_of_the_match(self):
        before = self.robin_meetings()
        for attacker in (self.carer_c_user, self.carer_former_user):
            self.login(attacker)
            page = self.post("/my/mentor/log", self.answers(goal_id="")).text
            self.assertIn("Choose who you met.", page, attacker.login)
            self.assertNotIn("Robin", page, attacker.login)
        self.login(self.portal_user)
        response = self.url_open("/my/mentor/log", data={"match_id": self.match_robin.id, "csrf_token": "x"})
        self.assertNotEqual(response.status_code, 200)
        self.assertTrue(self.url_open("/my/mentor/log").url.endswith("/my"))
        self.assertTrue(self.url_open("/my/mentor").url.endswith("/my"))
        self.assertTrue(self.url_open("/my/mentor/timesheet").url.endswith("/my"))
        self.authenticate(None, None)
        for url in ("/my/mentor", "/my/mentor/log", "/my/mentor/timesheet"):
            self.assertIn("/web/login", self.url_open(url).url, url)
        self.assertEqual(self.robin_meetings(), before)

    def test_the_carer_sends_the_month_and_it_is_read_only_after(self):
        checked = self.create_encounter(self.match_robin, date=self.yesterday, start_time=8.0, end_time=9.5)
        checked.action_confirm()
        month = self.yesterday.strftime("%Y-%m")
        self.login(self.carer_user)
        page = self.url_open(f"/my/mentor/timesheet?month={month}").text
        self.assertIn("Not sent yet.", page)
        self.assertIn("90 minutes", page)
        self.assertIn("Send my timesheet", page)
        for secret in SECRETS:
            self.assertNotIn(secret, page)
        page = self.post(f"/my/mentor/timesheet?month={month}", {}).text
        self.assertIn("Thank you. Your timesheet is sent.", page)
        sheet = self.env["mentoring.monthly.timesheet"].search([("mentor_id", "=", self.carer.id)])
        self.assertEqual(sheet.state, "submitted")
        self.assertEqual(sheet.claimed_encounter_ids, checked)
        self.assertNotIn(self.carer_user.partner_id, sheet.message_partner_ids)
        page = self.url_open(f"/my/mentor/timesheet?month={month}").text
        self.assertIn("You sent this timesheet", page)
        self.assertNotIn('class="btn btn-primary btn-lg o_pm_button o_pm_send"', page)
        # Sending again changes nothing; the coordinator approves in the back office.
        page = self.url_open(
            f"/my/mentor/timesheet?month={month}",
            data={
                "csrf_token": re.search(
                    r'name="csrf_token" value="([^"]+)"', self.url_open("/my/mentor/log").text
                ).group(1)
            },
        ).text
        self.assertIn("You already sent this month", page)
        sheet.with_user(self.coordinator_user).action_approve()
        self.assertIn(
            "Your coordinator approved this timesheet.",
            self.url_open(f"/my/mentor/timesheet?month={month}").text,
        )

    def test_others_do_not_send_or_read_the_carers_month(self):
        checked = self.create_encounter(self.match_robin, date=self.yesterday, start_time=8.0, end_time=9.0)
        checked.action_confirm()
        month = self.yesterday.strftime("%Y-%m")
        Sheet = self.env["mentoring.monthly.timesheet"]
        for attacker in (self.carer_c_user, self.carer_former_user):
            self.login(attacker)
            # Nothing to send for them, so no Send button: the request is made by hand.
            page = self.post(f"/my/mentor/timesheet?month={month}", {}, form_url="/my/mentor/log").text
            self.assertIn("no confirmed contact", page)
            self.assertNotIn("08:00", page, "Alex's checked meeting")
        self.assertFalse(Sheet.search([("mentor_id", "=", self.carer.id)]))
        self.assertFalse(Sheet.search([("state", "!=", "draft")]))

    def test_call_kw_gives_the_carer_nothing_more(self):
        sheet = Sheet = self.env["mentoring.monthly.timesheet"]
        sheet = Sheet.create({"mentor_id": self.carer.id, "month": self.today, "company_id": self.company.id})
        sheet_c = Sheet.create(
            {"mentor_id": self.carer_c.id, "month": self.today, "company_id": self.company.id}
        )
        self.login(self.carer_user)

        def call(model, method, args, kwargs=None):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            )

        rows = call("mentoring.encounter", "search_read", [[]], {"fields": ["date", "next_steps"]})
        self.assertEqual({row["id"] for row in rows}, set(self.encounter_robin.ids))
        rows = call("mentoring.monthly.timesheet", "search_read", [[]], {"fields": ["name", "state"]})
        self.assertEqual({row["id"] for row in rows}, set(sheet.ids))
        for model, method, args in (
            ("mentoring.encounter", "_portal_log_meeting", [self.answers()]),
            ("mentoring.encounter", "create", [self.answers()]),
            ("mentoring.encounter", "write", [self.encounter_robin.ids, {"progress": "met"}]),
            ("mentoring.encounter", "action_confirm", [self.encounter_robin.ids]),
            ("mentoring.encounter", "read", [self.encounter_sam.ids, ["date"]]),
            ("mentoring.encounter", "read", [self.encounter_robin.ids, ["notes"]]),
            ("mentoring.monthly.timesheet", "action_submit", [sheet.ids]),
            ("mentoring.monthly.timesheet", "_portal_submit_month", [self.today.isoformat()]),
            ("mentoring.monthly.timesheet", "read", [sheet_c.ids, ["name"]]),
            ("mentoring.monthly.timesheet", "read", [sheet.ids, ["approved_by_id"]]),
            ("mentoring.match", "search_read", [[], ["name"]]),
            ("mentoring.mentor", "search_read", [[], ["name"]]),
            ("mentoring.mentor", "action_portal_invite", [self.carer.ids]),
            ("mentoring.mentee", "search_read", [[], ["name"]]),
        ):
            with self.assertRaises(JsonRpcException, msg=f"{model}.{method}"):
                call(model, method, args)
        self.env.invalidate_all()
        self.assertEqual(sheet.state, "draft")
        self.assertEqual(self.encounter_robin.state, "draft")
        messages = call(
            "mail.message", "search_read", [[("model", "like", "mentoring.")]], {"fields": ["body"]}
        )
        self.assertEqual(messages, [])

    def test_files_of_the_carers_meetings_are_not_served(self):
        self.encounter_robin.mentor_signature = b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        attachment = self.env["ir.attachment"].create(
            {
                "name": "robin.txt",
                "raw": b"Robin's letter",
                "res_model": "mentoring.encounter",
                "res_id": self.encounter_robin.id,
            }
        )
        self.login(self.carer_user)
        self.assertNotIn(b"Robin's letter", self.url_open(f"/web/content/{attachment.id}").content)
        for field in ("notes", "mentor_signature"):
            response = self.url_open(f"/web/content/mentoring.encounter/{self.encounter_robin.id}/{field}")
            self.assertNotIn(b"private talk", response.content)
            self.assertNotEqual(response.status_code, 200, field)
        for url in (
            f"/report/pdf/peer_mentoring.report_encounter/{self.encounter_robin.id}",
            f"/report/html/peer_mentoring.report_monthly_timesheet/{self.encounter_robin.id}",
        ):
            self.assertNotEqual(self.url_open(url).status_code, 200, url)

    def test_the_mentees_pages_do_not_list_the_carers_meetings(self):
        self.login(self.carer_user)
        page = self.url_open("/my/mentoring").text
        self.assertNotIn(f"/my/mentoring/meeting/{self.encounter_robin.id}", page)
        response = self.url_open(f"/my/mentoring/meeting/{self.encounter_robin.id}")
        self.assertTrue(response.url.endswith("/my/mentoring"))
        self.assertTrue(self.url_open("/my/mentoring/everything").url.endswith("/my/mentor"))
