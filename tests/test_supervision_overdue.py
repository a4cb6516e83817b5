"""Overdue supervision: the last attended session plus the cadence of the mentor's stage (intern
or certified) from the programme's rule set, checked on day N and N+1 with frozen dates, and the
scheduled action that tells the supervisor once."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common_jobs import DailyJobCase
from .common_supervision import SupervisionCase


@tagged("post_install", "-at_install")
class TestSupervisionOverdue(SupervisionCase, DailyJobCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env["mentoring.certification.rule"].create(
            {"name": "Foster carer scheme", "supervision_days_intern": 14, "supervision_days_certified": 42}
        )
        cls.program.certification_rule_id = cls.rule
        cls.day = cls.today - timedelta(days=60)
        cls.activity_type = cls.env.ref("peer_mentoring.mail_activity_type_supervision_overdue")

    def overdue_on(self, mentor, day):
        with freeze_time(day):
            self.env.invalidate_all()
            flagged = mentor.supervision_overdue
            found = mentor in self.env["mentoring.mentor"].search([("supervision_overdue", "=", True)])
            self.assertEqual(flagged, found, "the field and its search agree")
            return flagged

    def alerts(self, mentor):
        self.env.invalidate_all()
        return mentor.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type)

    def test_a_certified_mentor_is_overdue_the_day_after_the_cadence(self):
        self.held_session(self.mentor, self.day)
        self.assertEqual(self.mentor.last_supervision_date, self.day)
        self.assertEqual(self.mentor.supervision_due_date, self.day + timedelta(days=42))
        self.assertFalse(self.overdue_on(self.mentor, self.day + timedelta(days=42)))
        self.assertTrue(self.overdue_on(self.mentor, self.day + timedelta(days=43)))
        with freeze_time(self.day + timedelta(days=45)):
            self.env.invalidate_all()
            self.assertEqual(self.mentor.supervision_days_overdue, 3)

    def test_an_intern_is_held_to_the_intern_cadence(self):
        self.held_session(self.mentor_c, self.day)
        self.assertFalse(self.overdue_on(self.mentor_c, self.day + timedelta(days=14)))
        self.assertTrue(self.overdue_on(self.mentor_c, self.day + timedelta(days=15)))

    def test_without_a_rule_set_the_rule_sets_defaults_apply(self):
        self.program.certification_rule_id = False
        defaults = self.env["mentoring.certification.rule"].default_get(
            ["supervision_days_intern", "supervision_days_certified"]
        )
        for mentor, days in (
            (self.mentor, defaults["supervision_days_certified"]),
            (self.mentor_c, defaults["supervision_days_intern"]),
        ):
            self.held_session(mentor, self.day)
            self.assertFalse(self.overdue_on(mentor, self.day + timedelta(days=days)))
            self.assertTrue(self.overdue_on(mentor, self.day + timedelta(days=days + 1)))

    def test_the_strictest_programme_rule_set_applies(self):
        self.other_program.certification_rule_id = self.env["mentoring.certification.rule"].create(
            {"name": "Weekly", "supervision_days_intern": 7, "supervision_days_certified": 30}
        )
        self.held_session(self.mentor, self.day)
        self.assertEqual(self.mentor.supervision_due_date, self.day + timedelta(days=30))

    def test_only_confirmed_attendance_counts(self):
        self.held_session(self.mentor, self.day)
        later = self.create_session(self.mentor, date=self.day + timedelta(days=20))
        later.with_user(self.supervisor_user).action_mark_held()
        self.assertEqual(self.mentor.last_supervision_date, self.day, "not confirmed by the mentor")
        later.attendee_ids.with_user(self.mentor_user).action_confirm_attendance()
        self.assertEqual(self.mentor.last_supervision_date, self.day + timedelta(days=20))
        self.assertFalse(self.overdue_on(self.mentor, self.day + timedelta(days=43)))

    def test_a_mentor_never_supervised_counts_from_the_start_of_their_stage(self):
        started = self.mentor_c.create_date.date()
        self.assertEqual(self.mentor_c.supervision_due_date, started + timedelta(days=14))
        self.mentor_c.ethics_ack_date = self.today
        with freeze_time(self.today + timedelta(days=3)):
            self.mentor_c.action_certify()
        self.assertEqual(self.mentor_c.supervision_due_date, self.today + timedelta(days=3 + 42))

    def test_mentors_without_supervisor_or_not_in_a_supervised_stage_are_not_tracked(self):
        self.mentor_c.supervisor_id = False
        self.assertFalse(self.mentor_c.supervision_due_date)
        self.mentor_b.action_suspend()
        self.assertFalse(self.mentor_b.supervision_due_date)
        self.assertFalse(self.overdue_on(self.mentor_b, self.today + timedelta(days=400)))

    def test_the_scheduled_action_tells_the_supervisor_once(self):
        self.held_session(self.mentor, self.day)
        # The scheduled action's own server action, as the scheduler runs it.
        cron = self.env.ref("peer_mentoring.ir_cron_supervision_overdue").ir_actions_server_id
        with freeze_time(self.day + timedelta(days=42)):
            cron.run()
        self.assertFalse(self.alerts(self.mentor), "due today is not overdue")
        with freeze_time(self.day + timedelta(days=43)):
            cron.run()
        alert = self.alerts(self.mentor)
        self.assertEqual(len(alert), 1)
        self.assertEqual(alert.user_id, self.supervisor_user)
        self.assertIn("Ada Mentor", str(alert.note))
        with freeze_time(self.day + timedelta(days=44)):
            cron.run()
        self.assertEqual(self.alerts(self.mentor), alert, "not twice")
        alert.action_feedback("Planned for next week")
        with freeze_time(self.day + timedelta(days=50)):
            cron.run()
        self.assertFalse(self.alerts(self.mentor), "done, and still the same overdue period")
        # A new period: supervised again, then overdue again.
        self.held_session(self.mentor, self.day + timedelta(days=51))
        with freeze_time(self.day + timedelta(days=51 + 43)):
            cron.run()
        self.assertEqual(len(self.alerts(self.mentor)), 1)

    def test_the_job_tells_in_batches_and_resumes_after_the_last_batch_committed(self):
        mentors = self.mentor | self.mentor_b | self.mentor_c
        for mentor in mentors:
            self.held_session(mentor, self.day)
        Mentor = self.env["mentoring.mentor"]

        def run_job():
            with freeze_time(self.day + timedelta(days=43)):
                Mentor._cron_supervision_overdue()

        self.assert_batched_and_resumable(
            run_job, mentors, lambda: {mentor.id: len(self.alerts(mentor)) for mentor in mentors}
        )
        self.assertEqual({len(self.alerts(mentor)) for mentor in mentors}, {1})

    def test_without_a_supervisor_login_a_coordinator_is_told(self):
        self.supervisor_employee.user_id = False
        self.held_session_by_manager(self.mentor, self.day)
        with freeze_time(self.day + timedelta(days=43)):
            self.env["mentoring.mentor"]._cron_supervision_overdue()
        self.assertEqual(self.alerts(self.mentor).user_id, self.coordinator_user)

    def held_session_by_manager(self, mentor, day):
        session = self.env["mentoring.supervision.session"].create(
            {
                "date": day,
                "supervisor_id": self.supervisor_employee.id,
                "attendee_ids": [Command.create({"mentor_id": mentor.id})],
            }
        )
        session.action_mark_held()
        session.attendee_ids.with_user(mentor.user_id).action_confirm_attendance()

    def test_the_overdue_list_shows_supervisors_and_coordinators_their_mentors(self):
        self.held_session(self.mentor, self.day)
        action = self.env.ref("peer_mentoring.mentoring_mentor_supervision_overdue_action")
        self.assertEqual(action.context, "{'search_default_supervision_overdue': 1}")
        with freeze_time(self.day + timedelta(days=43)):
            for user, expected in (
                (self.supervisor_user, True),
                (self.coordinator_user, True),
                (self.coordinator_b_user, True),  # Ada also works in the other programme
                (self.mentor_b_user, False),
            ):
                found = (
                    self.env["mentoring.mentor"].with_user(user).search([("supervision_overdue", "=", True)])
                )
                self.assertEqual(self.mentor in found, expected, user.login)

    def test_the_demo_shows_one_overdue_supervision(self):
        self.env["mentoring.demo"]._generate_supervision(
            self.supervisor_employee.id, self.mentor.id, self.mentor_c.id
        )
        ours = self.mentor | self.mentor_b | self.mentor_c
        overdue = self.env["mentoring.mentor"].search(
            [("supervision_overdue", "=", True), ("id", "in", ours.ids)]
        )
        self.assertEqual(overdue, self.mentor_c)
        self.assertEqual(self.alerts(self.mentor_c).user_id, self.supervisor_user)
        agreement = self.env["mentoring.supervision.agreement"].search([("mentor_id", "=", self.mentor.id)])
        self.assertEqual(sorted(agreement.mapped("state")), ["draft", "signed"])
