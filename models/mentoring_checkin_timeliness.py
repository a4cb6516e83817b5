from odoo import api, fields, models

from .mentoring_match_checkin import next_checkin_due


class MentoringCheckin(models.Model):
    """Whether a recorded check-in came by the day it was due, on the programme's cadence
    (`next_checkin_due`, the rule Needs doing and the quality report use): due after the
    same side's earlier check-ins of the match. Stored so that the Programme dashboard can
    share it by programme and month."""

    _inherit = "mentoring.checkin"

    due_date = fields.Date(
        "Was due by", compute="_compute_on_time", store=True, help="When this check-in was due."
    )
    on_time = fields.Integer(
        "On time (%)",
        compute="_compute_on_time",
        store=True,
        aggregator="avg",
        help="100 for a recorded check-in made by its due day, 0 for a late one: averaged, the "
        "share on time.",
    )

    @api.depends(
        "state",
        "date",
        "who",
        "match_id.date_start",
        "match_id.checkin_ids.state",
        "match_id.checkin_ids.date",
        "match_id.program_id.checkin_first_month_count",
        "match_id.program_id.checkin_interval_months",
    )
    def _compute_on_time(self):
        for checkin in self:
            match = checkin.match_id.sudo()
            if (
                checkin.state != "done"
                or not (match.date_start and checkin.date)
                or checkin.date < match.date_start
            ):
                checkin.due_date, checkin.on_time = False, 0
                continue
            earlier = [
                c.date
                for c in match.checkin_ids
                if c.state == "done" and c.who == checkin.who and c.date and c.date < checkin.date
            ]
            program = match.program_id
            due = next_checkin_due(
                match.date_start, earlier, program.checkin_first_month_count, program.checkin_interval_months
            )
            checkin.due_date = due
            checkin.on_time = 100 if not due or checkin.date <= due else 0
