from odoo import models
from odoo.exceptions import AccessError


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        if report.report_name.startswith("peer_mentoring.") and not self.env.su:
            report._check_mentoring_report_access(docids)
        return super()._get_rendering_context(report, docids, data)

    def _check_mentoring_report_access(self, docids):
        """/report/html|pdf/<report>/<ids> renders for anyone who can read the records: a
        mentoring form also needs the groups of its Print menu entry."""
        self.ensure_one()
        user = self.env.user
        if self.sudo().group_ids and not (self.sudo().group_ids & user.all_group_ids):
            raise AccessError(
                self.env._("You are not allowed to print “%(report)s”.", report=self.sudo().name)
            )
        self.env[self.model].browse(docids).check_access("read")
