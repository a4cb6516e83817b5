from odoo import models
from odoo.tools import format_date


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "mentoring.authorization.link.mixin"]

    def _mentoring_sale_lines(self):
        return self.sudo().invoice_line_ids.sale_line_ids._origin

    def _mentoring_action_open(self):
        """Finance's own Invoicing screens for these customer invoices."""
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_out_invoice_type")
        if len(self) == 1:
            action.update(views=[(self.env.ref("account.view_move_form").id, "form")], res_id=self.id)
        else:
            action["domain"] = [("id", "in", self.ids)]
        action["context"] = {"default_move_type": "out_invoice"}
        return action

    def _link_timesheets_to_invoice(self, start_date=None, end_date=None):
        res = super()._link_timesheets_to_invoice(start_date=start_date, end_date=end_date)
        self._add_mentoring_service_period()
        return res

    def _add_mentoring_service_period(self):
        """Payers want the service period on each invoice line of mentoring units."""
        groups = (
            self.env["account.analytic.line"]
            .sudo()
            ._read_group(
                [("timesheet_invoice_id", "in", self.ids), ("mentoring_encounter_id", "!=", False)],
                ["timesheet_invoice_id", "so_line"],
                ["date:min", "date:max"],
            )
        )
        for move, so_line, first, last in groups:
            for line in move.invoice_line_ids.filtered(lambda line, sol=so_line: sol in line.sale_line_ids):
                period = self.env._(
                    "Service period: %(start)s – %(end)s",
                    start=format_date(self.env, first),
                    end=format_date(self.env, last),
                )
                line.name = f"{line.name}\n{period}"
