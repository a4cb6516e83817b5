from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_internship import MentoringInternshipCase

CONDITIONS = {
    "hours": "The log is not complete",
    "share": "Face-to-face mentoring is",
    "evaluation": "internship performance evaluation",
    "supervisor": "The supervisor has not recorded",
    "oversight": "The oversight body has not recorded",
}


@tagged("post_install", "-at_install")
class TestCertificationDecision(MentoringInternshipCase):
    def assertBlockedBy(self, condition, attempt):
        """The attempt is refused, naming that condition and no other; the mentor stays an intern."""
        with self.assertRefused(UserError, "cannot be certified yet") as caught:
            attempt()
        message = str(caught.exception)
        for name, words in CONDITIONS.items():
            if name == condition:
                self.assertIn(words, message)
            else:
                self.assertNotIn(words, message, f"{condition} alone")
        self.assertEqual(self.intern.state, "intern")
        self.assertEqual(self.internship.state, "in_review")

    def test_the_supervisor_and_the_oversight_body_certify_the_intern(self):
        self.complete_internship()
        self.decide(self.supervisor_user)
        self.assertEqual((self.internship.supervisor_decision, self.intern.state), ("passed", "intern"))
        self.decide(self.oversight_user)
        self.assertEqual(self.internship.state, "passed")
        self.assertEqual(self.intern.state, "certified")
        self.assertEqual(self.internship.certified_on, self.today)
        self.assertEqual(self.internship.renewal_due_on, self.today + relativedelta(months=24))
        credential = self.intern.credential_ids[-1]
        self.assertEqual(
            (credential.state, credential.previous_state, credential.date_from),
            ("certified", "intern", self.today),
        )
        self.flush_tracking()
        for record in (self.internship, self.intern):
            bodies = " ".join(record.message_ids.mapped("body"))
            self.assertIn("decided by", bodies)
            self.assertIn(self.supervisor_user.name, bodies)
            self.assertIn(self.oversight_user.name, bodies)
        self.assertEqual(self.internship.oversight_decided_by_id, self.oversight_user)

    def test_hours_short_alone_blocks(self):
        self.complete_internship()
        self.rule.internship_hours = 10.5
        self.decide(self.supervisor_user)
        self.assertBlockedBy("hours", lambda: self.decide(self.oversight_user))
        self.assertFalse(self.internship.oversight_decision, "nothing recorded when certification is refused")

    def test_face_to_face_share_short_alone_blocks(self):
        self.complete_internship()
        self.rule.min_face_to_face_share = 61
        self.decide(self.oversight_user)
        self.assertBlockedBy("share", lambda: self.decide(self.supervisor_user))

    def test_performance_evaluation_below_the_pass_mark_alone_blocks(self):
        self.complete_internship()
        self.env.ref("peer_mentoring.template_internship_performance").pass_threshold = 4.5
        self.decide(self.supervisor_user)
        self.assertBlockedBy("evaluation", lambda: self.decide(self.oversight_user))

    def test_a_missing_performance_evaluation_alone_blocks(self):
        self.log(4, "shadowing", days_ago=20)
        self.log(6, "co_facilitating", days_ago=10)
        self.internship.with_user(self.supervisor_user).action_send_for_review()
        self.decide(self.supervisor_user)
        self.assertBlockedBy("evaluation", lambda: self.decide(self.oversight_user))

    def test_the_supervisors_decision_missing_alone_blocks(self):
        self.complete_internship()
        self.decide(self.oversight_user)
        self.assertBlockedBy(
            "supervisor", lambda: self.internship.with_user(self.coordinator_user).action_certify()
        )

    def test_the_oversight_decision_missing_alone_blocks(self):
        self.complete_internship()
        self.decide(self.supervisor_user)
        self.assertBlockedBy(
            "oversight", lambda: self.internship.with_user(self.supervisor_user).action_certify()
        )

    def test_a_not_passed_decision_ends_the_internship_without_certifying(self):
        self.complete_internship()
        self.decide(self.supervisor_user)
        self.decide(self.oversight_user, decision="not_passed")
        self.assertEqual((self.internship.state, self.intern.state), ("not_passed", "intern"))
        self.internship.with_user(self.supervisor_user).action_reopen()
        self.assertEqual((self.internship.state, self.internship.supervisor_decision), ("in_progress", False))

    def test_only_the_supervisor_and_the_oversight_body_record_their_part(self):
        self.complete_internship()
        internship = self.internship
        attempts = [
            (self.coordinator_user, "supervisor"),
            (self.coordinator_user, "oversight"),
            (self.intern_user, "supervisor"),
            (self.mentor_b_user, "supervisor"),
            (self.oversight_user, "supervisor"),
            (self.supervisor_user, "oversight"),
            (self.oversight_b_user, "oversight"),
            (self.manager_user, "oversight"),
        ]
        for user, role in attempts:
            with self.assertRefused(Exception, "Only|not allowed|access"):
                internship.with_user(user)._record_decision(role, "passed")
        self.assertFalse(internship.supervisor_decision or internship.oversight_decision)

    def test_the_mentors_certify_button_waits_for_the_internship(self):
        with self.assertRefused(UserError, "doing an internship"):
            self.intern.with_user(self.coordinator_user).action_certify()
        self.assertEqual(self.intern.state, "intern")


@tagged("post_install", "-at_install")
class TestCertificationOnlyThroughTheInternship(MentoringInternshipCase):
    """The programme's rules ask a 10-hour internship: the mentor's own Certify button does not
    certify an applicant, nor an intern without an internship record."""

    def new_mentor(self, name, state):
        employee = self.env["hr.employee"].create({"name": name})
        return self.env["mentoring.mentor"].create(
            {
                "employee_id": employee.id,
                "program_ids": [Command.set(self.program.ids)],
                "state": state,
                "ethics_ack_date": self.yesterday,
            }
        )

    def test_certify_refuses_an_applicant_and_points_to_the_internship(self):
        applicant = self.new_mentor("Abi Applicant", "applicant")
        with self.assertRefused(
            UserError, "Abi Applicant cannot be certified with this button.*require an internship"
        ):
            applicant.with_user(self.coordinator_user).action_certify()
        self.assertEqual(applicant.state, "applicant")
        self.assertFalse(applicant.credential_ids)

    def test_certify_refuses_an_intern_who_never_had_an_internship(self):
        intern = self.new_mentor("Noel Nointernship", "intern")
        with self.assertRefused(UserError, "Mentoring → Internships"):
            intern.with_user(self.manager_user).action_certify()
        self.assertEqual(intern.state, "intern")

    def test_a_suspended_mentor_who_passed_the_internship_is_reinstated_with_certify(self):
        self.internship.sudo().write({"state": "passed"})
        self.intern.sudo().write({"state": "certified"})
        self.intern.with_user(self.coordinator_user).action_suspend()
        self.intern.with_user(self.coordinator_user).action_certify()
        self.assertEqual(self.intern.state, "certified")

    def test_programmes_without_an_internship_keep_the_button(self):
        self.rule.internship_hours = 0
        applicant = self.new_mentor("Abi Applicant", "applicant")
        applicant.with_user(self.coordinator_user).action_certify()
        self.assertEqual(applicant.state, "certified")

    def test_the_mentors_start_internship_button_starts_the_internship_itself(self):
        applicant = self.new_mentor("Abi Applicant", "applicant")
        applicant.with_user(self.coordinator_user).action_start_internship()
        self.assertEqual(applicant.state, "intern")
        internship = applicant.internship_ids
        self.assertEqual(
            (internship.state, internship.program_id, internship.date_start),
            ("in_progress", self.program, self.today),
        )
        # Certify still waits for it.
        with self.assertRefused(UserError, "doing an internship"):
            applicant.with_user(self.coordinator_user).action_certify()
