from odoo import api, fields, models


class HrEmployee(models.Model):
    """HR makes an employee a peer mentor from the employee form (see the onboarding wizard)."""

    _inherit = "hr.employee"

    # HR officers read no mentor profile: whether there is one is all the form needs.
    is_peer_mentor = fields.Boolean(compute="_compute_is_peer_mentor", groups="hr.group_hr_user")

    @api.depends_context("uid")
    def _compute_is_peer_mentor(self):
        mentors = (
            self.env["mentoring.mentor"]
            .sudo()
            .with_context(active_test=False)
            .search([("employee_id", "in", self.ids)])
        )
        for employee in self:
            employee.is_peer_mentor = employee in mentors.employee_id

    def action_open_peer_mentor_onboarding(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Make peer mentor"),
            "res_model": "mentoring.mentor.onboard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_employee_id": self.id},
        }
