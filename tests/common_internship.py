from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user

from .common import MentoringBillingCase

ACTIVITY = "peer_mentoring.internship_activity_"


class MentoringInternshipCase(MentoringBillingCase):
    """An intern peer mentor (Ivy) supervised by the supervisor, doing a 10-hour internship
    (at least 50 % face to face, the supervisor at the first two meetings, 24-month cycle) in
    the disability programme, started 30 days ago, with one active match (mentee Casey). The
    oversight body's officer oversees the programme; a second officer oversees only the other
    programme."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env["mentoring.certification.rule"].create(
            {
                "name": "Test internship rules",
                "internship_hours": 10,
                "min_face_to_face_share": 50,
                "supervisor_attends_first_meetings": 2,
                "cycle_months": 24,
            }
        )
        user = lambda login, groups: new_test_user(  # noqa: E731
            cls.env, login=login, groups=groups, company_id=cls.company.id
        )
        cls.intern_user = user("t_intern", "peer_mentoring.group_mentor,base.group_allow_export")
        cls.oversight_user = user("t_oversight", "peer_mentoring.group_oversight,base.group_allow_export")
        cls.oversight_b_user = user("t_oversight_b", "peer_mentoring.group_oversight")
        cls.program.write(
            {
                "certification_rule_id": cls.rule.id,
                "oversight_user_ids": [Command.set(cls.oversight_user.ids)],
            }
        )
        cls.other_program.write(
            {
                "certification_rule_id": cls.rule.id,
                "oversight_user_ids": [Command.set(cls.oversight_b_user.ids)],
            }
        )
        employee = cls.env["hr.employee"].create({"name": "Ivy Intern", "user_id": cls.intern_user.id})
        cls.intern = cls.env["mentoring.mentor"].create(
            {
                "employee_id": employee.id,
                "program_ids": [Command.set(cls.program.ids)],
                "supervisor_id": cls.supervisor_employee.id,
                "state": "applicant",
                "ethics_ack_date": cls.yesterday,
            }
        )
        cls.internship = (
            cls.env["mentoring.internship"]
            .with_user(cls.coordinator_user)
            .create(
                {
                    "mentor_id": cls.intern.id,
                    "program_id": cls.program.id,
                    "date_start": cls.today - timedelta(days=30),
                    "date_end": cls.today + timedelta(days=30),
                }
            )
        )
        # Started 30 days ago: the mentor has been an intern since then.
        with freeze_time(cls.today - timedelta(days=30)):
            cls.internship.action_start()
        cls.mentee_c = cls.create_mentee("Casey Moreau", notes="<p>Casey's secret</p>")
        cls.intern_match = cls.create_active_match(cls.intern, cls.mentee_c)
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    def log(self, hours, activity, days_ago=1, user=None):
        return (
            self.env["mentoring.internship.line"]
            .with_user(user or self.intern_user)
            .create(
                {
                    "internship_id": self.internship.id,
                    "date": self.today - timedelta(days=days_ago),
                    "activity_id": self.env.ref(ACTIVITY + activity).id,
                    "hours": hours,
                }
            )
        )

    def meeting(self, hours, days_ago=1, start=9.0, confirm=True, match=None):
        encounter = self.create_encounter(
            match or self.intern_match,
            date=self.today - timedelta(days=days_ago),
            start_time=start,
            end_time=start + hours,
        )
        if confirm:
            encounter.action_confirm()
        return encounter

    def evaluate_performance(self, scores):
        """The supervisor fills in and completes the internship performance evaluation."""
        action = self.internship.with_user(self.supervisor_user).action_new_performance_evaluation()
        evaluation = self.env["mentoring.evaluation"].browse(action["res_id"]).with_user(self.supervisor_user)
        if isinstance(scores, int):
            scores = [scores] * len(evaluation.answer_ids)
        evaluation.write(
            {
                "answer_ids": [
                    Command.update(answer.id, {"score": score})
                    for answer, score in zip(evaluation.answer_ids, scores, strict=True)
                ]
            }
        )
        evaluation.action_done()
        return evaluation

    def complete_internship(self):
        """10 hours, 6 of them face to face (4 co-facilitating + a 2-hour meeting), evaluated at 4,
        sent for review: everything but the decisions."""
        self.log(4, "shadowing", days_ago=20)
        self.log(4, "co_facilitating", days_ago=10)
        self.meeting(2, days_ago=5)
        self.evaluate_performance(4)
        self.internship.with_user(self.supervisor_user).action_send_for_review()

    def decide(self, user, decision="passed", role=None):
        internship = self.internship.with_user(user)
        action = internship.action_open_decision()
        wizard = (
            self.env["mentoring.internship.decision"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"decision": decision, "note": "Ready.", **({"role": role} if role else {})})
        )
        return wizard.action_confirm()
