from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

DEMO_RATINGS = ["5", "4", "4", "3", "5", "2"]
DEMO_ACTIVITIES = [
    "Went to the library and found a book about cooking.",
    "Practised the bus route to the job centre.",
    "Wrote a shopping list and went to the market.",
    "Talked about the planning meeting next week.",
]


class MentoringDemo(models.AbstractModel):
    _inherit = "mentoring.demo"

    @api.model
    def _generate_checkins(self, program_id):
        """The coordinator's check-ins with each side of the living programme's ongoing
        matches: two in the first month, then monthly. On every fourth match the mentee's
        check-ins stopped seven weeks ago, so those are late (cards on Needs doing, and the
        scheduled action's activities)."""
        program = self.env["mentoring.program"].browse(program_id)
        today = fields.Date.context_today(self)
        coordinator = program.coordinator_ids[:1]
        matches = self.env["mentoring.match"].search(
            [("program_id", "=", program.id), ("state", "in", ("introduced", "active"))], order="id"
        )
        Checkin = self.env["mentoring.checkin"]
        for index, match in enumerate(matches):
            late = index % 4 == 0
            for side in ("mentor", "mentee"):
                stop = today - timedelta(days=49) if late and side == "mentee" else today
                days = [match.date_start + timedelta(days=7), match.date_start + timedelta(days=25)]
                day = days[-1] + relativedelta(months=1)
                while day <= stop:
                    days.append(day)
                    day += relativedelta(months=1)
                for number, day in enumerate(d for d in days if d <= stop):
                    checkin = Checkin.create(
                        {
                            "match_id": match.id,
                            "who": side,
                            "date": day,
                            "duration_minutes": 15 if side == "mentor" else 20,
                            "method": "phone" if number % 3 else "in_person",
                            "relationship_rating": DEMO_RATINGS[(index + number) % len(DEMO_RATINGS)],
                            "activities": DEMO_ACTIVITIES[(index + number) % len(DEMO_ACTIVITIES)],
                            "goal_progress": "Some steps toward the first goal.",
                            "safety_concern": "no",
                        }
                    )
                    checkin.action_record()
                    checkin.write({"recorded_by_id": coordinator.id})
        self.env["mentoring.match"]._cron_checkin_due()
