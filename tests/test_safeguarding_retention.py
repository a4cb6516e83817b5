from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common_jobs import DailyJobCase
from .common_safeguarding import SafeguardingCase

CONCERN = "mentoring.safeguarding.concern"
SECRET = "Bruise on the left arm"


@tagged("post_install", "-at_install")
class TestSafeguardingRetention(SafeguardingCase, HttpCase, DailyJobCase):
    """False and malicious allegations leave the mentor's record (30 days after closure, unless
    the mentor asks to keep them); the others stay until the agency's retention date. The daily
    job archives them with a summary and says so in the chatter; nothing is deleted."""

    def closed_allegation(self, outcome, keep=False):
        with freeze_time("2026-01-05 10:00:00"):
            _screen, concern = self.raise_concern(
                self.coordinator_user, self.type_allegation, description=SECRET
            )
            lead = concern.with_user(self.lead_user)
            lead.write({"subject_mentor_id": self.mentor.id})
            lead.notification_ids.write({"notified_on": datetime(2026, 1, 5, 11), "contact_name": "LADO"})
            lead.notification_ids.action_mark_notified()
            lead.write({"suspension_reason": "Reviewed the facts."})
            lead.action_lift_suspension()
            lead.write({"outcome_choice": outcome, "outcome_summary": "Nothing happened as alleged."})
            lead.action_record_outcome()
            if keep:
                lead.write({"mentor_keeps_record": True})
        with freeze_time("2026-01-10 16:00:00"):
            lead.action_close()
        return concern

    def run_cron(self, when):
        """The daily scheduled job's own action, run at `when`."""
        cron = self.env.ref("peer_mentoring.ir_cron_safeguarding_retention")
        self.assertEqual((cron.interval_number, cron.interval_type, cron.active), (1, "days", True))
        with freeze_time(when):
            cron.ir_actions_server_id.run()
        self.env.invalidate_all()

    def test_false_allegation_leaves_the_mentors_record_after_the_notice(self):
        concern = self.closed_allegation("false")
        self.assertEqual(concern.retain_until, date(2026, 2, 9))
        self.run_cron("2026-02-08 23:00:00")
        self.assertEqual(concern.subject_mentor_id, self.mentor, "still there the day before")
        self.assertTrue(concern.active)
        self.run_cron("2026-02-09 02:00:00")
        self.assertFalse(concern.subject_mentor_id)
        self.assertFalse(concern.active)
        self.assertFalse(self.env[CONCERN].search([("subject_mentor_id", "=", self.mentor.id)]))
        self.assertTrue(concern.exists(), "archived, never deleted")
        self.assertIn("Outcome: False", concern.retention_summary)
        self.assertNotIn("Nothing happened", concern.retention_summary)
        self.assertEqual(concern.description, SECRET, "what was reported stays as it was sent")
        note = concern.message_ids[:1]
        self.assertEqual(note.author_id, self.env.ref("base.partner_root"))
        self.assertIn("removed from the mentor's record", note.body)

    def test_the_job_works_in_batches_and_resumes_after_the_last_batch_committed(self):
        concerns = self.closed_allegation("false") | self.closed_allegation("malicious")
        concerns |= self.closed_allegation("false")

        def retirements():
            self.env.invalidate_all()
            return {
                concern.id: len(concern.message_ids.filtered(lambda m: "archived by the system" in m.body))
                for concern in concerns.with_context(active_test=False)
            }

        def run_job():
            with freeze_time("2026-02-09 02:00:00"):
                self.env[CONCERN]._cron_apply_retention()

        done = self.assert_batched_and_resumable(run_job, concerns, retirements)
        self.assertEqual(set(done.values()), {1}, "one archiving message each")
        self.assertFalse(concerns.exists().filtered("active"))

    def test_malicious_allegation_the_mentor_asked_to_keep_stays_until_the_retention_date(self):
        concern = self.closed_allegation("malicious", keep=True)
        self.assertEqual(concern.retain_until, date(2036, 1, 10))
        self.run_cron("2026-02-09 02:00:00")
        self.assertEqual(concern.subject_mentor_id, self.mentor)
        self.run_cron("2036-01-10 02:00:00")
        self.assertFalse(concern.subject_mentor_id)
        self.assertFalse(concern.active)

    def test_substantiated_allegation_stays_until_the_agencys_retention_date(self):
        self.company.safeguarding_retention_years = 25
        concern = self.closed_allegation("substantiated")
        self.assertEqual(concern.retain_until, date(2051, 1, 10))
        self.run_cron("2051-01-09 12:00:00")
        self.assertEqual(concern.subject_mentor_id, self.mentor)
        self.assertTrue(concern.active)
        self.run_cron("2051-01-10 12:00:00")
        self.assertFalse(concern.active)
        self.assertIn("Summary of the outcome: Nothing happened as alleged.", concern.retention_summary)
        self.assertIn("retention date (2051-01-10) is reached", concern.message_ids[:1].body)

    def test_the_default_retention_is_ten_years(self):
        company = self.env["res.company"].create({"name": "New agency"})
        self.assertEqual(company.safeguarding_retention_years, 10)

    def test_an_open_concern_is_never_removed(self):
        with freeze_time("2026-01-05 10:00:00"):
            _screen, concern = self.raise_concern(self.coordinator_user, self.type_safety)
        self.run_cron("2046-01-05 10:00:00")
        self.assertTrue(concern.active)
        self.assertFalse(concern.retain_until)

    def test_only_the_lead_records_that_the_mentor_keeps_it(self):
        concern = self.closed_allegation("false")
        for user in (self.coordinator_user, self.mentor_user, self.hr_user):
            with self.assertRaises(UserError, msg=user.login):
                concern.with_user(user).write({"mentor_keeps_record": True})
        for field, value in (("active", False), ("retention_summary", "x"), ("retired_on", "2026-01-01")):
            with self.assertRefused(UserError, "cannot be set directly|cannot be changed"):
                concern.with_user(self.lead_user).write({field: value})
        concern.with_user(self.lead_user).write({"mentor_keeps_record": True})
        self.assertEqual(concern.retain_until, date(2036, 1, 10))
        substantiated = self.closed_allegation("substantiated")
        with self.assertRefused(UserError, "Only a false or malicious"):
            substantiated.with_user(self.lead_user).write({"mentor_keeps_record": True})

    def test_concern_pdf_only_for_leads_and_managers(self):
        concern = self.closed_allegation("unfounded")
        self.env.flush_all()
        route = f"/report/pdf/peer_mentoring.report_safeguarding_concern/{concern.id}"
        html_route = f"/report/html/peer_mentoring.report_safeguarding_concern/{concern.id}"
        denied = {
            "coordinator who raised it": self.coordinator_user,
            "mentor it was about": self.mentor_user,
            "mentor B": self.mentor_b_user,
            "supervisor": self.supervisor_user,
            "coordinator of another programme": self.coordinator_b_user,
            "finance": self.finance_user,
            "HR officer": self.hr_user,
            "oversight body": self.oversight_user,
        }
        for role, user in denied.items():
            self.authenticate(user.login, user.login)
            for url in (route, html_route):
                response = self.url_open(url)
                self.assertNotEqual(response.status_code, 200, f"{role} prints {url}")
                self.assertNotIn(SECRET.encode(), response.content, role)
        for user in (self.lead_user, self.manager_user):
            self.authenticate(user.login, user.login)
            response = self.url_open(html_route)
            self.assertEqual(response.status_code, 200, user.login)
            for text in (SECRET, "LADO", "Suspension lifted", "Unfounded", "Nothing happened as alleged."):
                self.assertIn(text.encode(), response.content, f"{user.login}: {text}")
