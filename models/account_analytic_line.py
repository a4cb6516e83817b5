from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    mentoring_encounter_id = fields.Many2one(
        "mentoring.encounter",
        string="Mentoring encounter",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        groups="peer_mentoring.group_mentor,account.group_account_invoice",
    )

    @api.constrains("so_line", "mentoring_encounter_id")
    def _check_authorisations_bill_only_meetings(self):
        """A payer pays for documented meetings: the order line of an authorisation receives
        only the timesheet lines that confirmed meetings write."""
        lines = self.sudo().filtered(lambda line: line.so_line and not line.mentoring_encounter_id)
        if not lines:
            return
        authorised = (
            self.env["mentoring.authorization"].sudo().search([("sale_line_id", "in", lines.so_line.ids)])
        )
        if authorised:
            raise ValidationError(
                self.env._(
                    "Time on authorisation %(ref)s comes only from confirmed mentoring meetings. Log a "
                    "meeting instead of a timesheet entry.",
                    ref=authorised[0].name,
                )
            )
