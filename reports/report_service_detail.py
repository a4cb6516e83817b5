from collections import defaultdict

from odoo import api, models


class ReportServiceDetail(models.AbstractModel):
    """The "Service detail" attached to a payer's invoice: per member and day, the meetings, their
    minutes and units, and the day's total minutes and units, so that an auditor can trace every
    unit. It carries what a payer audits and nothing of what was said."""

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
        counted = self._counted_in_the_day(lines.mentoring_encounter_id)
        encounters_by_day = defaultdict(dict)
        for line in lines:
            encounter = line.mentoring_encounter_id
            day = encounters_by_day[(line.timesheet_invoice_id.id, encounter.mentee_id, line.date)]
            day[encounter] = line
            for other in counted[(encounter.mentee_id, encounter.date)]:
                day.setdefault(other, self.env["account.analytic.line"])
        days_by_move = {move.id: [] for move in moves}
        # Per member, then day: an auditor reads one member's days together.
        for (move_id, mentee, date), day in sorted(
            encounters_by_day.items(), key=lambda item: (item[0][1].name or "", item[0][1].id, item[0][2])
        ):
            rows = [
                self._row(encounter, line)
                for encounter, line in sorted(day.items(), key=lambda item: (item[0].start_time, item[0].id))
            ]
            days_by_move[move_id].append(
                {
                    "date": date,
                    # The member ID of the coverage on that day, as each row has it.
                    "member": next((row["member"] for row in rows if row["member"]), ""),
                    "mentee": mentee.name,
                    "rows": rows,
                    "minutes": sum(row["minutes"] for row in rows),
                    "units": sum(row["units"] for row in rows),
                    "uom": next((row["uom"] for row in rows if row["uom"]), ""),
                }
            )
        return {
            "doc_ids": docids,
            "doc_model": "account.move",
            "docs": moves,
            "days_by_move": days_by_move,
            "period_by_move": {
                move_id: (min(d["date"] for d in days), max(d["date"] for d in days)) if days else False
                for move_id, days in days_by_move.items()
            },
            "totals_by_move": {move_id: self._unit_totals(days) for move_id, days in days_by_move.items()},
            "units_label": self._units_label,
            "chunks_by_move": {move_id: self._chunks(days) for move_id, days in days_by_move.items()},
        }

    @staticmethod
    def _chunks(days, first_page=11, per_page=16):
        """Whole days in blocks of about a page of rows (fewer on the first page, under the title),
        each printed as a kept block with the table's header (reports/mentoring_report_layout.xml):
        every page starts with the header and no day is split across two pages."""
        chunks, size, limit = [], first_page, first_page
        for day in days:
            rows = len(day["rows"]) + 1
            if not chunks or size + rows > limit:
                limit = first_page if not chunks else per_page
                chunks.append([])
                size = 0
            chunks[-1].append(day)
            size += rows
        return chunks or [[]]

    @staticmethod
    def _units_label(units, uom):
        """The payer's unit after its number, in the plural where the number is: 1 15-minute
        unit, 3 15-minute units, 1 Hour, 2 Hours."""
        uom = uom or ""
        if units == 1:
            uom = uom[:-1] if uom.endswith("s") and not uom.endswith("ss") else uom
        elif uom and not uom.endswith("s"):
            uom += "s"
        return f"{units:g} {uom}".strip()

    @classmethod
    def _unit_totals(cls, days):
        """The invoice's total units in each unit the payer bills, for the total row."""
        totals = defaultdict(float)
        for day in days:
            for row in day["rows"]:
                totals[row["uom"]] += row["units"]
        return [cls._units_label(units, uom) for uom, units in sorted(totals.items())] or ["0"]

    def _counted_in_the_day(self, billed):
        """Meetings billed no unit of their own whose minutes count in a billed day's total
        (a payer that adds up a mentee's day): they support the day's units on paper."""
        others = (
            self.env["mentoring.encounter"]
            .sudo()
            .search(
                [
                    ("state", "=", "confirmed"),
                    ("mentee_id", "in", billed.mentee_id.ids),
                    ("date", "in", list(set(billed.mapped("date")))),
                    ("billed_units", "=", 0),
                    ("needs_billing_attention", "=", False),
                    ("billing_override_reason", "=", False),
                    ("id", "not in", billed.ids),
                ]
            )
        )
        services = defaultdict(set)  # the services billed each mentee-day
        for encounter in billed:
            services[(encounter.mentee_id, encounter.date)].add(encounter._billed_product())
        counted = defaultdict(list)
        for encounter in others:
            day = (encounter.mentee_id, encounter.date)
            profile = encounter._billing_profile()
            if (
                day in services
                and profile.rounding_scope == "day"
                and (profile.day_codes == "combined" or encounter._billed_product() in services[day])
                and not encounter._billing_setup_problem()
                and not encounter._documentation_problem()
            ):
                counted[day].append(encounter)
        return counted

    def _row(self, encounter, line):
        product = (line.so_line.product_id or encounter._billed_product()).product_tmpl_id
        return {
            "date": encounter.date,
            "start": encounter.start_time,
            "end": encounter.end_time,
            "minutes": encounter.duration_minutes,
            "units": encounter.billed_units if line else 0.0,
            "uom": encounter.authorization_id.uom_id.name or "",  # the payer's unit, as billed_units
            "code": product._mentoring_code_label(),
            "authorization": encounter.authorization_id.name or "",
            "member": encounter._billing_coverage()[1] or "",
            "mentee": encounter.mentee_id.name,
            "mentor": encounter.mentor_id.name,
            "credential": dict(encounter.mentor_id._fields["state"]._description_selection(self.env))[
                encounter._mentor_credential_on_date()
            ],
        }
