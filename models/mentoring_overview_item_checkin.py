from odoo import fields, models
from odoo.tools import SQL

from .mentoring_match_checkin import CHECKIN_SOON_DAYS, CHECKIN_STATES

# After the base kinds (1-5), introductions (6) and room for one more.
CHECKIN_RANK = 8


class MentoringOverviewItem(models.Model):
    """Needs doing: matches whose staff check-in is due within a week, or overdue."""

    _inherit = "mentoring.overview.item"

    kind = fields.Selection(
        selection_add=[("checkin_overdue", "Check-in overdue"), ("checkin_due", "Check-in due")]
    )

    @property
    def _table_query(self):
        # Same columns, in the same order, as the items of the base query (id first).
        return SQL(
            """%(base)s
             UNION ALL
                SELECT m.id * 10 + %(rank)s, %(rank)s,
                       CASE WHEN m.checkin_due_date < CURRENT_DATE THEN 'checkin_overdue' ELSE 'checkin_due' END,
                       m.program_id, m.company_id, m.id, 'mentoring.match', m.id, m.checkin_due_date, m.name
                  FROM mentoring_match m
                 WHERE m.active AND m.state IN %(states)s
                   AND m.checkin_due_date <= CURRENT_DATE + %(soon)s
            """,
            base=super()._table_query,
            rank=CHECKIN_RANK,
            states=CHECKIN_STATES,
            soon=CHECKIN_SOON_DAYS,
        )
