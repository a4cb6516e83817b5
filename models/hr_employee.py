from odoo import models
from odoo.exceptions import UserError


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    def write(self, vals):
        if "user_id" in vals and not self.env.su:
            self._check_may_relink_mentoring_user()
        return super().write(vals)

    def _check_may_relink_mentoring_user(self):
        """Mentoring record rules follow an employee's user (a mentor's, a supervisor's): an HR
        officer who is also a mentor must not give themselves another mentor's mentees."""
        Mentor = self.env["mentoring.mentor"].sudo().with_context(active_test=False)
        mentors = Mentor.search(["|", ("employee_id", "in", self.ids), ("supervisor_id", "in", self.ids)])
        matches = self.env["mentoring.match"].sudo().search([("supervisor_id", "in", self.ids)])
        programs = mentors._governing_programs() | matches.program_id
        if (mentors or matches) and not programs._user_coordinates():
            raise UserError(
                self.env._(
                    "%(employee)s is a peer mentor or supervises peer mentors, so their login decides "
                    "who reads mentees' records. Ask a coordinator of %(programs)s or a programme "
                    "manager to change it.",
                    employee=", ".join(self.mapped("name")),
                    programs=", ".join(programs.mapped("name")) or self.env._("their programmes"),
                )
            )
