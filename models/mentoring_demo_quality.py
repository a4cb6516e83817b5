from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class MentoringDemo(models.AbstractModel):
    _inherit = "mentoring.demo"

    @api.model
    def _generate_quality_demo(self, program_id):
        """The living programme's mentors screened before they were matched, except two whose
        references were never taken up, and the last twelve months' quality report."""
        program = self.env["mentoring.program"].browse(program_id)
        matches = self.env["mentoring.match"].search([("program_id", "=", program.id)])
        mentors = matches.mentor_id.sorted("id")
        for index, mentor in enumerate(mentors):
            first = min(matches.filtered(lambda m, mentor=mentor: m.mentor_id == mentor).mapped("date_start"))
            screened = first - relativedelta(months=1)
            mentor.write(
                {
                    "interview_date": screened,
                    "background_check_date": screened,
                    "references_date": False if index in (3, 7) else screened,
                }
            )
            if not mentor._has_introductory_training(first):
                training = self.env["mentoring.mentor.training"].create(
                    {
                        "mentor_id": mentor.id,
                        "name": "Peer mentor introductory course",
                        "kind": "introductory",
                        "hours": 20,
                        "date": screened,
                    }
                )
                training.action_approve()
        today = fields.Date.context_today(self)
        self.env["mentoring.quality.report"].create(
            {
                "program_id": program.id,
                "date_from": today - relativedelta(months=12, days=-1),
                "date_to": today,
            }
        )
