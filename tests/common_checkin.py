from odoo import Command
from odoo.tests import new_test_user

from .common_safeguarding import SafeguardingCase


class CheckinCase(SafeguardingCase):
    """Mentor A's match, with check-ins recorded by the programme's coordinator."""

    def record_checkin(self, match=None, who="mentor", day=None, user=None, **vals):
        checkin = (
            self.env["mentoring.checkin"]
            .with_user(user or self.coordinator_user)
            .create(
                {
                    "match_id": (match or self.match).id,
                    "who": who,
                    "date": day or self.today,
                    "duration_minutes": 20,
                    "method": "phone",
                    "relationship_rating": "4",
                    "activities": "Went to the library",
                    "goal_progress": "First steps",
                    "safety_concern": "no",
                    **vals,
                }
            )
        )
        action = checkin.action_record()
        return checkin, action

    def coordinator_mentor_match(self):
        """A coordinator of the programme who is also a peer mentor in it, with a match of their
        own: they decide nothing about it and read none of its check-ins."""
        user = new_test_user(
            self.env,
            login="t_coord_mentor",
            groups="peer_mentoring.group_coordinator",
            company_id=self.company.id,
        )
        self.program.coordinator_ids = [Command.link(user.id)]
        employee = self.env["hr.employee"].create({"name": "Cory Both", "user_id": user.id})
        mentor = self.env["mentoring.mentor"].create(
            {
                "employee_id": employee.id,
                "program_ids": [Command.set(self.program.ids)],
                "state": "certified",
                "ethics_ack_date": self.yesterday,
            }
        )
        return user, self.create_active_match(mentor, self.create_mentee("Lee Own"))
