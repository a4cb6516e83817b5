"""Benchmark (issue 21): a coordinator's *Needs doing* board and main lists (matches kanban,
meetings list, mentees list), first page, with record rules, at 1,000,000 meetings (50,000
matches; `BENCH_SCALE=0.1` for 100,000). Measured at a tenth of the volume and at the full one,
each time without the addon's indexes for these screens ("before": dropped inside a savepoint)
and with them ("after"); for each screen the slowest query's `EXPLAIN (ANALYZE, BUFFERS)` is
printed, before and after. Odoo's baseline in the same run: the first page of
`account.analytic.line` rows of as many lines as there are meetings. Goal: first page under
0.3 s. Everything is rolled back.

Run with `make bench` (or scripts/bench.sh)."""

import os
import time
from functools import partial

from bench_common import main
from bench_outcomes import insert_analytic_lines, set_jit
from bench_volume_data import load_volume

from odoo.tools import SQL

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
VOLUMES = [(int(5_000 * SCALE), int(100_000 * SCALE)), (int(45_000 * SCALE), int(900_000 * SCALE))]
GOAL_SECONDS = 0.3
PAGE = 80
KANBAN_PAGE = 40
# The indexes these screens' plans need (models' `_auto_init` / `models.Index`): dropped for the
# "before" figures, inside a savepoint.
INDEXES = ["mentoring_encounter_match_confirmed_date_idx"]

BOARD_SPEC = {"kind": {}, "detail": {}, "fact": {}, "program_id": {"fields": {"display_name": {}}}}


def odoo_read_group(Model):
    from odoo.addons.web.models.models import Base  # noqa: PLC0415 (once the addons path is set)

    return partial(Base.web_read_group, Model)


def read_board(read_group):
    """The board's first page, read by `read_group` (the board's own, or Odoo's)."""
    return lambda Model: read_group(Model)(
        [],
        ["board_column"],
        ["__count"],
        auto_unfold=True,
        unfold_read_specification=BOARD_SPEC,
        unfold_read_default_limit=KANBAN_PAGE,
    )


SCREENS = {
    "Needs doing board (3 columns, 40 cards each)": (
        "mentoring.overview.item",
        read_board(lambda Model: Model.web_read_group),
    ),
    # The same page as Odoo's kanban reads any grouped model (a count per column, a search per
    # column, the cards' fields by id): the board's reading before it was one query.
    "Needs doing board read as Odoo's kanban does": (
        "mentoring.overview.item",
        read_board(odoo_read_group),
    ),
    "Matches: kanban by state, open ones": (
        "mentoring.match",
        lambda Model: Model.web_read_group(
            [("state", "not in", ("closed", "cancelled"))],
            ["state"],
            ["__count"],
            auto_unfold=True,
            unfold_read_specification={
                "mentee_id": {"fields": {"display_name": {}}},
                "mentor_id": {"fields": {"display_name": {}}},
                "program_id": {"fields": {"display_name": {}}},
                "date_start": {},
                "coordinator_id": {"fields": {"display_name": {}}},
                "color": {},
            },
            unfold_read_default_limit=KANBAN_PAGE,
        ),
    ),
    "Meetings: list, first page": (
        "mentoring.encounter",
        lambda Model: Model.web_search_read(
            [],
            {
                "date": {},
                "start_time": {},
                "end_time": {},
                "duration_minutes": {},
                "mentee_id": {"fields": {"display_name": {}}},
                "mentor_id": {"fields": {"display_name": {}}},
                "location_type": {},
                "progress": {},
                "state": {},
            },
            limit=PAGE,
            count_limit=10001,
        ),
    ),
    "Mentees: list, first page": (
        "mentoring.mentee",
        lambda Model: Model.web_search_read(
            [],
            {"name": {}, "program_ids": {"fields": {"display_name": {}}}, "area": {}},
            limit=PAGE,
            count_limit=10001,
        ),
    ),
}


class QueryLog:
    """Records every query a block runs and how long it took (to EXPLAIN the slowest)."""

    def __init__(self, cr):
        self.cr = cr
        self.queries = []
        self._execute = cr.execute

    def __enter__(self):
        def execute(query, params=None, log_exceptions=True):
            start = time.perf_counter()
            try:
                return self._execute(query, params, log_exceptions)
            finally:
                self.queries.append((time.perf_counter() - start, query, params))

        self.cr.execute = execute
        return self

    def __exit__(self, *exc):
        del self.cr.execute

    def slowest(self):
        return max(self.queries, key=lambda q: q[0])


def explain(cr, query, params):
    if isinstance(query, SQL):
        query, params = query.code, query.params
    inner = SQL(query, **params) if isinstance(params, dict) else SQL(query, *(params or ()))
    cr.execute(SQL("EXPLAIN (ANALYZE, BUFFERS) %s", inner))
    return [row[0] for row in cr.fetchall()]


def measure_screen(env, user, model, call):
    Model = env(user=user)[model]
    call(Model)  # warm the access and view caches, as a second visit
    env.invalidate_all()
    queries = env.cr.sql_log_count
    with QueryLog(env.cr) as log:
        start = time.perf_counter()
        call(Model)
        seconds = time.perf_counter() - start
    return seconds, env.cr.sql_log_count - queries, log.slowest()


def run_screens(env, user, label, plans):
    rows = []
    for screen, (model, call) in SCREENS.items():
        seconds, queries, (slow_seconds, query, params) = measure_screen(env, user, model, call)
        rows.append((f"{label}: {screen}", seconds, queries))
        plans.append((f"{label}: {screen} (slowest query, {slow_seconds * 1000:.0f} ms)", query, params))
    return rows


def baseline(env, count):
    account = insert_analytic_lines(env, count)
    Lines = env(user=env.ref("base.user_admin"))["account.analytic.line"]
    spec = {"date": {}, "name": {}, "unit_amount": {}, "account_id": {"fields": {"display_name": {}}}}
    domain = [("account_id", "=", account.id)]
    Lines.web_search_read(domain, spec, limit=PAGE, count_limit=10001)
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    Lines.web_search_read(domain, spec, limit=PAGE, count_limit=10001)
    return time.perf_counter() - start, env.cr.sql_log_count - queries


def print_plans(env, plans):
    for title, query, params in plans:
        print(f"--- {title}")
        for line in explain(env.cr, query, params):
            print(f"    {line}")


def measure_volume(env, volume, tag, meetings):
    """Rows and plans without the indexes (in a savepoint) and with them."""
    cr = env.cr
    results = {}
    for label in ("before", "after"):
        plans = []
        cr.execute("SAVEPOINT bench_indexes")
        if label == "before":
            for index in INDEXES:
                cr.execute(f"DROP INDEX IF EXISTS {index}")
        rows = run_screens(env, volume.coordinator, f"{tag} {label}", plans)
        if label == "before" or tag == "1/1":
            print(f"\nEXPLAIN (ANALYZE, BUFFERS), {tag} {label} the indexes:")
            print_plans(env, plans)
        cr.execute("ROLLBACK TO SAVEPOINT bench_indexes")
        env.invalidate_all()
        results[label] = rows
    return results


def run(env, measure):
    set_jit(env)
    results = []
    total_matches = total_meetings = 0
    for index, (matches, meetings) in enumerate(VOLUMES):
        volume = load_volume(env, matches, meetings)
        total_matches += matches
        total_meetings += meetings
        print(
            f"loaded {matches} matches and {meetings} meetings in {volume.seconds:.1f} s "
            f"(now {total_matches} matches, {total_meetings} meetings): "
            + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in volume.phases.items()),
            flush=True,
        )
        tag = f"{total_meetings} meetings" if index else f"1/10 ({total_meetings} meetings)"
        base = baseline(env, total_meetings)
        results.append((tag, base, measure_volume(env, volume, "1/1" if index else "1/10", meetings)))

    print()
    print(f"{'screen':<62} {'before':>18} {'after':>18}")
    for tag, (base_s, base_q), by_label in results:
        print(f"{tag}: baseline analytic lines first page {base_s:>9.3f} s {base_q:>4} q")
        for (label, b_sec, b_q), (_label, a_sec, a_q) in zip(
            by_label["before"], by_label["after"], strict=True
        ):
            screen = label.split(": ", 1)[1]
            flag = "" if a_sec < GOAL_SECONDS else "  OVER GOAL"
            print(f"  {screen:<60} {b_sec:>7.3f} s {b_q:>4} q {a_sec:>7.3f} s {a_q:>4} q{flag}")


if __name__ == "__main__":
    main(run)
