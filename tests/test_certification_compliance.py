from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common_certification import CertificationBillingCase, CertificationCase
from .common_jobs import DailyJobCase


@tagged("post_install", "-at_install")
class TestCertificationCompliance(CertificationCase, DailyJobCase):
    def problem(self, day):
        return self.mentor._compliance_problem(day)

    def test_19_5_continuing_education_hours_fail_a_20_hour_rule(self):
        self.add_training(self.mentor, 16.5, date(2024, 6, 1))
        self.add_training(self.mentor, 3, date(2025, 3, 1), kind="ethics")
        self.assertFalse(
            self.problem(self.renewal_on - timedelta(days=1)), "compliant until the renewal date"
        )
        problem = self.problem(self.renewal_on)
        self.assertIn("19.5 of 20 continuing education hours", problem)
        self.assertIn("lapsed on", problem)
        self.assertIn("Texas-like", problem)
        self.assertNotIn("ethics", problem)

    def test_20_continuing_education_hours_pass_a_20_hour_rule(self):
        self.add_training(self.mentor, 17, date(2024, 6, 1))
        self.add_training(self.mentor, 3, date(2025, 3, 1), kind="ethics")
        self.assertFalse(self.problem(self.renewal_on))
        self.assertFalse(self.problem(self.renewal_on + relativedelta(months=23)))
        # The next cycle asks the same again, of training dated in it.
        self.assertIn("0 of 20 continuing education hours", self.problem(date(2028, 1, 1)))

    def test_2_5_of_3_ethics_hours_fail(self):
        self.add_training(self.mentor, 17.5, date(2024, 6, 1))
        self.add_training(self.mentor, 2.5, date(2025, 3, 1), kind="ethics")
        problem = self.problem(self.renewal_on)
        self.assertIn("2.5 of 3 ethics hours", problem)
        self.assertNotIn("continuing education", problem)

    def test_training_not_yet_approved_does_not_count(self):
        self.add_training(self.mentor, 17, date(2024, 6, 1))
        self.add_training(self.mentor, 3, date(2025, 3, 1), kind="ethics", approved=False)
        self.assertIn("0 of 3 ethics hours", self.problem(self.renewal_on))

    def test_training_made_up_after_the_lapse_restores_compliance_from_its_date(self):
        self.add_training(self.mentor, 17, date(2024, 6, 1))
        self.add_training(self.mentor, 2, date(2025, 3, 1), kind="ethics")
        self.add_training(self.mentor, 1, date(2026, 2, 1), kind="ethics")
        self.assertTrue(self.problem(date(2026, 1, 31)))
        self.assertFalse(self.problem(date(2026, 2, 1)))
        # A new cycle starts on the day it was made up; the hours are not counted twice.
        self.assertFalse(self.problem(date(2028, 1, 31)))
        self.assertIn("lapsed on 02/01/2028", self.problem(date(2028, 2, 1)))

    def test_peer_specific_hours_of_a_pennsylvania_rule(self):
        self.rule.write({"ce_hours": 36, "ce_peer_hours": 24, "ce_ethics_hours": 3})
        self.add_training(self.mentor, 20, date(2024, 6, 1), kind="peer")
        self.add_training(self.mentor, 13, date(2024, 7, 1))
        self.add_training(self.mentor, 3, date(2024, 8, 1), kind="ethics")
        self.assertIn("20 of 24 peer-specific hours", self.problem(self.renewal_on))
        self.add_training(self.mentor, 4, date(2025, 8, 1), kind="peer")
        self.assertFalse(self.problem(self.renewal_on))

    def test_one_training_a_year_of_the_foster_carer_scheme(self):
        self.program.certification_rule_id = self.env.ref("peer_mentoring.certification_rule_foster_scheme")
        self.assertIn("0 of 1 training sessions", self.problem(date(2025, 1, 1)))
        self.add_training(self.mentor, 2, date(2024, 11, 1))
        self.assertFalse(self.problem(date(2025, 1, 1)))

    def test_an_expired_introductory_training_is_a_problem_for_interns_too(self):
        self.rule.introductory_training_required = True
        intro = self.add_training(self.mentor, 8, date(2023, 6, 1), kind="introductory")
        intro.sudo().expiry_date = date(2025, 6, 1)
        self.assertFalse(self.problem(date(2025, 6, 1)))
        self.assertIn("no valid introductory peer-mentor training", self.problem(date(2025, 6, 2)))

    def test_a_mentor_without_programme_rules_is_not_checked(self):
        self.program.certification_rule_id = False
        self.assertFalse(self.problem(date(2030, 1, 1)))

    @freeze_time("2025-12-15")
    def test_the_profile_shows_the_renewal_date_and_the_coming_lapse(self):
        self.mentor.invalidate_recordset()
        self.assertEqual(self.mentor.certified_since, self.certified_on)
        self.assertEqual(self.mentor.certification_renewal_date, self.renewal_on)
        self.assertFalse(self.mentor.compliance_note)

    # Lapsed mentors are not proposed for a new match ------------------------------------------

    def propose(self, mentor, mentee):
        return (
            self.env["mentoring.match"]
            .with_user(self.coordinator_user)
            .create({"mentor_id": mentor.id, "mentee_id": mentee.id, "program_id": self.program.id})
        )

    @freeze_time("2026-01-10")
    def test_a_lapsed_mentor_cannot_be_proposed_until_compliant_again(self):
        mentee = self.create_mentee("Noor Haddad")
        with self.assertRefused(UserError, "Ada Mentor cannot be proposed for a new match: .*lapsed on"):
            self.propose(self.mentor, mentee)
        proposal = self.propose(self.mentor_b, mentee)
        with self.assertRefused(UserError, "cannot be proposed"):
            proposal.with_user(self.coordinator_user).write({"mentor_id": self.mentor.id})
        self.add_training(self.mentor, 17, date(2026, 1, 5))
        self.add_training(self.mentor, 3, date(2026, 1, 6), kind="ethics")
        self.assertEqual(self.propose(self.mentor, self.create_mentee("Lee Park")).mentor_id, self.mentor)

    # The coordinator's warning ----------------------------------------------------------------

    def warnings(self, mentor=None):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "mentoring.mentor"),
                ("res_id", "=", (mentor or self.mentor).id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("peer_mentoring.mail_activity_type_compliance_due").id,
                ),
            ]
        )

    def test_the_coordinator_is_warned_30_days_before_a_lapse(self):
        self.add_training(self.mentor, 18, date(2024, 6, 1))
        with freeze_time(self.renewal_on - timedelta(days=31)):
            self.env["mentoring.mentor"]._cron_warn_compliance()
        self.assertFalse(self.warnings(), "31 days before: not yet")
        with freeze_time(self.renewal_on - timedelta(days=30)):
            self.env["mentoring.mentor"]._cron_warn_compliance()
            self.env["mentoring.mentor"]._cron_warn_compliance()
        warning = self.warnings()
        self.assertEqual(len(warning), 1, "one warning, however often the action runs")
        self.assertEqual(warning.user_id, self.coordinator_user)
        self.assertEqual(warning.date_deadline, self.renewal_on - timedelta(days=1))
        self.assertIn("18 of 20 continuing education hours", str(warning.note))
        self.assertIn("0 of 3 ethics hours", str(warning.note))
        self.assertIn(
            "lapses on 01/01/2026 under the rules Texas-like unless training is recorded", str(warning.note)
        )

    def test_the_job_works_in_batches_and_resumes_after_the_last_batch_committed(self):
        self.certify_on(self.mentor_b, self.certified_on)
        mentors = self.mentor | self.mentor_b
        self.assertEqual(self.mentor_b.program_ids.certification_rule_id, self.rule)
        for mentor in mentors:
            self.add_training(mentor, 18, date(2024, 6, 1))

        def run_job():
            with freeze_time(self.renewal_on - timedelta(days=30)):
                self.env["mentoring.mentor"]._cron_warn_compliance()

        done = self.assert_batched_and_resumable(
            run_job, mentors, lambda: {mentor.id: len(self.warnings(mentor)) for mentor in mentors}
        )
        self.assertEqual(set(done.values()), {1})

    def test_no_warning_for_a_mentor_who_is_on_track(self):
        self.add_training(self.mentor, 17, date(2024, 6, 1))
        self.add_training(self.mentor, 3, date(2024, 7, 1), kind="ethics")
        with freeze_time(self.renewal_on - timedelta(days=10)):
            self.env["mentoring.mentor"]._cron_warn_compliance()
        self.assertFalse(self.warnings())


@tagged("post_install", "-at_install")
class TestLapsedMentorBilling(CertificationBillingCase):
    """Mentor A was certified 25 months ago with no training since: the certification lapsed a
    month ago. Meetings held before are billed; those held after are logged and need attention."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor.sudo().credential_ids.unlink()
        cls.certify_on(cls.mentor, cls.today - relativedelta(months=25))
        cls.lapse = cls.today - relativedelta(months=1)

    def test_a_meeting_after_the_lapse_is_logged_but_needs_attention(self):
        encounter = self.billable_encounter(9.0, 10.0)
        encounter.with_user(self.mentor_user).action_confirm()
        self.assertEqual(encounter.state, "confirmed", "the mentor's logging is never blocked")
        self.assertFalse(encounter.billed_units)
        self.assertTrue(encounter.needs_billing_attention)
        self.assertIn("certification lapsed", encounter.not_billed_reason)
        self.assertIn("0 of 20 continuing education hours", encounter.not_billed_reason)

    def test_a_meeting_before_the_lapse_is_billed(self):
        encounter = self.billable_encounter(9.0, 10.0, day=self.lapse - timedelta(days=1))
        encounter.action_confirm()
        self.assertEqual(encounter.billed_units, 4)
        self.assertFalse(encounter.needs_billing_attention)

    def test_meetings_after_the_training_is_made_up_are_billed_again(self):
        self.add_training(self.mentor, 17, self.today - timedelta(days=3))
        self.add_training(self.mentor, 3, self.today - timedelta(days=2), kind="ethics")
        during = self.billable_encounter(9.0, 10.0, day=self.today - timedelta(days=4))
        after = self.billable_encounter(9.0, 10.0, day=self.yesterday)
        (during | after).action_confirm()
        self.assertTrue(during.needs_billing_attention)
        self.assertEqual(after.billed_units, 4)


@tagged("post_install", "-at_install")
class TestPilotContinuingEducation(CertificationCase):
    """Seed 000's pilot asks annual continuing education; the shipped rule set asks 10 hours and
    one training a year by default. Mentor A follows it, certified 13 months ago."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pilot = cls.env.ref("peer_mentoring.certification_rule_pilot")
        cls.program.certification_rule_id = cls.pilot
        cls.pilot_certified_on = cls.today - relativedelta(months=13)
        cls.certify_on(cls.mentor, cls.pilot_certified_on)

    def test_the_pilot_asks_annual_continuing_education(self):
        self.assertEqual(
            (self.pilot.cycle_months, self.pilot.ce_hours, self.pilot.min_trainings), (12, 10, 1)
        )

    def test_no_continuing_education_for_13_months_is_not_compliant(self):
        problem = self.mentor._compliance_problem(self.today)
        self.assertIn("0 of 10 continuing education hours", problem)
        self.assertIn("0 of 1 training sessions", problem)
        self.assertIn("lapsed on", problem)
        with self.assertRefused(UserError, "Ada Mentor cannot be proposed for a new match: .*lapsed on"):
            self.env["mentoring.match"].with_user(self.coordinator_user).create(
                {
                    "mentor_id": self.mentor.id,
                    "mentee_id": self.create_mentee("Noor Haddad").id,
                    "program_id": self.program.id,
                }
            )

    def test_ten_hours_in_the_year_keep_the_mentor_compliant(self):
        self.add_training(self.mentor, 10, self.pilot_certified_on + relativedelta(months=6))
        self.assertFalse(self.mentor._compliance_problem(self.today))

    def test_nine_and_a_half_hours_are_not_enough(self):
        self.add_training(self.mentor, 9.5, self.pilot_certified_on + relativedelta(months=6))
        self.assertIn("9.5 of 10 continuing education hours", self.mentor._compliance_problem(self.today))
