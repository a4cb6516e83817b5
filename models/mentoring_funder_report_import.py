from odoo import models


# The funder report screen lives with the report's models (see mentoring_funder_report.py).
class MentoringFunderReport(models.TransientModel):  # pylint: disable=no-wizard-in-models
    """Authorisations brought in when the agency moved in: the units the payer had already
    counted before are a figure of their own, beside the units authorised, so that authorised
    less delivered here does not read as what is left."""

    _inherit = "mentoring.funder.report"

    def _measure_units_used_before(self):
        """Units used before Peer Mentoring on the authorisations `Authorised` counts."""
        return round(sum(self._authorizations_in_period().mapped("units_used_before")), 2)

    def _report_sections(self):
        sections = super()._report_sections()
        used_before = self._sees_billing() and self._measure_units_used_before()
        if not used_before:
            return sections
        title = self.env._("Billing (units)")
        for section in sections:
            if section["title"] == title:
                section["rows"].insert(1, (self.env._("Used before Peer Mentoring"), used_before))
        return sections
