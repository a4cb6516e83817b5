from odoo import models
from odoo.exceptions import UserError


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    def write(self, vals):
        if "user_id" in vals and not self.env.su:
            self._check_may_relink_supervision_user()
        return super().write(vals)

    def _check_may_relink_supervision_user(self):
        """Supervision records are read through their supervisor's login, also after the
        supervisor stops supervising anyone: only a programme manager relinks it."""
        if self.env.user.has_group("peer_mentoring.group_manager"):
            return
        domain = [("supervisor_id", "in", self.ids)]
        Session = self.env["mentoring.supervision.session"].sudo()
        Agreement = self.env["mentoring.supervision.agreement"].sudo()
        if Session.search_count(domain, limit=1) or Agreement.search_count(domain, limit=1):
            raise UserError(
                self.env._(
                    "%(employee)s keeps supervision records, read through their login. Ask a "
                    "programme manager to change it.",
                    employee=", ".join(self.mapped("name")),
                )
            )
