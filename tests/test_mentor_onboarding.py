from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common_certification import CertificationCase

ONBOARDING_STEPS = {
    "Background check",
    "Code of ethics signed",
    "Introductory peer-mentor training",
    "Supervisor assigned",
    "Internship start notified to the oversight body",
}


@tagged("post_install", "-at_install")
class TestMentorOnboarding(CertificationCase):
    """HR makes an employee a peer mentor from the employee form and launches the onboarding plan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.new_user = cls.env["res.users"].create({"name": "Casey New", "login": "t_casey"})
        cls.employee = cls.env["hr.employee"].create(
            {"name": "Casey New", "user_id": cls.new_user.id, "birthday": "1999-03-01"}
        )

    def make_peer_mentor(self, user, employee=None, state="intern", supervisor=True):
        employee = (employee or self.employee).with_user(user)
        action = employee.action_open_peer_mentor_onboarding()
        wizard = Form(self.env[action["res_model"]].with_user(user).with_context(**action["context"]))
        wizard.program_id = self.program
        wizard.state = state
        if supervisor:
            wizard.supervisor_id = self.supervisor_employee
        return wizard.save().action_confirm()

    def internships_of(self, employee):
        return self.env["mentoring.internship"].search([("mentor_id.employee_id", "=", employee.id)])

    def launch_plan(self, user, action):
        schedule = Form(self.env[action["res_model"]].with_user(user).with_context(**action["context"]))
        self.assertEqual(
            schedule.plan_id, self.env.ref("peer_mentoring.mail_activity_plan_peer_mentor_onboarding")
        )
        schedule.plan_on_demand_user_id = user
        return schedule.save().action_schedule_plan()

    def mentor_of(self, employee):
        return self.env["mentoring.mentor"].search([("employee_id", "=", employee.id)])

    def test_hr_makes_an_employee_an_intern_and_launches_onboarding(self):
        self.assertFalse(self.employee.with_user(self.hr_user).is_peer_mentor)
        action = self.make_peer_mentor(self.hr_user)
        mentor = self.mentor_of(self.employee)
        self.assertEqual(mentor.state, "intern")
        self.assertEqual(mentor.program_ids, self.program)
        self.assertEqual(mentor.supervisor_id, self.supervisor_employee)
        self.assertEqual(mentor.user_id, self.new_user)
        self.assertEqual(mentor._credential_on(self.today), "intern")
        self.assertEqual(mentor._credential_on(self.yesterday), "applicant")
        self.assertTrue(self.employee.with_user(self.hr_user).is_peer_mentor)

        self.launch_plan(self.hr_user, action)
        activities = self.employee.activity_ids
        self.assertEqual(set(activities.mapped("summary")), ONBOARDING_STEPS)
        training = activities.filtered(lambda a: a.summary == "Introductory peer-mentor training")
        self.assertEqual(training.user_id, self.new_user, "the employee's own step")
        self.assertEqual((activities - training).user_id, self.hr_user)

    def test_hr_gets_no_access_to_the_profile_it_created(self):
        self.make_peer_mentor(self.hr_user, state="applicant")
        mentor = self.mentor_of(self.employee)
        self.assertEqual(mentor.state, "applicant")
        with self.assertRaises(AccessError):
            mentor.with_user(self.hr_user).read(["name"])
        with self.assertRaises(AccessError):
            self.env["mentoring.mentor"].with_user(self.hr_user).search([])

    def test_an_employee_is_made_a_peer_mentor_once(self):
        self.make_peer_mentor(self.hr_user)
        with self.assertRefused(UserError, "Casey New is a peer mentor already"):
            self.make_peer_mentor(self.hr_user)

    def test_the_programmes_minimum_age_applies(self):
        self.rule.min_age = 18
        self.employee.birthday = self.today - relativedelta(years=18) + timedelta(days=1)
        with self.assertRefused(UserError, "Casey New is under 18: the rules Texas-like ask"):
            self.make_peer_mentor(self.hr_user)
        self.employee.birthday = self.today - relativedelta(years=18)
        self.make_peer_mentor(self.hr_user)
        self.assertTrue(self.mentor_of(self.employee))

    def test_only_hr_staff_and_coordinators_make_peer_mentors(self):
        for user in (self.mentor_user, self.finance_user, self.sales_user):
            with self.assertRaises(AccessError, msg=user.login):
                self.env["mentoring.mentor.onboard"].with_user(user).create(
                    {"employee_id": self.employee.id, "program_id": self.program.id}
                )
        self.assertFalse(self.mentor_of(self.employee))

    def test_a_coordinator_may_onboard_into_their_programme_only(self):
        action = self.make_peer_mentor(self.coordinator_user)
        self.assertEqual(action["type"], "ir.actions.act_window_close", "HR launches the employee plan")
        self.assertTrue(self.mentor_of(self.employee).with_user(self.coordinator_user).can_manage)
        other = self.env["hr.employee"].create({"name": "Drew Other"})
        wizard = (
            self.env["mentoring.mentor.onboard"]
            .with_user(self.coordinator_b_user)
            .create({"employee_id": other.id, "program_id": self.program.id})
        )
        with self.assertRefused(UserError, "Only HR staff and the programme's coordinators"):
            wizard.action_confirm()
        self.assertFalse(self.mentor_of(other))

    # As an intern, the internship starts that day ----------------------------------------------

    def test_making_an_intern_starts_their_internship(self):
        self.make_peer_mentor(self.hr_user)
        mentor = self.mentor_of(self.employee)
        internship = self.internships_of(self.employee)
        self.assertEqual(len(internship), 1)
        self.assertEqual(
            (internship.state, internship.program_id, internship.date_start),
            ("in_progress", self.program, self.today),
        )
        self.assertEqual(internship.supervisor_id, self.supervisor_employee)
        self.assertEqual(internship.rule_id, self.rule)
        self.assertEqual(mentor.state, "intern")
        self.assertIn("the internship started today", internship.message_ids[:1].body)
        # The supervisor follows it from its first day; HR gets no access to it.
        self.assertTrue(internship.with_user(self.supervisor_user).has_access("read"))
        self.assertFalse(internship.with_user(self.hr_user).has_access("read"))

    def test_an_applicant_has_no_internship_yet(self):
        self.make_peer_mentor(self.hr_user, state="applicant", supervisor=False)
        self.assertFalse(self.internships_of(self.employee))

    def test_an_intern_needs_a_supervisor(self):
        # The form asks for one; a client that sends none is told what is missing.
        wizard = (
            self.env["mentoring.mentor.onboard"]
            .with_user(self.hr_user)
            .create({"employee_id": self.employee.id, "program_id": self.program.id, "state": "intern"})
        )
        with self.assertRefused(UserError, "cannot start today: choose the supervisor"):
            wizard.action_confirm()
        self.assertFalse(self.mentor_of(self.employee))

    def test_an_intern_needs_the_programmes_certification_rules(self):
        self.program.certification_rule_id = False
        with self.assertRefused(UserError, "has no certification rules"):
            self.make_peer_mentor(self.hr_user)
        self.assertFalse(self.mentor_of(self.employee))
        self.make_peer_mentor(self.hr_user, state="applicant")
        self.assertEqual(self.mentor_of(self.employee).state, "applicant")
