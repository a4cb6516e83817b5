"""Writes the dashboards' spreadsheets (data/files/*_dashboard.json) from the sections below.

Each section is a title, a pivot (model, domain, rows, columns, measures) and, beside it, an
optional graph; the figures are defined in the README's *Dashboards*. Run it after changing a
section: python3 scripts/make_dashboards.py (then update the module).
"""

import json
from pathlib import Path

FILES = Path(__file__).resolve().parent.parent / "data" / "files"
ROW_HEIGHT = 23
CHART_ROWS = 14
NOT_CANCELLED_CLAIM = ["claim_id.state", "!=", "cancelled"]


def dim(spec):
    name, _, granularity = spec.partition(":")
    return {"fieldName": name, "granularity": granularity} if granularity else {"fieldName": name}


def measure(spec):
    """ "field:aggregator|Label" (aggregator sum and the field's own label when left out)."""
    spec, _, label = spec.partition("|")
    name, _, aggregator = spec.partition(":")
    result = {"id": f"{name}:{aggregator or 'sum'}", "fieldName": name, "aggregator": aggregator or "sum"}
    return {**result, "userDefinedName": label} if label else result


def section(
    title, name, model, domain, rows, measures=("__count",), columns=(), chart=None, rows_shown=8, ratio=None
):
    return {
        "title": title,
        "pivot": {
            "type": "ODOO",
            "domain": domain,
            "context": {},
            "sortedColumn": None,
            "measures": [measure(m) for m in measures],
            "model": model,
            "columns": [dim(c) for c in columns],
            "rows": [dim(r) for r in rows],
            "name": name,
        },
        "chart": chart,
        "rows_shown": rows_shown,
        "ratio": ratio,
    }


def chart(model, domain, group_by, kind="bar", measure_name="__count"):
    return {"model": model, "domain": domain, "groupBy": group_by, "kind": kind, "measure": measure_name}


def build(name, intro, sections):
    cells, styles, formats, rows, figures, pivots = {"A1": f'=_t("{intro}")'}, {"A1": 2}, {}, {}, [], {}
    row = 2  # 0-based: a blank row under the introduction
    for index, sec in enumerate(sections, start=1):
        rows[str(row)] = {"size": 40}
        cells[f"A{row + 1}"] = f'=_t("{sec["title"]}")'
        styles[f"A{row + 1}"] = 1
        pivot_row = row + 1
        cells[f"A{pivot_row + 1}"] = f"=PIVOT({index})"
        pivots[str(index)] = {**sec["pivot"], "formulaId": str(index)}
        height = sec["rows_shown"] + 3
        if sec["ratio"]:
            column, label, numerator, denominator = sec["ratio"]
            cells[f"{column}{pivot_row + 2}"] = f'=_t("{label}")'
            for r in range(pivot_row + 3, pivot_row + 3 + sec["rows_shown"] + 1):
                cells[f"{column}{r}"] = f'=IF(A{r}="Total","",IFERROR({numerator}{r}/{denominator}{r},""))'
                formats[f"{column}{r}"] = 1
        if sec["chart"]:
            spec = sec["chart"]
            chart_id = f"{name.lower()}-chart-{index}"
            figures.append(
                {
                    "id": chart_id,
                    "width": 420,
                    "height": CHART_ROWS * ROW_HEIGHT - 23,
                    "tag": "chart",
                    "data": {
                        "title": {"text": ""},
                        "background": "#FFFFFF",
                        "legendPosition": "top",
                        "metaData": {
                            "groupBy": spec["groupBy"],
                            "measure": spec["measure"],
                            "order": None,
                            "resModel": spec["model"],
                            "mode": spec["kind"],
                        },
                        "searchParams": {
                            "comparison": None,
                            "context": {},
                            "domain": spec["domain"],
                            "groupBy": spec["groupBy"],
                            "orderBy": [],
                        },
                        "type": f"odoo_{spec['kind']}",
                        "dataSets": [],
                        "verticalAxisPosition": "left",
                        "stacked": False,
                        "chartId": chart_id,
                        "fieldMatching": {},
                    },
                    "offset": {"x": 30, "y": 0},
                    "col": 4,
                    "row": pivot_row,
                }
            )
            height = max(height, CHART_ROWS)
        row = pivot_row + height + 1
    return {
        "version": "18.5.10",
        "sheets": [
            {
                "id": "sheet1",
                "name": name,
                "colNumber": 10,
                "rowNumber": row + 5,
                "rows": rows,
                "cols": {"0": {"size": 260}, **{str(c): {"size": 160} for c in range(1, 10)}},
                "merges": [],
                "cells": cells,
                "styles": styles,
                "formats": formats,
                "borders": {},
                "conditionalFormats": [],
                "dataValidationRules": [],
                "figures": figures,
                "tables": [],
                "areGridLinesVisible": False,
                "isVisible": True,
                "headerGroups": {"ROW": [], "COL": []},
                "comments": {},
            }
        ],
        "styles": {
            "1": {"textColor": "#01666b", "fontSize": 16, "bold": True},
            "2": {"textColor": "#434343", "verticalAlign": "middle"},
        },
        "formats": {"1": "0.0"},
        "borders": {},
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "settings": {
            "locale": {
                "name": "English (US)",
                "code": "en_US",
                "thousandsSeparator": ",",
                "decimalSeparator": ".",
                "dateFormat": "mm/dd/yyyy",
                "timeFormat": "hh:mm:ss",
                "formulaArgSeparator": ",",
                "weekStart": 7,
            }
        },
        "pivots": pivots,
        "pivotNextId": len(pivots) + 1,
        "customTableStyles": {},
        "globalFilters": [],
        "lists": {},
        "listNextId": 1,
        "chartOdooMenusReferences": {},
    }


CLOSED = [["state", "=", "closed"]]
CONFIRMED = [["state", "=", "confirmed"]]
RATED = [["score", "!=", False]]

PROGRAMME = [
    section(
        "Active relationships by programme",
        "Active relationships",
        "mentoring.match",
        [["state", "=", "active"]],
        ["program_id"],
        rows_shown=5,
    ),
    section(
        "People waiting for a mentor, and days waiting (average, longest), by programme",
        "People waiting for a mentor",
        "mentoring.mentee.waiting",
        [],
        ["program_id"],
        ["__count", "days_waiting:avg|Average days", "longest_days_waiting:max|Longest (days)"],
        rows_shown=5,
    ),
    section(
        "Closed relationships by how long they lasted",
        "Match length",
        "mentoring.match",
        CLOSED,
        ["program_id", "ended_length"],
        chart=chart("mentoring.match", CLOSED, ["ended_length"]),
        rows_shown=10,
    ),
    section(
        "Share of closed relationships that ended before 3 and before 12 months (%)",
        "Ended early",
        "mentoring.match",
        CLOSED,
        ["program_id"],
        [
            "__count",
            "ended_before_3_months:avg|Before 3 months (%)",
            "ended_before_12_months:avg|Before 12 months (%)",
        ],
        rows_shown=5,
    ),
    section(
        "Check-ins made on time, by programme (%)",
        "Check-ins on time",
        "mentoring.checkin",
        [["state", "=", "done"], ["due_date", "!=", False]],
        ["program_id"],
        ["__count", "on_time:avg"],
        rows_shown=5,
    ),
    section(
        "Relationships with a check-in overdue now",
        "Check-ins overdue",
        "mentoring.match",
        [["checkin_overdue", "=", True]],
        ["program_id"],
        rows_shown=5,
    ),
    section(
        "Meetings per relationship per month",
        "Meetings per relationship",
        "mentoring.encounter",
        CONFIRMED,
        ["date:month"],
        ["__count", "match_id:count_distinct"],
        rows_shown=12,
        ratio=("D", "Per relationship", "B", "C"),
    ),
    section(
        "Confirmed meetings per month",
        "Confirmed meetings per month",
        "mentoring.encounter",
        CONFIRMED,
        ["date:month"],
        ["__count", "duration_minutes"],
        chart=chart("mentoring.encounter", CONFIRMED, ["date:month"], "line"),
        rows_shown=12,
    ),
    section(
        "Relationships by state",
        "Relationships by state",
        "mentoring.match",
        [],
        ["state"],
        chart=chart("mentoring.match", [], ["state"]),
    ),
    section(
        "Goals by state (achieved, in progress...)",
        "Goals by state",
        "mentoring.goal",
        [],
        ["status"],
        chart=chart("mentoring.goal", [], ["status"], "pie"),
    ),
    section(
        "Goals rated at reviews: how it went",
        "Goal ratings",
        "mentoring.goal.rating",
        RATED,
        ["score"],
        columns=["rater"],
    ),
    section(
        "Average goal rating by programme (−2 to +2)",
        "Average goal rating",
        "mentoring.goal.rating",
        RATED,
        ["program_id"],
        ["__count", "score_value:avg"],
        rows_shown=5,
    ),
]

JUDGED = [["state", "in", ["intern", "certified"]]]
SUPERVISED = [["supervision_due_date", "!=", False]]
COMPLETED = [["state", "in", ["passed", "not_passed"]]]

WORKFORCE = [
    section(
        "Mentors by stage",
        "Mentors by stage",
        "mentoring.mentor",
        [],
        ["state"],
        chart=chart("mentoring.mentor", [], ["state"], "pie"),
    ),
    section(
        "Internships completed and their length (days, average)",
        "Internships completed",
        "mentoring.internship",
        COMPLETED,
        ["program_id", "state"],
        ["__count", "length_days:avg"],
        chart=chart("mentoring.internship", COMPLETED, ["program_id"], measure_name="length_days"),
        rows_shown=8,
    ),
    section(
        "Evaluations completed: average score by form",
        "Evaluation averages",
        "mentoring.evaluation",
        [["state", "=", "done"]],
        ["kind"],
        ["__count", "average_score:avg"],
        rows_shown=5,
    ),
    section(
        "Interns and certified mentors whose training is up to date",
        "Training up to date",
        "mentoring.mentor",
        [*JUDGED, ["training_compliant", "=", True]],
        ["state"],
        rows_shown=3,
    ),
    section(
        "... and whose training is not",
        "Training not up to date",
        "mentoring.mentor",
        [*JUDGED, ["training_compliant", "=", False]],
        ["state"],
        rows_shown=3,
    ),
    section(
        "Mentors supervised on time",
        "Supervision on time",
        "mentoring.mentor",
        [*SUPERVISED, ["supervision_overdue", "=", False]],
        ["state"],
        rows_shown=3,
    ),
    section(
        "Mentors whose supervision is overdue",
        "Supervision overdue",
        "mentoring.mentor",
        [*SUPERVISED, ["supervision_overdue", "=", True]],
        ["state"],
        rows_shown=3,
    ),
]

DECIDED = [NOT_CANCELLED_CLAIM, ["remit_state", "in", ["paid", "partly_paid", "denied"]]]
DENIED = [NOT_CANCELLED_CLAIM, ["remit_state", "=", "denied"]]
PAID = [NOT_CANCELLED_CLAIM, ["date_paid", "!=", False]]
INVOICES = [
    ["move_type", "in", ["out_invoice", "out_refund"]],
    ["invoice_line_ids.product_id.mentoring_service_code", "!=", False],
]

BILLING = [
    section(
        "Units paid and denied, by payer and month of service",
        "Units paid and denied",
        "mentoring.claim.line",
        DECIDED,
        ["payer_id", "date:month"],
        ["units"],
        columns=["remit_state"],
        rows_shown=10,
    ),
    section(
        "Denied: why (the payer's reason codes)",
        "Denials by reason",
        "mentoring.claim.line",
        DENIED,
        ["remit_reason_codes", "payer_id"],
        ["__count", "units"],
        chart=chart("mentoring.claim.line", DECIDED, ["date:month", "remit_state"], measure_name="units"),
        rows_shown=8,
    ),
    section(
        "Days from service to payment, by payer (average)",
        "Days to payment",
        "mentoring.claim.line",
        PAID,
        ["payer_id"],
        ["__count", "days_to_payment:avg|Average days", "days_to_payment:max|Longest (days)"],
        rows_shown=5,
    ),
    section(
        "Units authorised by payer",
        "Units authorised",
        "mentoring.authorization",
        [["state", "in", ["approved", "exhausted", "expired"]]],
        ["payer_id"],
        ["__count", "units_authorized"],
        rows_shown=5,
    ),
    section(
        "Units used (billed meetings) by payer",
        "Units used",
        "mentoring.billing.entry",
        [["billing_status", "=", "billed"]],
        ["payer_id"],
        ["__count", "billed_units"],
        chart=chart(
            "mentoring.billing.entry",
            [["billing_status", "=", "billed"]],
            ["date:month", "payer_id"],
            measure_name="billed_units",
        ),
        rows_shown=5,
    ),
    section(
        "Units invoiced by payer",
        "Units invoiced",
        "mentoring.billing.entry",
        [["billing_status", "=", "billed"], ["invoice_id", "!=", False]],
        ["payer_id"],
        ["__count", "billed_units"],
        rows_shown=5,
    ),
    section(
        "Meetings that need attention before billing",
        "Meetings needing attention",
        "mentoring.billing.entry",
        [["billing_status", "=", "attention"]],
        ["payer_id"],
        rows_shown=5,
    ),
    section(
        "Claims by state",
        "Claims by state",
        "mentoring.claim",
        [],
        ["state"],
        ["__count", "amount_total", "amount_paid"],
        chart=chart("mentoring.claim", [], ["state"]),
    ),
    section(
        "Invoices of mentoring services by state",
        "Invoices by state",
        "account.move",
        INVOICES,
        ["state"],
        ["__count", "amount_total_signed"],
        columns=["payment_state"],
        rows_shown=5,
    ),
]

DASHBOARDS = {
    "programme_dashboard.json": (
        "Programme",
        "Counted from the records you may see: your programmes only.",
        PROGRAMME,
    ),
    "workforce_dashboard.json": (
        "Workforce",
        "Mentors you may see: your programmes, or the mentors you supervise.",
        WORKFORCE,
    ),
    "billing_dashboard.json": (
        "Billing",
        "Billing figures for finance: authorisations, meetings, claims, payments.",
        BILLING,
    ),
}

if __name__ == "__main__":
    for file_name, (title, intro, sections) in DASHBOARDS.items():
        data = build(title, intro, sections)
        (FILES / file_name).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        print(file_name, len(data["pivots"]), "pivots,", len(data["sheets"][0]["figures"]), "graphs")
