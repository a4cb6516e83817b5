"""Shared harness of the benchmark scripts: opens the bench database through Odoo's registry,
times blocks and counts their SQL queries, and rolls everything back at the end."""

import contextlib
import os
import sys
import time

import odoo.init  # noqa: F401  (Odoo 19's bootstrap: what odoo-bin imports first)
from odoo.api import SUPERUSER_ID, Environment
from odoo.tools import config


def open_env(db):
    config.parse_config(["-c", os.environ["ODOO_CONF"], "-d", db, "--log-level=warn"])
    from odoo.modules.registry import Registry

    registry = Registry(db)
    cr = registry.cursor()
    return Environment(cr, SUPERUSER_ID, {}), cr


class Measure:
    def __init__(self, env):
        self.env = env
        self.rows = []

    @contextlib.contextmanager
    def __call__(self, label, count):
        self.env.flush_all()
        self.env.invalidate_all()
        queries = self.env.cr.sql_log_count
        start = time.perf_counter()
        yield
        self.env.flush_all()
        self.env.cr.precommit.run()  # chatter tracking is part of the real cost
        seconds = time.perf_counter() - start
        queries = self.env.cr.sql_log_count - queries
        self.rows.append((label, count, seconds, queries))
        print(
            f"{label:<55} {count:>7} rows {seconds:>9.2f} s {count / seconds:>10.0f} rows/s "
            f"{queries:>8} queries {queries / count:>7.2f} q/row",
            flush=True,
        )
        return seconds

    def seconds(self, label):
        return next(row[2] for row in self.rows if row[0] == label)

    def total_seconds(self, prefix):
        """The seconds of every measure whose label starts with `prefix` (rounds of one measure)."""
        return sum(row[2] for row in self.rows if row[0].startswith(prefix))

    def total_queries(self, prefix):
        return sum(row[3] for row in self.rows if row[0].startswith(prefix))

    def per_row(self, label):
        row = next(row for row in self.rows if row[0] == label)
        return row[3] / row[1]


def main(run):
    db = sys.argv[1]
    env, cr = open_env(db)
    try:
        run(env, Measure(env))
    finally:
        cr.rollback()
        cr.close()
