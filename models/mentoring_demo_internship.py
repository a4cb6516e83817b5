import random
from datetime import timedelta

from odoo import Command, api, fields, models


class MentoringDemo(models.AbstractModel):
    _inherit = "mentoring.demo"

    @api.model
    def _generate_half_way_intern(self, internship_id, mentee_name):
        """The demo intern's mentee and their weekly meetings since the internship started, each
        confirmed on its day (they count as face-to-face mentoring), then the scheduled action
        that proposes the mid-point evaluation by the mentee."""
        internship = self.env["mentoring.internship"].browse(internship_id)
        program = internship.program_id
        partner = self.env["res.partner"].create({"name": mentee_name})
        mentee = self.env["mentoring.mentee"].create(
            {"partner_id": partner.id, "program_ids": [Command.set(program.ids)]}
        )
        start = internship.date_start
        match = self.env["mentoring.match"].create(
            {
                "mentor_id": internship.mentor_id.id,
                "mentee_id": mentee.id,
                "program_id": program.id,
                "date_start": start,
            }
        )
        match.action_introduce()
        # A fixed draw of the plan's goals, as the living programme does.
        self._demo_sign_documents(random.Random(9), match)
        match.action_activate()
        goal = match.plan_ids.goal_ids[:1]
        today = fields.Date.context_today(self)
        day = start + timedelta(days=2)
        while day < today:
            encounter = self.env["mentoring.encounter"].create(
                {
                    "match_id": match.id,
                    "date": day,
                    "start_time": 14.0,
                    "end_time": 15.5,
                    "location_type": "community",
                    "goal_id": goal.id,
                    "progress": "some_steps",
                    "progress_explanation": "Planned the bus route together.",
                    "mentor_signed_on": day,
                    "mentee_signed_on": day,
                }
            )
            encounter.action_confirm()
            day += timedelta(days=7)
        self.env["mentoring.evaluation"]._cron_propose_evaluations()
        return match
