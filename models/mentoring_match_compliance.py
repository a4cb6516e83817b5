from odoo import api, fields, models
from odoo.exceptions import UserError


class MentoringMatch(models.Model):
    """A mentor who is out of compliance on the day (lapsed certification, missing training,
    not an intern or certified) is not proposed for a new match, until compliant again."""

    _inherit = "mentoring.match"

    @api.model_create_multi
    def create(self, vals_list):
        mentors = self.env["mentoring.mentor"].browse(v["mentor_id"] for v in vals_list if v.get("mentor_id"))
        mentors._check_may_take_a_mentee()
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("mentor_id"):
            self.env["mentoring.mentor"].browse(vals["mentor_id"])._check_may_take_a_mentee()
        return super().write(vals)


class MentoringMentor(models.Model):
    _inherit = "mentoring.mentor"

    def _check_may_take_a_mentee(self):
        today = fields.Date.context_today(self)
        for mentor in self.sudo():
            problem = mentor._compliance_problem(today)
            if problem:
                raise UserError(
                    self.env._(
                        "%(mentor)s cannot be proposed for a new match: %(problem)s",
                        mentor=mentor.name,
                        problem=problem,
                    )
                )
