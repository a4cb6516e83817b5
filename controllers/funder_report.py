from odoo import http
from odoo.http import content_disposition, request


class FunderReportController(http.Controller):
    @http.route("/peer_mentoring/funder_report/<int:report_id>/xlsx", type="http", auth="user")
    def funder_report_xlsx(self, report_id):
        """The funder report as a workbook, read with the user's own rights."""
        report = request.env["mentoring.funder.report"].browse(report_id)
        content = report._xlsx_content()
        filename = f"{report.program_id.name} {report.date_from} {report.date_to}.xlsx"
        return request.make_response(
            content,
            [
                ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
