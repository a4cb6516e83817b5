"""Benchmark (issue 20): the funder report (every `_measure_*`, the whole report, its HTML, PDF
and XLSX) and every figure of the Peer Mentoring dashboards (the pivots and graphs of
`data/files/*.json`, read with `formatted_read_grouping_sets` / `formatted_read_group` as the
spreadsheet does, as a user of the dashboard's group, record rules applied), for one programme at
two volumes: 1,000 matches / 20,000 meetings and 10,000 / 200,000 (`BENCH_SCALE=0.1` makes both
ten times smaller). Odoo's baseline in the same run: a read_group by month of as many
`account.analytic.line` rows as there are meetings. Goal: each under 3 s at 10,000 / 200,000, with
query counts that do not grow. Everything is rolled back.

Run with `make bench` (or scripts/bench.sh)."""

import base64
import json
import os
import time
from datetime import date, timedelta

from bench_common import main
from bench_volume_data import load_volume

from odoo.fields import Command

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
VOLUMES = [(int(1_000 * SCALE), int(20_000 * SCALE)), (int(10_000 * SCALE), int(200_000 * SCALE))]
GOAL_SECONDS = 3.0


def set_jit(env):
    """PostgreSQL's JIT compiles a query whose estimated cost is high; for these screens that
    costs more than it saves (seconds of compiling for a query of a few hundred ms), so it is off
    for the run unless BENCH_JIT=on (the README recommends jit = off for production)."""
    jit = os.environ.get("BENCH_JIT", "off")
    env.cr.execute(f"SET jit = {'on' if jit == 'on' else 'off'}")
    print(f"PostgreSQL JIT: {jit} for this run (BENCH_JIT=on|off)", flush=True)


def timed(env, fn):
    """(seconds, queries, result) of fn(), from cold record caches."""
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = fn()
    env.flush_all()
    return time.perf_counter() - start, env.cr.sql_log_count - queries, result


def insert_analytic_lines(env, count):
    """Odoo's baseline: `count` timesheet-like analytic lines over the last three years."""
    # An existing plan: a new one adds a column to the lines' table (an ALTER TABLE).
    plan = env["account.analytic.plan"].search([], limit=1) or env["account.analytic.plan"].create(
        {"name": "Bench plan"}
    )
    account = env["account.analytic.account"].create({"name": f"Bench {count}", "plan_id": plan.id})
    env.flush_all()
    env.cr.execute(
        """
        INSERT INTO account_analytic_line (name, account_id, company_id, date, amount, unit_amount,
                                           create_uid, write_uid, create_date, write_date)
        SELECT 'line ' || g, %(account)s, %(company)s, CURRENT_DATE - (g::bigint * 7919 %% 1095)::int, 0, 1,
               1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM generate_series(1, %(count)s) g;
        ANALYZE account_analytic_line;
        """,
        {"account": account.id, "company": env.company.id, "count": count},
    )
    return account


def measure_names(env):
    Report = env["mentoring.funder.report"]
    return sorted(name[len("_measure_") :] for name in dir(Report) if name.startswith("_measure_"))


def funder_report_timings(env, volume):
    """[(label, seconds, queries)] of each measure and of the whole report as the coordinator."""
    coordinator_env = env(user=volume.coordinator)
    today = date.today()
    report = coordinator_env["mentoring.funder.report"].create(
        {"program_id": volume.program.id, "date_from": today - timedelta(days=365), "date_to": today}
    )
    rows = []
    for name in measure_names(env):
        seconds, queries, _value = timed(env, getattr(report, f"_measure_{name}"))
        rows.append((f"funder report: _measure_{name}", seconds, queries))
    seconds, queries, _sections = timed(env, report._report_sections)
    rows.append(("funder report: all sections (what is shown)", seconds, queries))
    seconds, queries, _xlsx = timed(env, report._xlsx_content)
    rows.append(("funder report: XLSX export", seconds, queries))
    Reports = coordinator_env["ir.actions.report"]
    seconds, queries, _html = timed(
        env, lambda: Reports._render_qweb_html("peer_mentoring.funder_report_pdf", report.ids)
    )
    rows.append(("funder report: HTML (on screen)", seconds, queries))
    seconds, queries, _pdf = timed(
        env,
        lambda: Reports.with_context(force_report_rendering=True)._render_qweb_pdf(
            "peer_mentoring.funder_report_pdf", report.ids
        ),
    )
    rows.append(("funder report: PDF (wkhtmltopdf included)", seconds, queries))
    return rows


def dashboard_figures(env):
    """[(dashboard, label, call)] for every pivot and graph of the addon's dashboards, each
    call taking the model (with the viewer's env) and returning the groups."""
    group = env.ref("peer_mentoring.spreadsheet_dashboard_group_mentoring")
    figures = []
    for dashboard in group.dashboard_ids:
        data = json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))
        for pivot_id, pivot in data.get("pivots", {}).items():
            figures.append((dashboard, f"pivot {pivot_id} {pivot['model']}", pivot_call(pivot)))
        for sheet in data.get("sheets", []):
            for figure in sheet.get("figures", []):
                meta = figure.get("data", {}).get("metaData")
                if meta and meta.get("resModel"):
                    label = f"graph {meta['resModel']} by {','.join(meta['groupBy'])}"
                    figures.append((dashboard, label, graph_call(figure["data"])))
    return figures


def pivot_call(pivot):
    """What the spreadsheet's pivot asks: every combination of the row and column group-bys
    in one `formatted_read_grouping_sets`."""
    rows = [_groupby(g) for g in pivot.get("rows", [])]
    cols = [_groupby(g) for g in pivot.get("columns", [])]
    sets = [rows[:i] + cols[:j] for i in range(len(rows) + 1) for j in range(len(cols) + 1)]
    aggregates = [m["id"] if m["fieldName"] != "__count" else "__count" for m in pivot.get("measures", [])]
    domain = pivot.get("domain", [])
    return pivot["model"], lambda Model: Model.formatted_read_grouping_sets(domain, sets, aggregates)


def graph_call(data):
    meta = data["metaData"]
    domain = data.get("searchParams", {}).get("domain", [])
    measure = "__count" if meta["measure"] == "__count" else f"{meta['measure']}:sum"
    return meta["resModel"], lambda Model: Model.formatted_read_group(domain, meta["groupBy"], [measure])


def _groupby(spec):
    return f"{spec['fieldName']}:{spec['granularity']}" if spec.get("granularity") else spec["fieldName"]


def viewer(env, volume, dashboard):
    """The volume's coordinator when the dashboard is theirs, else a user of its groups."""
    if not dashboard.group_ids or volume.coordinator.group_ids & dashboard.group_ids:
        return volume.coordinator
    login = f"bench_dashboard_{dashboard.id}_{volume.program.id}"
    return env["res.users"].search([("login", "=", login)]) or env["res.users"].create(
        {"name": login, "login": login, "group_ids": [Command.link(g.id) for g in dashboard.group_ids]}
    )


def dashboard_timings(env, volume):
    rows = []
    for dashboard, label, (model, call) in dashboard_figures(env):
        user = viewer(env, volume, dashboard)
        Model = env(user=user)[model]
        seconds, queries, _groups = timed(env, lambda Model=Model, call=call: call(Model))
        rows.append((f"dashboard {dashboard.name}: {label}", seconds, queries))
    total = sum(row[1] for row in rows)
    rows.append(("dashboards: every figure, one after the other", total, sum(row[2] for row in rows)))
    return rows


def baseline_timing(env, count):
    account = insert_analytic_lines(env, count)
    admin = env.ref("base.user_admin")
    Lines = env(user=admin)["account.analytic.line"]
    domain = [("account_id", "=", account.id)]
    seconds, queries, _groups = timed(
        env, lambda: Lines.formatted_read_group(domain, ["date:month"], ["unit_amount:sum", "__count"])
    )
    return seconds, queries


def run(env, measure):
    set_jit(env)
    results = []
    for matches, meetings in VOLUMES:
        volume = load_volume(env, matches, meetings)
        print(f"loaded {matches} matches and {meetings} meetings in {volume.seconds:.1f} s", flush=True)
        baseline = baseline_timing(env, meetings)
        rows = funder_report_timings(env, volume) + dashboard_timings(env, volume)
        results.append((matches, meetings, baseline, rows))

    print()
    (small_m, small_e, small_base, small_rows), (big_m, big_e, big_base, big_rows) = results
    head_small, head_big = f"{small_m}/{small_e}", f"{big_m}/{big_e}"
    print(f"{'measure':<72} {head_small:>16} {head_big:>22} {'x baseline':>10}")
    base_line = "baseline: analytic lines read_group by month"
    print(
        f"{base_line:<72} {small_base[0]:>7.3f} s {small_base[1]:>4} q "
        f"{big_base[0]:>9.3f} s {big_base[1]:>6} q {1.0:>9.1f}x"
    )
    slow = []
    for (label, s_sec, s_q), (_label, b_sec, b_q) in zip(small_rows, big_rows, strict=True):
        ratio = b_sec / big_base[0] if big_base[0] else 0.0
        print(f"{label:<72} {s_sec:>7.3f} s {s_q:>4} q {b_sec:>9.3f} s {b_q:>6} q {ratio:>9.1f}x")
        if b_sec > GOAL_SECONDS and "every figure" not in label:
            slow.append(label)
    print()
    print(f"over {GOAL_SECONDS:.0f} s at {head_big}: {', '.join(slow) if slow else 'none'}")


if __name__ == "__main__":
    main(run)
