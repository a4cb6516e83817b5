from odoo import api, models


class ReportServiceDetail(models.AbstractModel):
    """Rows of the "Service detail" attached to a payer's invoice: one per billed encounter,
    with what a payer audits and nothing of what was said."""

    _name = "report.peer_mentoring.report_service_detail"
    _description = "Service Detail of a Mentoring Invoice"

    @api.model
    def _get_report_values(self, docids, data=None):
        moves = self.env["account.move"].browse(docids)
        moves.check_access("read")
        # Finance may not read encounters' content; the rows carry neutral fields only.
        lines = (
            self.env["account.analytic.line"]
            .sudo()
            .search([("timesheet_invoice_id", "in", moves.ids), ("mentoring_encounter_id", "!=", False)])
        )
        rows_by_move = {move.id: [] for move in moves}
        for line in lines.sorted(lambda line: (line.date, line.mentoring_encounter_id.start_time)):
            rows_by_move[line.timesheet_invoice_id.id].append(self._row(line))
        return {
            "doc_ids": docids,
            "doc_model": "account.move",
            "docs": moves,
            "rows_by_move": rows_by_move,
        }

    def _row(self, line):
        encounter = line.mentoring_encounter_id
        product = line.so_line.product_id.product_tmpl_id
        return {
            "date": line.date,
            "start": encounter.start_time,
            "end": encounter.end_time,
            "units": encounter.billed_units,
            "uom": encounter.authorization_id.uom_id.name,  # the payer's unit, as billed_units
            "code": product._mentoring_code_label(),
            "authorization": encounter.authorization_id.name,
            "member": encounter._billing_coverage()[1] or "",
            "mentee": encounter.mentee_id.name,
            "mentor": encounter.mentor_id.name,
            "credential": dict(encounter.mentor_id._fields["state"]._description_selection(self.env))[
                encounter._mentor_credential_on_date()
            ],
        }
