from odoo import api, models


class ReportFunder(models.AbstractModel):
    """The funder report's figures, counted with the user's rights checked first: the report
    route checks only that the user may read the wizard record."""

    _name = "report.peer_mentoring.report_funder"
    _description = "Funder report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["mentoring.funder.report"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "mentoring.funder.report",
            "docs": docs,
            "sections": {doc.id: doc._report_sections() for doc in docs},
        }
