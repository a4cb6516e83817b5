from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_certification import CertificationCase


@tagged("post_install", "-at_install")
class TestMentorApplication(CertificationCase):
    """Carers and volunteers apply; the programme's rules decide who is eligible (seed 000: 18
    years of age; seed 001: foster carers approved 2 years with 1 of fostering, respite carers 3
    and 2), then the recruitment plan runs before the mentor profile is created."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule.write(
            {
                "min_age": 18,
                "foster_approved_years": 2,
                "foster_experience_years": 1,
                "respite_approved_years": 3,
                "respite_experience_years": 2,
            }
        )

    def apply(self, user=None, **vals):
        return (
            self.env["mentoring.mentor.application"]
            .with_user(user or self.hr_user)
            .create(
                {
                    "name": "Robin Carer",
                    "program_id": self.program.id,
                    "birthdate": self.today - relativedelta(years=40),
                    "carer_type": "foster",
                    "approved_on": self.today - relativedelta(years=2),
                    "fostering_years": 1,
                    **vals,
                }
            )
        )

    def test_a_foster_carer_at_the_boundaries_is_eligible_and_the_recruitment_plan_starts(self):
        application = self.apply()
        application.action_check_eligibility()
        self.assertEqual(application.state, "preparing")
        self.assertEqual(
            application.activity_ids.mapped("summary"),
            ["Mentoring awareness session", "Interview", "Preparation training"],
        )
        self.assertEqual(application.activity_ids.user_id, self.hr_user)

    def test_each_failing_rule_is_named(self):
        cases = [
            (
                {"birthdate": self.today - relativedelta(years=18, days=-1)},
                "is 17; the rules Texas-like ask for at least 18",
            ),
            ({"birthdate": False}, "date of birth is missing"),
            (
                {"approved_on": self.today - relativedelta(years=2, days=-1)},
                "A foster carer mentor must have been approved for 2 years",
            ),
            ({"fostering_years": 0.9}, "A foster carer mentor needs 1 years of active fostering"),
            (
                {
                    "carer_type": "respite",
                    "approved_on": self.today - relativedelta(years=3),
                    "fostering_years": 1.5,
                },
                "A respite foster carer mentor needs 2 years of active fostering",
            ),
            (
                {
                    "carer_type": "respite",
                    "approved_on": self.today - relativedelta(years=2),
                    "fostering_years": 2,
                },
                "approved for 3 years",
            ),
        ]
        for vals, reason in cases:
            application = self.apply(**vals)
            application.action_check_eligibility()
            self.assertEqual(application.state, "not_eligible", reason)
            self.assertIn(reason, application.eligibility_note)
            self.assertFalse(application.activity_ids)

    def test_a_volunteer_is_checked_for_age_only(self):
        application = self.apply(carer_type="volunteer", approved_on=False, fostering_years=0)
        application.action_check_eligibility()
        self.assertEqual(application.state, "preparing")

    def test_accepting_needs_every_recruitment_step_done_and_creates_an_applicant_mentor(self):
        application = self.apply(email="robin@example.com")
        application.action_check_eligibility()
        with self.assertRefused(UserError, "still has recruitment steps to do: Mentoring awareness session"):
            application.action_accept()
        application.activity_ids.action_done()
        application.action_accept()
        self.assertEqual(application.state, "accepted")
        mentor = application.sudo().mentor_id
        self.assertEqual(mentor.state, "applicant")
        self.assertEqual(mentor.program_ids, self.program)
        self.assertEqual(mentor.partner_id.email, "robin@example.com")

    def test_mentors_and_finance_do_not_read_applications(self):
        application = self.apply()
        for user in (self.mentor_user, self.finance_user, self.supervisor_user):
            with self.assertRaises(AccessError, msg=user.login):
                application.with_user(user).read(["name"])

    def test_another_programmes_coordinator_does_not_read_the_application(self):
        application = self.apply()
        self.assertFalse(
            self.env["mentoring.mentor.application"]
            .with_user(self.coordinator_b_user)
            .search([("id", "=", application.id)])
        )
        self.assertTrue(application.with_user(self.coordinator_user).read(["name"]))

    def test_the_state_is_set_by_the_checks_not_by_a_client(self):
        application = self.apply()
        with self.assertRefused(UserError, "cannot be set directly"):
            application.write({"state": "preparing"})
        with self.assertRefused(UserError, "cannot be set directly"):
            self.apply(state="accepted")
