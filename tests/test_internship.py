from datetime import timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_internship import ACTIVITY, MentoringInternshipCase


@tagged("post_install", "-at_install")
class TestInternshipHours(MentoringInternshipCase):
    def test_total_and_face_to_face_share_from_the_log_and_the_meetings(self):
        self.log(3, "shadowing", days_ago=12)
        self.log(1, "co_facilitating", days_ago=11)
        self.meeting(1.5, days_ago=10)
        internship = self.internship.with_user(self.supervisor_user)
        self.assertEqual(internship.logged_hours, 4)
        self.assertEqual(internship.meeting_hours, 1.5)
        self.assertEqual(internship.total_hours, 5.5)
        self.assertEqual(internship.face_to_face_hours, 2.5)
        self.assertAlmostEqual(internship.face_to_face_share, 100 * 2.5 / 5.5)
        self.assertEqual(internship.hours_progress, 55)
        self.assertFalse(internship.hours_met)
        self.assertFalse(internship.share_met)
        self.log(4.5, "co_facilitating", days_ago=9)
        self.assertEqual(
            (internship.total_hours, internship.hours_met, internship.share_met), (10, True, True)
        )

    def test_hours_are_hours_and_minutes_on_the_form_and_in_what_is_missing(self):
        self.log(3, "shadowing", days_ago=12)
        self.meeting(1.5, days_ago=10)
        self.assertIn(
            "The log is not complete: 04:30 of 10:00 internship hours.",
            self.internship._certification_problems(),
        )
        arch = self.env["mentoring.internship"].get_view(view_type="form")["arch"]
        for name in ("total_hours", "required_hours", "logged_hours", "meeting_hours"):
            self.assertRegex(arch, rf'<field name="{name}"[^>]*widget="float_time"', name)

    def test_a_meeting_counts_once_even_when_also_logged_by_hand(self):
        meeting = self.meeting(1, days_ago=3)
        internship = self.internship.with_user(self.intern_user)
        self.assertEqual((internship.meeting_hours, internship.total_hours), (1, 1))
        # The intern logs the same meeting by hand: refused, the meeting already counts.
        for activity in ("one_on_one", "group"):
            with self.assertRefused(ValidationError, "comes from the meetings you confirm"):
                self.log(1, activity, days_ago=3)
        line = self.log(1, "other_duties", days_ago=3)
        with self.assertRefused(ValidationError, "comes from the meetings you confirm"):
            line.with_user(self.intern_user).write({"activity_id": self.env.ref(ACTIVITY + "one_on_one").id})
        self.assertEqual(
            (internship.meeting_hours, internship.total_hours, internship.face_to_face_hours), (1, 2, 1)
        )
        rows = internship._log_rows()
        self.assertEqual([row["from_meeting"] for row in rows].count(True), 1)
        # Cancelled, draft, or before the internship: not counted; confirmed again: still once.
        meeting.with_user(self.coordinator_user).action_cancel()
        self.meeting(0.5, days_ago=2, confirm=False)
        self.meeting(2, days_ago=40)
        # Hours are summed afresh on each read (each request): meetings change elsewhere.
        self.env.invalidate_all()
        self.assertEqual(internship.meeting_hours, 0)
        meeting.action_reset_to_draft()
        meeting.action_confirm()
        self.env.invalidate_all()
        self.assertEqual(internship.meeting_hours, 1)
        # The same mentor's internship in another programme does not count this meeting.
        self.intern.program_ids |= self.other_program
        other = self.env["mentoring.internship"].create(
            {
                "mentor_id": self.intern.id,
                "program_id": self.other_program.id,
                "date_start": self.today - timedelta(days=30),
            }
        )
        other.action_start()
        self.assertEqual(other.meeting_hours, 0)
        self.assertEqual(internship.meeting_hours, 1)

    def test_the_supervisor_locks_what_they_reviewed(self):
        line = self.log(2, "shadowing")
        with self.assertRefused(UserError, "Only the mentor's supervisor"):
            self.internship.with_user(self.intern_user).action_lock_lines()
        self.internship.with_user(self.supervisor_user).action_lock_lines()
        self.assertEqual((line.locked, line.locked_by_id), (True, self.supervisor_user))
        for attempt in (
            lambda: line.with_user(self.intern_user).write({"hours": 8}),
            lambda: line.with_user(self.supervisor_user).write({"hours": 8}),
            lambda: line.with_user(self.intern_user).unlink(),
        ):
            with self.assertRefused(UserError, "locked"):
                attempt()
        self.assertEqual(line.hours, 2)
        # New time is still logged while the internship runs, and only the supervisor locks it.
        fresh = self.log(1, "monthly_calls")
        with self.assertRefused(UserError, "cannot be set directly"):
            fresh.with_user(self.intern_user).write({"locked": True})
        # Once sent for review, no more.
        self.internship.with_user(self.supervisor_user).action_send_for_review()
        self.assertTrue(fresh.locked)
        with self.assertRefused(UserError, "in progress"):
            self.log(1, "monthly_calls")

    def test_status_changes_only_through_its_buttons_and_by_whom_they_say(self):
        for user in (self.intern_user, self.supervisor_user, self.coordinator_user):
            for vals in ({"state": "passed"}, {"oversight_decision": "passed"}, {"certified_on": self.today}):
                with self.assertRefused(Exception, "cannot be set directly|not allowed"):
                    self.internship.with_user(user).write(vals)
        with self.assertRefused(Exception, "Only the mentor's supervisor or a coordinator|'read' access"):
            self.internship.with_user(self.mentor_b_user).action_send_for_review()
        with self.assertRefused(UserError, "Only the mentor's supervisor or a coordinator"):
            self.internship.with_user(self.intern_user).action_send_for_review()
        draft = self.env["mentoring.internship"].create(
            {"mentor_id": self.mentor.id, "program_id": self.program.id}
        )
        with self.assertRefused(Exception, "Only a coordinator|not allowed"):
            draft.with_user(self.coordinator_b_user).action_start()
        with self.assertRefused(UserError, "Only a coordinator"):
            draft.with_user(self.supervisor_user).action_start()
        self.assertEqual(self.internship.state, "in_progress")
        self.internship.with_user(self.supervisor_user).action_send_for_review()
        self.assertEqual(self.internship.state, "in_review")
        self.internship.with_user(self.coordinator_user).action_reopen()
        self.assertEqual(self.internship.state, "in_progress")

    def test_starting_makes_the_applicant_an_intern(self):
        self.assertEqual(self.intern.state, "intern")
        self.assertEqual(self.intern.credential_ids[-1:].state, "intern")
        self.assertEqual(self.internship.date_end, self.today + timedelta(days=30))

    def test_one_internship_per_mentor_and_programme(self):
        with self.assertRaises(IntegrityError), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.env["mentoring.internship"].create(
                {"mentor_id": self.intern.id, "program_id": self.program.id}
            )


@tagged("post_install", "-at_install")
class TestSupervisorAtFirstMeetings(MentoringInternshipCase):
    def test_the_supervisor_attends_the_interns_first_two_meetings_with_each_mentee(self):
        first = self.meeting(1, days_ago=9)
        second = self.meeting(1, days_ago=7)
        third = self.meeting(1, days_ago=5)
        self.assertEqual(
            [m.with_user(self.intern_user).supervisor_attends for m in (first, second, third)],
            [True, True, False],
        )
        # Another mentee of the intern: their own first two.
        match = self.create_active_match(self.intern, self.create_mentee("Dee Lane"))
        self.assertTrue(self.meeting(1, days_ago=4, match=match).supervisor_attends)
        # A certified mentor's meetings, or no such rule: nobody comes along.
        self.assertFalse(self.encounter.supervisor_attends)
        self.rule.supervisor_attends_first_meetings = 0
        self.env.invalidate_all()
        self.assertFalse(first.supervisor_attends)

    def test_the_meeting_form_says_the_supervisor_comes(self):
        first = self.meeting(1, days_ago=9, confirm=False)
        html = first.with_user(self.intern_user).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("o_pm_supervisor_attends", html)
        self.assertIn("The supervisor comes to this meeting", html)


@tagged("post_install", "-at_install")
class TestHalfWayDemo(MentoringInternshipCase):
    def test_the_demo_intern_meets_a_mentee_weekly_and_is_evaluated_at_mid_point(self):
        self.log(20, "shadowing", days_ago=25)
        self.env["mentoring.demo"]._generate_half_way_intern(self.internship.id, "Taylor Brooks")
        self.env.invalidate_all()
        # Weekly 90-minute meetings from day 2 of the internship (30 days ago): days 28, 21, 14, 7.
        self.assertEqual(self.internship.meeting_hours, 6)
        self.assertEqual(self.internship.total_hours, 26)
        by_mentee = self.env["mentoring.evaluation"].search(
            [("internship_id", "=", self.internship.id), ("kind", "=", "mentee_evaluation")]
        )
        self.assertEqual(sorted(by_mentee.mapped("mentee_name")), ["Casey Moreau", "Taylor Brooks"])
        self.assertEqual(set(by_mentee.mapped("period")), {"mid"})
