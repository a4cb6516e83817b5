from odoo import models

from .mentoring_funder_report import suppress


# A report screen with its own menu, PDF and spreadsheet export, not a wizard opened from a
# record: it lives with the report's models (split in two files to stay small).
class MentoringFunderReport(models.TransientModel):  # pylint: disable=no-wizard-in-models
    """The funder report as it is shown: sections of labelled figures, counts of people
    suppressed (the PDF and the XLSX export print the same rows)."""

    _inherit = "mentoring.funder.report"

    def _people_counts(self):
        keys = (
            "people_served", "people_continuing", "people_new", "mentors_active",
            "matches", "matches_continuing", "matches_new", "matches_closed",
            "ended_under_3", "ended_3_to_12", "ended_under_12", "ended_12_plus",
            "people_rated", "evaluations",
        )  # fmt: skip
        return {key: getattr(self, f"_measure_{key}")() for key in keys}

    def _report_sections(self):
        """[{title, rows: [(label, shown value)]}] for what this user may see of the report."""
        self.ensure_one()
        self._check_readable()
        with self._figures_memo():
            return self._shown_sections()

    def _shown_sections(self):
        _ = self.env._
        sections = []
        if self._sees_mentoring_figures():
            counts = self._people_counts()
            hidden = suppress(counts)

            def people(key):
                if key not in hidden:
                    return counts[key]
                return (
                    _("fewer than 5") if hidden[key] == "small" else _("not shown (protects a small number)")
                )

            def share(part, whole):
                if part in hidden or whole in hidden or not counts[whole]:
                    return _("not shown")
                return f"{100.0 * counts[part] / counts[whole]:.0f}%"

            few_rated = "people_rated" in hidden or not counts["people_rated"]
            few_evaluated = "evaluations" in hidden or not counts["evaluations"]
            sections += [
                {
                    "title": _("People served"),
                    "rows": [
                        (_("People mentored in the period"), people("people_served")),
                        (_("… already matched when the period began"), people("people_continuing")),
                        (_("… first matched in the period"), people("people_new")),
                        (_("Mentors with a relationship in the period"), people("mentors_active")),
                    ],
                },
                {
                    "title": _("Relationships"),
                    "rows": [
                        (_("Relationships in the period"), people("matches")),
                        (_("… begun before the period"), people("matches_continuing")),
                        (_("… new in the period"), people("matches_new")),
                        (_("Relationships ended in the period"), people("matches_closed")),
                        (_("… ended before 3 months"), people("ended_under_3")),
                        (_("… ended between 3 and 12 months"), people("ended_3_to_12")),
                        (_("… ended before 12 months (both above)"), people("ended_under_12")),
                        (_("… lasted 12 months or more"), people("ended_12_plus")),
                        (_("Share ended before 3 months"), share("ended_under_3", "matches_closed")),
                        (_("Share ended before 12 months"), share("ended_under_12", "matches_closed")),
                    ],
                },
                {
                    "title": _("Meetings"),
                    "rows": [
                        (_("Meetings held"), self._measure_meetings()),
                        (_("Hours of meetings"), self._measure_meeting_hours()),
                    ],
                },
                {
                    "title": _("Goals"),
                    "rows": [
                        (_("Goals in the signed plans"), self._measure_goals_set()),
                        (_("Goals achieved"), self._measure_goals_achieved()),
                        (_("People whose goals were rated at a review"), people("people_rated")),
                        (
                            _("Goals rated as hoped for or better"),
                            _("not shown") if few_rated else
                            f"{self._measure_goals_as_hoped()} / {self._measure_goals_rated()}",
                        ),
                        (
                            _("Goal attainment score (50 = as hoped for)"),
                            _("not shown") if few_rated else self._measure_attainment_t_score(),
                        ),
                    ],
                },
                {
                    "title": _("Evaluations"),
                    "rows": [
                        (_("Evaluations completed"), people("evaluations")),
                        (
                            _("Average score"),
                            _("not shown") if few_evaluated else self._measure_evaluation_average(),
                        ),
                    ],
                },
            ]  # fmt: skip
        if self._sees_billing():
            sections.append(
                {
                    "title": _("Billing (units)"),
                    "rows": [
                        (_("Authorised"), self._measure_units_authorized()),
                        (_("Delivered"), self._measure_units_delivered()),
                        (_("Invoiced"), self._measure_units_invoiced()),
                        (_("Paid"), self._measure_units_paid()),
                        (_("Denied"), self._measure_units_denied()),
                    ],
                }
            )
        return sections

    def action_print(self):
        """The report on screen, whose Print button gives the PDF."""
        self._check_readable()
        action = self.env.ref("peer_mentoring.funder_report_pdf").report_action(self)
        action["report_type"] = "qweb-html"
        return action

    def action_export_xlsx(self):
        self._check_readable()
        return {
            "type": "ir.actions.act_url",
            "url": f"/peer_mentoring/funder_report/{self.id}/xlsx",
            "target": "download",
        }

    def _xlsx_content(self):
        """The report's rows in a workbook (Odoo's own xlsxwriter), as the PDF shows them."""
        import io  # noqa: PLC0415

        import xlsxwriter  # noqa: PLC0415

        self.ensure_one()
        sections = self._report_sections()
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Funder report")[:31])
        bold = workbook.add_format({"bold": True})
        sheet.set_column(0, 0, 48)
        sheet.set_column(1, 1, 36)
        sheet.write(0, 0, self.program_id.name, bold)
        sheet.write(1, 0, self.env._("From %(start)s to %(end)s", start=self.date_from, end=self.date_to))
        sheet.write(2, 0, self.env._("Counts of 1 to 4 people are shown as “fewer than 5”."))
        row = 4
        for section in sections:
            sheet.write(row, 0, section["title"], bold)
            row += 1
            for label, value in section["rows"]:
                sheet.write(row, 0, label)
                sheet.write(row, 1, value)
                row += 1
            row += 1
        workbook.close()
        return buffer.getvalue()
