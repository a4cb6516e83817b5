from odoo import api, fields, models


class MentoringEncounter(models.Model):
    _inherit = "mentoring.encounter"

    supervisor_attends = fields.Boolean(
        compute="_compute_supervisor_attends",
        help="The intern's supervisor comes to this meeting: it is one of the intern's first "
        "meetings with this mentee, as the programme's certification rules ask.",
    )

    @api.depends("match_id", "date", "start_time", "state", "mentor_id.state")
    def _compute_supervisor_attends(self):
        Encounter = self.env["mentoring.encounter"].sudo()
        for encounter in self:
            rule = encounter.sudo().program_id.certification_rule_id
            first = rule.supervisor_attends_first_meetings
            if not first or encounter.state == "cancelled" or encounter.mentor_credential != "intern":
                encounter.supervisor_attends = False
                continue
            earlier = Encounter.search(
                [("match_id", "=", encounter.match_id.id), ("state", "!=", "cancelled")],
                order="date, start_time, id",
                limit=first,
            )
            encounter.supervisor_attends = encounter._origin in earlier
