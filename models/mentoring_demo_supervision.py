from datetime import timedelta

from odoo import Command, api, fields, models


class MentoringDemo(models.AbstractModel):
    _inherit = "mentoring.demo"

    @api.model
    def _generate_supervision(self, supervisor_id, mentor_id, overdue_mentor_id):
        """A signed supervision agreement, a group co-reflection both attended five days ago,
        and an intern whose last supervision is older than an intern's cadence: one overdue
        supervision, with the supervisor's activity raised by the scheduled action."""
        supervisor = self.env["hr.employee"].browse(supervisor_id)
        mentor = self.env["mentoring.mentor"].browse(mentor_id)
        overdue = self.env["mentoring.mentor"].browse(overdue_mentor_id)
        today = fields.Date.context_today(self)
        colleague = self.env["mentoring.mentor"].search(
            [
                ("supervisor_id", "=", supervisor.id),
                ("id", "not in", (mentor | overdue).ids),
                ("state", "=", "certified"),
            ],
            limit=1,
        )
        self.env["mentoring.supervision.agreement"].create(
            {
                "mentor_id": mentor.id,
                "supervisor_id": supervisor.id,
                "date_start": today - timedelta(days=60),
                "location": "Agency office, room 2",
                "group_supervision": True,
                "supervisor_signed_on": today - timedelta(days=60),
                "mentor_signed_on": today - timedelta(days=60),
            }
        ).action_sign()
        sessions = [
            (
                today - timedelta(days=5),
                "group",
                mentor | colleague,
                "Boundaries when a mentee asks for help outside meeting times.",
                "Each of us brought one situation; the group chose boundaries and explored five ways to answer.",
            ),
            (
                today - timedelta(days=20),
                "individual",
                overdue,
                "First weeks of the internship; shadowing.",
                "Shadowing goes well. Plan the first meeting with a mentee.",
            ),
        ]
        for day, kind, mentors, agenda, outcomes in sessions:
            session = self.env["mentoring.supervision.session"].create(
                {
                    "date": day,
                    "start_time": 10.0,
                    "supervisor_id": supervisor.id,
                    "session_type": kind,
                    "agenda": agenda,
                    "outcomes": outcomes,
                    "action_plan": "Try one of the ideas before the next session.",
                    "next_session_date": day + timedelta(days=7),
                    "attendee_ids": [
                        Command.create({"mentor_id": m.id, "notes": "Doing well; keep a reflective diary."})
                        for m in mentors
                    ],
                }
            )
            session.action_mark_held()
            session.attendee_ids.write({"attended": True, "confirmed_on": fields.Datetime.now()})
        self.env["mentoring.mentor"]._cron_supervision_overdue()
