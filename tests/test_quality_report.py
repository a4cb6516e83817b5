from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_checkin import CheckinCase

PERIOD = {"date_from": date(2026, 1, 1), "date_to": date(2026, 6, 30)}


@tagged("post_install", "-at_install")
class TestQualityReport(CheckinCase):
    """Figures written from the rule, then the report made to meet them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The fixtures' two active matches start today (after the period): they do not count.
        cls.closed_1 = cls.closed_match(cls.mentor, "One", date(2026, 1, 1), date(2026, 2, 1))  # 1 month
        cls.closed_9 = cls.closed_match(cls.mentor, "Nine", date(2025, 6, 1), date(2026, 3, 1))  # 9 months
        cls.closed_15 = cls.closed_match(cls.mentor_b, "Fifteen", date(2025, 1, 1), date(2026, 4, 1))
        cls.closed_before = cls.closed_match(cls.mentor_b, "Before", date(2024, 1, 1), date(2025, 12, 31))

    @classmethod
    def closed_match(cls, mentor, name, start, end):
        match = cls.create_active_match(mentor, cls.create_mentee(name))
        cls.document_closure(match)
        match._close("planned_end", "")
        match.sudo().write({"date_start": start, "date_closed": end})
        return match

    def report(self, user=None, program=None):
        Report = self.env["mentoring.quality.report"].with_user(user or self.coordinator_user)
        return Report.create({"program_id": (program or self.program).id, **PERIOD})

    def screen(self, mentor, day, **skip):
        steps = {"interview_date": day, "background_check_date": day, "references_date": day}
        mentor.with_user(self.manager_user).write({k: v for k, v in steps.items() if k not in skip})
        training = self.env["mentoring.mentor.training"].create(
            {
                "mentor_id": mentor.id,
                "name": "Peer mentor course",
                "hours": 20,
                "date": day,
                "kind": "introductory",
            }
        )
        training.with_user(self.manager_user).action_approve()

    def test_match_length_counts_the_relationships_that_ended_in_the_period(self):
        report = self.report()
        # Three relationships ran in the period (the one closed in 2025 and today's do not).
        self.assertEqual(report.match_count, 3)
        self.assertEqual(report.matches_closed_count, 3)
        # 1, 9 and 15 months: one of three ended before 3 months, two before 12.
        self.assertAlmostEqual(report.average_length_months, 25 / 3, places=1)
        self.assertAlmostEqual(report.ended_before_3_months, 33.3)
        self.assertAlmostEqual(report.ended_before_12_months, 66.7)

    def test_a_mentor_counts_as_screened_only_when_every_step_was_done_before_the_first_match(self):
        self.screen(self.mentor, date(2025, 5, 1))  # before their first match (1 June 2025)
        self.screen(self.mentor_b, date(2024, 12, 1), references_date=True)
        report = self.report()
        self.assertEqual((report.mentor_count, report.mentors_screened_count), (2, 1))
        self.assertAlmostEqual(report.mentors_screened, 50.0)
        self.assertEqual(self.mentor_b.with_user(self.coordinator_user).prematch_missing, "references")
        # References taken up after the first match do not make the mentor screened before it.
        self.mentor_b.with_user(self.coordinator_user).references_date = date(2025, 3, 1)
        report.invalidate_recordset()
        self.assertEqual(report.mentors_screened_count, 1)
        self.assertFalse(self.mentor_b.with_user(self.coordinator_user).prematch_missing)

    def test_only_a_coordinator_records_screening_and_never_their_own(self):
        with self.assertRefused(UserError, "Only a coordinator of every programme"):
            self.mentor_b.with_user(self.coordinator_b_user).write({"interview_date": date(2025, 1, 1)})
        with self.assertRefused(UserError, "Ask your coordinator"):
            self.mentor_b.with_user(self.mentor_b_user).write({"background_check_date": date(2025, 1, 1)})
        self.mentor_b.with_user(self.coordinator_user).write({"references_date": date(2025, 1, 1)})
        self.assertEqual(self.mentor_b.sudo().references_date, date(2025, 1, 1))
        # A coordinator who is also the mentor cannot clear their own background check.
        self.mentor_b.sudo().employee_id.user_id = self.coordinator_user
        self.mentor_b.invalidate_recordset()
        with self.assertRefused(UserError, "."):
            self.mentor_b.with_user(self.coordinator_user).write({"background_check_date": date(2025, 1, 1)})
        self.assertFalse(self.mentor_b.sudo().background_check_date)

    def test_notifications_count_on_time_when_made_by_their_deadline(self):
        screen, concern = self.raise_concern(
            self.mentor_user, self.type_disclosure, match_id=self.closed_1.id
        )
        Notification = self.env["mentoring.safeguarding.notification"].with_user(self.lead_user)
        made = [
            (datetime(2026, 2, 2, 17, 0), datetime(2026, 2, 2, 9, 0)),  # before the deadline
            (datetime(2026, 3, 2, 17, 0), datetime(2026, 3, 2, 17, 0)),  # at the deadline
            (datetime(2026, 4, 2, 17, 0), datetime(2026, 4, 3, 9, 0)),  # a day late
            (datetime(2026, 5, 2, 17, 0), False),  # never made
            (datetime(2026, 7, 2, 17, 0), False),  # due after the period: not counted
        ]
        for due, told in made:
            notification = Notification.create(
                {"concern_id": concern.id, "recipient": "LADO", "method": "phone", "due_on": due}
            )
            if told:
                notification.sudo().write({"state": "done", "notified_on": told})
        report = self.report().with_user(self.manager_user)
        self.assertEqual(concern.program_id, self.program)
        self.assertEqual((report.notification_count, report.notifications_on_time_count), (4, 2))
        self.assertAlmostEqual(report.notifications_on_time, 50.0)
        # A notification whose deadline has not come yet is not late, whatever the period: the
        # period now takes July's (never made) and not tomorrow's.
        Notification.create(
            {
                "concern_id": concern.id,
                "recipient": "LADO",
                "method": "phone",
                "due_on": datetime.now() + timedelta(days=1),
            }
        )
        report.date_to = self.today + timedelta(days=30)
        self.assertEqual((report.notification_count, report.notifications_on_time_count), (5, 2))

    def test_concern_figures_are_for_safeguarding_leads_only(self):
        report = self.report()
        with self.assertRefused(AccessError, "."):
            report.read(["notification_count"])
        self.assertNotIn("notifications_on_time", report.fields_get())

    def test_a_coordinator_reads_only_their_programmes_reports(self):
        mine = self.report()
        theirs = self.report(self.coordinator_b_user, self.other_program)
        Report = self.env["mentoring.quality.report"]
        self.assertEqual(Report.with_user(self.coordinator_user).search([]), mine)
        with self.assertRefused(AccessError, "."):
            theirs.with_user(self.coordinator_user).read(["match_count"])
        with self.assertRefused(AccessError, "."):
            Report.with_user(self.coordinator_user).create({"program_id": self.other_program.id, **PERIOD})
        for user in (
            self.mentor_user,
            self.supervisor_user,
            self.finance_user,
            self.hr_user,
            self.oversight_user,
        ):
            with self.assertRefused(AccessError, "."):
                Report.with_user(user).search([])

    def test_a_coordinator_cannot_move_a_report_to_another_programme(self):
        with self.assertRefused(UserError, "stay as they were"):
            self.report().with_user(self.coordinator_user).write({"program_id": self.other_program.id})

    def test_the_printed_report_shows_the_figures_and_the_concern_line_only_to_leads(self):
        report = self.report()
        Pdf = self.env["ir.actions.report"]
        html = (
            Pdf.with_user(self.coordinator_user)
            ._render_qweb_html("peer_mentoring.quality_report_pdf", report.ids)[0]
            .decode()
        )
        for expected in ("Programme quality report", "Ended before 3 months", "33.3 %", "8.3 months", "Nine"):
            self.assertIn(expected, html)
        self.assertNotIn("Safeguarding notifications", html)
        self.assertNotIn("Before", html.split("<h3>Relationships</h3>")[1])
        html = (
            Pdf.with_user(self.manager_user)
            ._render_qweb_html("peer_mentoring.quality_report_pdf", report.ids)[0]
            .decode()
        )
        self.assertIn("Safeguarding notifications made within their deadline", html)
        with self.assertRefused(AccessError, "."):
            Pdf.with_user(self.coordinator_b_user)._render_qweb_html(
                "peer_mentoring.quality_report_pdf", report.ids
            )

    def test_check_ins_on_time_follow_the_programme_cadence_on_each_side(self):
        # Default cadence: by day 14 and day 30 of the match, then a month after the last one.
        self.program.max_mentees_per_mentor = 5
        on_time = self.create_active_match(self.mentor, self.create_mentee("On Time"))
        late = self.create_active_match(self.mentor_b, self.create_mentee("Late Mentee"))
        begun_at_the_end = self.create_active_match(self.mentor, self.create_mentee("Just Begun"))
        for match, start in (
            (on_time, date(2026, 1, 1)),
            (late, date(2026, 1, 1)),
            (begun_at_the_end, date(2026, 3, 25)),
        ):
            match.sudo().date_start = start
        days = [date(2026, 1, 10), date(2026, 1, 25), date(2026, 2, 20), date(2026, 3, 15)]
        for day in days:
            self.record_checkin(on_time, "mentor", day)
            self.record_checkin(on_time, "mentee", day)
            self.record_checkin(late, "mentor", day)
        # The mentee of `late` was first called on day 19: after the day-14 deadline.
        for day in [date(2026, 1, 20), *days[1:]]:
            self.record_checkin(late, "mentee", day)
        report = self.report()
        report.date_to = date(2026, 3, 31)
        # Judged: on_time, late, and the three closed matches of the period, never checked in
        # with (the one begun on 25 March has nothing due before 8 April).
        self.assertEqual((report.checkin_match_count, report.checkin_on_time_count), (5, 1))
        self.assertAlmostEqual(report.checkins_on_time, 20.0)
        # A period after the late call: both on time (1 to 31 March: due 20 March, made 15 March).
        report.date_from = date(2026, 3, 1)
        self.assertEqual(report._match_checkins_on_time(late), True)
        self.assertEqual(report._match_checkins_on_time(on_time), True)
        self.assertIsNone(report._match_checkins_on_time(begun_at_the_end))

    def test_endings_documented_count_closures_with_their_steps_recorded(self):
        report = self.report()
        self.assertEqual((report.matches_closed_count, report.closures_documented_count), (3, 3))
        # A match closed before the addon kept closure records (as imported): not documented.
        self.closed_9.closure_id.sudo().state = "draft"
        report.invalidate_recordset()
        self.assertEqual(report.closures_documented_count, 2)
        self.assertAlmostEqual(report.closures_documented, 66.7)
