from odoo import api, fields, models
from odoo.tools import SQL, format_date

INTRODUCTION_RANK = 6


class MentoringOverviewItem(models.Model):
    """Needs doing: proposals of organisation programmes past their introduction day."""

    _inherit = "mentoring.overview.item"

    kind = fields.Selection(selection_add=[("introduction", "Introduction overdue")])

    @api.model
    def _kind_columns(self):
        return super()._kind_columns() | {"introduction": "contact"}

    @api.model
    def _items_query(self):
        # Same columns, in the same order, as the items of the base query.
        return SQL(
            """%(base)s
             UNION ALL
                SELECT %(rank)s, 'introduction', m.program_id, m.company_id, m.id,
                       'mentoring.match', m.id, m.introduction_due_date, m.name
                  FROM mentoring_match m
                 WHERE m.active AND m.state = 'draft' AND m.introduction_due_date < CURRENT_DATE
            """,
            base=super()._items_query(),
            rank=INTRODUCTION_RANK,
        )

    def _fact_introduction(self, known):
        return self.env._(
            "Introduction was due on %(date)s (%(days)s days ago)",
            date=format_date(self.env, self.due_date),
            days=self._days_ago(self.due_date),
        )
