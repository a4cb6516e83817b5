from odoo import fields, models
from odoo.tools import SQL
from odoo.tools.sql import column_exists, table_exists

from ..tools.serialise import serialise_on

# The day of each match's last confirmed meeting, from the meetings themselves (one statement
# for a whole batch of matches; also used by the 19.0.1.3.0 migration and at install).
LAST_MEETING_DAY = """
    last_meeting_date = (SELECT max(e.date) FROM mentoring_encounter e
                          WHERE e.match_id = mentoring_match.id AND e.state = 'confirmed')
"""
LAST_MEETING_UPDATE = f"UPDATE mentoring_match SET {LAST_MEETING_DAY}"


class MentoringMatch(models.Model):
    """The day of the match's last confirmed meeting, stored so that *Needs doing* reads a
    column instead of every meeting of every ongoing match (scripts/bench_needs_doing.py)."""

    _inherit = "mentoring.match"

    last_meeting_date = fields.Date(
        "Last meeting",
        readonly=True,
        copy=False,
        help="The day of the last confirmed meeting; kept by confirming and cancelling meetings.",
    )

    def _auto_init(self):
        # A database that had the addon before this field: fill it once, when the column is made
        # (a new database has no match yet, and maybe no meeting table).
        cr = self.env.cr
        upgrading = table_exists(cr, self._table) and not column_exists(cr, self._table, "last_meeting_date")
        res = super()._auto_init()
        if upgrading:
            cr.execute(LAST_MEETING_UPDATE)
        return res

    def _refresh_last_meeting_date(self):
        """Recompute the stored day from the meetings, in one statement for all these matches.

        The rows are written through serialise_on(), even when the day does not change: two
        requests that confirm or cancel meetings of the same match at the same moment then both
        write its row, and PostgreSQL makes Odoo retry the second, which reads the first one's
        meeting. Skipping an unchanged row would let each compute the day from its own snapshot
        and the last writer win with a day that misses the other's meeting."""
        if not self:
            return
        self.env["mentoring.encounter"].flush_model(["match_id", "date", "state"])
        serialise_on(self, SQL(LAST_MEETING_DAY))
        self.invalidate_recordset(["last_meeting_date"])
