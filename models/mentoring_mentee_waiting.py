from odoo import fields, models
from odoo.tools import SQL

# A person waits in a programme while they have no relationship there that is introduced,
# active or on hold.
ONGOING_STATES = ("introduced", "active", "on_hold")


class MentoringMenteeWaiting(models.Model):
    """One row per person and programme they wait in for a mentor: a person in two programmes
    who has a mentor in one still waits in the other, and is counted once in each (never in a
    programme they are not in). Waiting since the person asked for a mentor (`date_referred`,
    else the day they were recorded), or since their last relationship in that programme
    closed, whichever is later. Read with record rules of its
    own: a coordinator counts the rows of their programmes only."""

    _name = "mentoring.mentee.waiting"
    _description = "Person Waiting for a Mentor"
    _auto = False
    _order = "days_waiting desc, id"
    _depends = {
        "mentoring.mentee": ["active", "company_id", "program_ids", "date_referred", "create_date"],
        "mentoring.match": ["mentee_id", "program_id", "state", "active", "date_closed"],
    }

    mentee_id = fields.Many2one("mentoring.mentee", "Person", readonly=True)
    program_id = fields.Many2one("mentoring.program", "Programme", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    waiting_since = fields.Date(readonly=True)
    days_waiting = fields.Integer("Days waiting", readonly=True, aggregator="avg")
    longest_days_waiting = fields.Integer("Longest wait (days)", readonly=True, aggregator="max")

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT row_number() OVER (ORDER BY rel.mentee_id, rel.program_id) AS id,
                   rel.mentee_id, rel.program_id, mentee.company_id, since.day AS waiting_since,
                   (CURRENT_DATE - since.day) AS days_waiting,
                   (CURRENT_DATE - since.day) AS longest_days_waiting
              FROM mentoring_mentee_program_rel rel
              JOIN mentoring_mentee mentee ON mentee.id = rel.mentee_id AND mentee.active
              CROSS JOIN LATERAL (
                    SELECT GREATEST(
                               COALESCE(mentee.date_referred, mentee.create_date::date), MAX(closed.date_closed)
                           ) AS day
                      FROM mentoring_match closed
                     WHERE closed.mentee_id = rel.mentee_id AND closed.program_id = rel.program_id
                       AND closed.state = 'closed' AND closed.active
              ) since
             WHERE NOT EXISTS (
                    SELECT 1 FROM mentoring_match ongoing
                     WHERE ongoing.mentee_id = rel.mentee_id AND ongoing.program_id = rel.program_id
                       AND ongoing.state IN %s AND ongoing.active
             )
            """,
            ONGOING_STATES,
        )
