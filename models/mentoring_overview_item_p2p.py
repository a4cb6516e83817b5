from odoo import fields, models
from odoo.tools import SQL

INTRODUCTION_RANK = 6


class MentoringOverviewItem(models.Model):
    """Needs doing: proposals of organisation programmes past their introduction day."""

    _inherit = "mentoring.overview.item"

    kind = fields.Selection(selection_add=[("introduction", "Introduction overdue")])

    @property
    def _table_query(self):
        # Same columns, in the same order, as the items of the base query (id first).
        return SQL(
            """%(base)s
             UNION ALL
                SELECT m.id * 10 + %(rank)s, %(rank)s, 'introduction', m.program_id, m.company_id, m.id,
                       'mentoring.match', m.id, m.introduction_due_date, m.name
                  FROM mentoring_match m
                 WHERE m.active AND m.state = 'draft' AND m.introduction_due_date < CURRENT_DATE
            """,
            base=super()._table_query,
            rank=INTRODUCTION_RANK,
        )
