"""Rules that count or read a balance and then write, made safe for two transactions at once.

Odoo runs each request in a REPEATABLE READ snapshot: two requests that each count in their own
snapshot can both pass a check that only one of them should pass (write skew), and a row lock
alone does not refresh the waiting request's snapshot. Both must *write* the same row first:
PostgreSQL then refuses the second with a serialization failure, which Odoo retries, and the
retry reads the first one's result (../shared/odoo.md, concurrency in production)."""


def serialise_on(records):
    """Write `records`' rows (without changing them) before reading what the rule counts, so
    that a second request doing the same at the same moment is retried after this one."""
    if records:
        records.env.cr.execute(
            f"UPDATE {records._table} SET write_date = write_date WHERE id IN %s",  # noqa: S608 (a model's table)
            [tuple(records.ids)],
        )
