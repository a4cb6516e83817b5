from odoo import api, fields, models
from odoo.exceptions import UserError


class MentoringMatch(models.Model):
    """A mentor who is out of compliance on the day (lapsed certification, missing training,
    not an intern or certified) is not proposed for a new match, until compliant again."""

    _inherit = "mentoring.match"

    @api.model_create_multi
    def create(self, vals_list):
        matches = super().create(vals_list)
        matches.mentor_id._check_may_take_a_mentee()
        return matches

    def write(self, vals):
        res = super().write(vals)
        if vals.get("mentor_id"):
            self.mentor_id._check_may_take_a_mentee()
        return res


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
