from datetime import timedelta

from odoo import Command, api, fields, models

# Devon's 90 hours (seed 000's pilot): 48 of them co-facilitating groups, face to face (53 %),
# the rest training, shadowing and meetings. (activity, hours, days before today)
DEVON_LOG = [
    ("agency_training", 12.0, 118),
    ("shadowing", 8.0, 112),
    ("ltc_system", 4.0, 105),
    ("co_facilitating", 6.0, 98),
    ("peer_trainings", 6.0, 91),
    ("co_facilitating", 6.0, 84),
    ("staff_meetings", 3.0, 77),
    ("co_facilitating", 6.0, 70),
    ("co_facilitating", 6.0, 63),
    ("monthly_calls", 3.0, 56),
    ("co_facilitating", 6.0, 49),
    ("co_facilitating", 6.0, 42),
    ("other_duties", 6.0, 35),
    ("co_facilitating", 6.0, 28),
    ("co_facilitating", 6.0, 21),
]


class MentoringDemo(models.AbstractModel):
    """An internship the oversight body can decide on: the 90 hours logged, the supervisor's
    performance evaluation completed, the log sent for review and the supervisor's "passed"
    recorded. Both exit interviews and the oversight body's decision are still to do."""

    _inherit = "mentoring.demo"

    @api.model
    def _generate_internship_in_review(self, program_id, supervisor_user_id, coordinator_user_id, name):
        program = self.env["mentoring.program"].browse(program_id)
        supervisor = self.env["res.users"].browse(supervisor_user_id)
        coordinator = self.env["res.users"].browse(coordinator_user_id)
        today = fields.Date.context_today(self)
        start = today - timedelta(days=120)
        employee = self.env["hr.employee"].create({"name": name})
        mentor = self.env["mentoring.mentor"].create(
            {
                "employee_id": employee.id,
                "program_ids": [Command.set(program.ids)],
                "supervisor_id": supervisor.employee_id[:1].id,
                "state": "applicant",
                "ethics_ack_date": start,
                "area": "Northside",
            }
        )
        internship = (
            self.env["mentoring.internship"]
            .with_user(coordinator)
            .create(
                {
                    "mentor_id": mentor.id,
                    "program_id": program.id,
                    "date_start": start,
                    "date_end": today - timedelta(days=7),
                }
            )
        )
        internship.action_start()
        self.env["mentoring.internship.line"].create(
            [
                {
                    "internship_id": internship.id,
                    "date": today - timedelta(days=days_ago),
                    "activity_id": self.env.ref(f"peer_mentoring.internship_activity_{activity}").id,
                    "hours": hours,
                }
                for activity, hours, days_ago in DEVON_LOG
            ]
        )
        internship = internship.with_user(supervisor)
        action = internship.action_new_performance_evaluation()
        evaluation = self.env["mentoring.evaluation"].with_user(supervisor).browse(action["res_id"])
        evaluation.write(
            {
                "answer_ids": [
                    Command.update(answer.id, {"score": 4})
                    for answer in evaluation.answer_ids.filtered(lambda a: a.answer_type == "score")
                ]
            }
        )
        evaluation.action_done()
        internship.action_send_for_review()
        internship._record_decision(
            "supervisor", "passed", "Ninety hours, half of them with mentees; ready to mentor on their own."
        )
        return internship
