from odoo import fields, models
from odoo.tools import SQL

NO_CONTACT_DAYS = 30
REVIEW_SOON_DAYS = 7
EXPIRY_SOON_DAYS = 14

KINDS = [
    ("no_contact", "No meeting for 30 days"),
    ("agreement", "Agreement to sign"),
    ("plan_review", "Plan due for review"),
    ("authorization", "Authorisation low or expiring"),
    ("billing", "Meeting billing could not bill"),
]


class MentoringOverviewItem(models.Model):
    """The coordinator's home: one line for each thing that needs doing in their programmes.

    Read from the records themselves at every search (a query, not a copy), so it is never out
    of date and needs no scheduled job. Record rules limit it to the coordinator's programmes."""

    _name = "mentoring.overview.item"
    _description = "Mentoring: Needs Doing"
    _auto = False
    _order = "due_date, id"

    kind = fields.Selection(KINDS, readonly=True)
    program_id = fields.Many2one("mentoring.program", string="Programme", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    match_id = fields.Many2one("mentoring.match", readonly=True)
    res_model = fields.Char(readonly=True)
    res_id = fields.Integer(readonly=True)
    due_date = fields.Date("Since / due", readonly=True)
    detail = fields.Char(readonly=True)
    kind_rank = fields.Integer(readonly=True)

    @property
    def _table_query(self):
        ongoing = SQL("('introduced', 'active')")
        return SQL(
            """
            SELECT items.res_id * 10 + items.kind_rank AS id, items.*
              FROM (
                SELECT 1 AS kind_rank, 'no_contact' AS kind, m.program_id, m.company_id, m.id AS match_id,
                       'mentoring.match' AS res_model, m.id AS res_id,
                       COALESCE(last.date, m.date_start) AS due_date,
                       m.name AS detail
                  FROM mentoring_match m
             LEFT JOIN LATERAL (
                       SELECT MAX(e.date) AS date FROM mentoring_encounter e
                        WHERE e.match_id = m.id AND e.state = 'confirmed'
                       ) last ON TRUE
                 WHERE m.active AND m.state IN %(ongoing)s
                   AND COALESCE(last.date, m.date_start) < CURRENT_DATE - %(no_contact)s
             UNION ALL
                SELECT 2, 'agreement', m.program_id, m.company_id, m.id,
                       'mentoring.match', m.id, m.date_start, m.name
                  FROM mentoring_match m
                 WHERE m.active AND m.state IN %(ongoing)s
                   AND NOT EXISTS (SELECT 1 FROM mentoring_agreement a
                                    WHERE a.match_id = m.id AND a.state = 'signed')
             UNION ALL
                SELECT 3, 'plan_review', p.program_id, p.company_id, p.match_id,
                       'mentoring.plan', p.id, p.next_review_date, p.name
                  FROM mentoring_plan p
                  JOIN mentoring_match m ON m.id = p.match_id AND m.state IN %(ongoing)s
                 WHERE p.state = 'signed' AND p.next_review_date <= CURRENT_DATE + %(review)s
             UNION ALL
                SELECT 4, 'authorization', a.program_id, a.company_id, NULL,
                       'mentoring.authorization', a.id, a.date_to, a.name
                  FROM mentoring_authorization a
                 WHERE a.state IN ('approved', 'exhausted')
                   AND (a.usage_warned OR a.state = 'exhausted' OR a.date_to <= CURRENT_DATE + %(expiry)s)
             UNION ALL
                SELECT 5, 'billing', e.program_id, e.company_id, e.match_id,
                       'mentoring.encounter', e.id, e.date, m.name || ' – ' || e.name
                  FROM mentoring_encounter e
                  JOIN mentoring_match m ON m.id = e.match_id
                 WHERE e.state = 'confirmed' AND e.needs_billing_attention
              ) items
            """,
            ongoing=ongoing,
            no_contact=NO_CONTACT_DAYS,
            review=REVIEW_SOON_DAYS,
            expiry=EXPIRY_SOON_DAYS,
        )

    def action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
