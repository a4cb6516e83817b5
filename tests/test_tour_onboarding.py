from odoo.tests import HttpCase, tagged

from .common_certification import CertificationCase
from .test_mentor_onboarding import ONBOARDING_STEPS


@tagged("post_install", "-at_install")
class TestOnboardingTour(HttpCase, CertificationCase):
    def test_hr_makes_an_employee_a_peer_mentor_and_launches_onboarding(self):
        self.program.name = "Onboarding Programme"
        self.supervisor_employee.name = "Onboarding Supervisor"  # a name no other employee has
        user = self.env["res.users"].create({"name": "Casey New", "login": "t_casey"})
        employee = self.env["hr.employee"].create({"name": "Casey New", "user_id": user.id})
        self.start_tour(
            f"/odoo/action-hr.open_view_employee_list_my/{employee.id}",
            "peer_mentoring_hr_onboarding_tour",
            login=self.hr_user.login,
        )
        mentor = self.env["mentoring.mentor"].search([("employee_id", "=", employee.id)])
        self.assertEqual((mentor.state, mentor.program_ids), ("intern", self.program))
        self.assertEqual(mentor.supervisor_id, self.supervisor_employee)
        self.assertEqual(mentor.internship_ids.mapped("state"), ["in_progress"])
        self.assertEqual(set(employee.activity_ids.mapped("summary")), ONBOARDING_STEPS)
