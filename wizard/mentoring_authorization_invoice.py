from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MentoringAuthorizationInvoice(models.TransientModel):
    """Finance invoices the delivered units of authorisations, optionally of one service period."""

    _name = "mentoring.authorization.invoice"
    _description = "Invoice Mentoring Units"
    _inherit = ["mentoring.guard.mixin"]

    authorization_ids = fields.Many2many("mentoring.authorization", string="Authorisations", required=True)
    date_start = fields.Date(
        "Meetings from", help="Leave both dates empty to invoice every delivered unit not invoiced yet."
    )
    date_end = fields.Date("Meetings until")

    @api.constrains("date_start", "date_end")
    def _check_period(self):
        for wizard in self:
            if wizard.date_start and wizard.date_end and wizard.date_start > wizard.date_end:
                raise ValidationError(self.env._("The period must end on or after the day it starts."))

    def action_create_invoices(self):
        self.ensure_one()
        invoices = self.authorization_ids._create_invoices(self.date_start, self.date_end)
        return invoices._mentoring_action_open()
