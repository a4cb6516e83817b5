import json

from odoo import api, models
from odoo.exceptions import UserError


class SpreadsheetDashboardShare(models.Model):
    """A shared dashboard is a public link to a frozen copy of its figures. Figures counted from
    the mentoring records do not leave the agency that way: the funder report is the way out,
    with small numbers hidden."""

    _inherit = "spreadsheet.dashboard.share"

    @api.model_create_multi
    def create(self, vals_list):
        self._check_dashboard_may_be_shared([vals.get("dashboard_id") for vals in vals_list])
        return super().create(vals_list)

    def write(self, vals):
        if "dashboard_id" in vals:
            self._check_dashboard_may_be_shared([vals["dashboard_id"]])
        return super().write(vals)

    def _check_dashboard_may_be_shared(self, dashboard_ids):
        dashboards = self.env["spreadsheet.dashboard"].sudo().browse([i for i in dashboard_ids if i]).exists()
        for dashboard in dashboards:
            if self._reads_mentoring_records(dashboard):
                raise UserError(
                    self.env._(
                        "The %(name)s dashboard counts mentoring records, so it cannot be shared by "
                        "link. To send figures outside the agency, make the funder report "
                        "(Mentoring → Reporting → Funder report): it hides small numbers.",
                        name=dashboard.name,
                    )
                )

    def _reads_mentoring_records(self, dashboard):
        """Whether a pivot, list or graph of the dashboard reads a model of this addon."""
        data = json.loads(dashboard.spreadsheet_data or "{}")
        names = {source.get("model") for source in (data.get("pivots") or {}).values()}
        names |= {source.get("model") for source in (data.get("lists") or {}).values()}
        names |= {
            figure.get("data", {}).get("metaData", {}).get("resModel")
            for sheet in data.get("sheets") or []
            for figure in sheet.get("figures") or []
        }
        return any(
            name in self.env and self.env[name]._original_module == "peer_mentoring" for name in names if name
        )
