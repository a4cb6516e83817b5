"""Rules that count or read a balance and then write, made safe for two transactions at once.

Odoo runs each request in a REPEATABLE READ snapshot: two requests that each count in their own
snapshot can both pass a check that only one of them should pass (write skew), and a row lock
alone does not refresh the waiting request's snapshot. Both must *write* the same row first:
PostgreSQL then refuses the second with a serialization failure, which Odoo retries, and the
retry reads the first one's result (../shared/odoo.md, concurrency in production)."""

from odoo.tools import SQL


def serialise_on(records, assignments=None):
    """Write `records`' rows (without changing them, or setting only `assignments`: an SQL
    `column = value` list for stored values that follow from other rows) before reading what the
    rule counts, so that a second request doing the same at the same moment is retried after
    this one."""
    if records:
        records.env.cr.execute(
            SQL(
                "UPDATE %s SET %s WHERE id IN %s",
                SQL.identifier(records._table),
                assignments or SQL("write_date = write_date"),
                tuple(records.ids),
            )
        )
