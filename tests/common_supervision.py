from odoo import Command
from odoo.tests import new_test_user

from .common import MentoringCase


class SupervisionCase(MentoringCase):
    """Sam supervises mentors A, B and C. A and B meet Sam in a group session (co-reflection)
    that Sam has marked held; C is supervised by Sam too but was not there. Around them: an
    oversight body, HR, finance and the programme's coordinator, none of whom supervise."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor_b.supervisor_id = cls.supervisor_employee
        cls.mentor_c_user = new_test_user(
            cls.env, login="t_mentor_c", groups="peer_mentoring.group_mentor", company_id=cls.company.id
        )
        cls.mentor_c = cls.env["mentoring.mentor"].create(
            {
                "employee_id": cls.env["hr.employee"]
                .create({"name": "Cleo Mentor", "user_id": cls.mentor_c_user.id})
                .id,
                "program_ids": [Command.set(cls.program.ids)],
                "supervisor_id": cls.supervisor_employee.id,
                "state": "intern",
            }
        )
        cls.oversight_user = new_test_user(
            cls.env, login="t_oversight", groups="peer_mentoring.group_oversight", company_id=cls.company.id
        )
        cls.program.oversight_user_ids = cls.oversight_user
        cls.group_session = cls.create_session(
            cls.mentor | cls.mentor_b,
            session_type="group",
            outcomes="Shared: five ways to answer a late-night call",
        )
        cls.line_a = cls.group_session.attendee_ids.filtered(lambda a: a.mentor_id == cls.mentor)
        cls.line_b = cls.group_session.attendee_ids - cls.line_a
        cls.line_a.notes = "About Ada only: feels tired, talk about workload"
        cls.line_b.notes = "About Ben only: boundaries with a mentee"
        cls.group_session.with_user(cls.supervisor_user).action_mark_held()
        cls.agreement_s = cls.env["mentoring.supervision.agreement"].create(
            {"mentor_id": cls.mentor.id, "supervisor_id": cls.supervisor_employee.id, "location": "Room 2"}
        )
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def create_session(cls, mentors, date=None, session_type="individual", **vals):
        return (
            cls.env["mentoring.supervision.session"]
            .with_user(cls.supervisor_user)
            .create(
                {
                    "date": date or cls.yesterday,
                    "start_time": 14.0,
                    "supervisor_id": cls.supervisor_employee.id,
                    "session_type": session_type,
                    "agenda": "What went well this month",
                    "attendee_ids": [Command.create({"mentor_id": m.id}) for m in mentors],
                    **vals,
                }
            )
            .with_env(cls.env)
        )

    def held_session(self, mentor, day):
        """An individual session on `day`, held, its attendance confirmed by the mentor."""
        session = self.create_session(mentor, date=day)
        session.with_user(self.supervisor_user).action_mark_held()
        session.attendee_ids.with_user(mentor.user_id).action_confirm_attendance()
        return session
