from odoo import fields, models
from odoo.tools import SQL

# Meetings the payer's rules do not bill are not listed: whether a meeting was billable can
# tell its outcome.
BILLING_STATUSES = [
    ("billed", "Billed"),
    ("attention", "Needs attention"),
]


class MentoringBillingEntry(models.Model):
    """What finance sees of a confirmed meeting: its billing facts and nothing else.

    A read-only view over the encounters. Finance has no access to the encounters themselves,
    so their notes, chatter, activities, attachments and signatures stay out of reach; this
    record carries none of those (its own chatter holds only its billing activities). Why a meeting was not billed is shown only when it is a billing
    fact (no authorisation, no units left, the daily cap, late filing, no member ID). Meetings the payer's rules do not bill
    (an outcome, an intern) are not listed at all: that they were not billed could tell the outcome.

    A meeting billing could not bill gets an activity for the programme's coordinator here, on
    the "needs attention" list, where finance sees it too and mentors never do."""

    _name = "mentoring.billing.entry"
    _description = "Billing of a Mentoring Meeting"
    _inherit = ["mentoring.thread.mixin", "mail.activity.mixin"]
    _auto = False
    _order = "date desc, start_time desc, id desc"
    # What the query reads: pending writes are flushed before it runs (same transaction).
    _depends = {
        "mentoring.encounter": [
            "name",
            "date",
            "start_time",
            "end_time",
            "duration_minutes",
            "company_id",
            "program_id",
            "mentor_id",
            "mentee_id",
            "is_group_session",
            "authorization_id",
            "billed_units",
            "needs_billing_attention",
            "billing_override_reason",
            "not_billed_reason",
            "state",
        ],
        "mentoring.mentor": ["name"],
        "mentoring.mentee": ["name", "member_id", "payer_id"],
        "mentoring.mentee.coverage": ["mentee_id", "member_id", "payer_id", "date_from", "date_to"],
        "account.analytic.line": ["mentoring_encounter_id", "timesheet_invoice_id"],
    }

    encounter_id = fields.Many2one(
        "mentoring.encounter", string="Meeting", readonly=True, groups="peer_mentoring.group_coordinator"
    )
    name = fields.Char(readonly=True)  # the meeting's neutral name: "Meeting of <date>"
    date = fields.Date(readonly=True)
    start_time = fields.Float("Start", readonly=True)
    end_time = fields.Float("End", readonly=True)
    duration_minutes = fields.Integer("Minutes", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    program_id = fields.Many2one("mentoring.program", string="Programme", readonly=True)
    mentor_name = fields.Char("Mentor", readonly=True)
    mentee_name = fields.Char("Mentee", readonly=True)
    member_id = fields.Char("Member ID", readonly=True)
    payer_id = fields.Many2one("res.partner", readonly=True)
    is_group_session = fields.Boolean("Group session", readonly=True)
    authorization_id = fields.Many2one("mentoring.authorization", string="Authorisation", readonly=True)
    billed_units = fields.Float(readonly=True, digits="Product Unit")
    billing_status = fields.Selection(BILLING_STATUSES, readonly=True)
    attention_reason = fields.Char("What to fix", readonly=True)
    timesheet_id = fields.Many2one("account.analytic.line", string="Timesheet line", readonly=True)
    invoice_id = fields.Many2one("account.move", readonly=True)

    @property
    def _table_query(self):
        # A query rather than a database view: it is read at search time, after every module
        # has created its columns (the timesheet link comes from this addon's extension).
        return SQL(
            """
            SELECT e.id,
                   e.id AS encounter_id,
                   e.name,
                   e.date, e.start_time, e.end_time, e.duration_minutes,
                   e.company_id, e.program_id,
                   mentor.name AS mentor_name,
                   mentee.name AS mentee_name,
                   COALESCE(coverage.member_id, mentee.member_id) AS member_id,
                   COALESCE(coverage.payer_id, mentee.payer_id) AS payer_id,
                   e.is_group_session,
                   e.authorization_id,
                   e.billed_units,
                   CASE WHEN e.billed_units > 0 THEN 'billed' ELSE 'attention' END AS billing_status,
                   CASE WHEN e.needs_billing_attention THEN e.not_billed_reason END AS attention_reason,
                   line.id AS timesheet_id,
                   line.timesheet_invoice_id AS invoice_id
              FROM mentoring_encounter e
              JOIN mentoring_mentor mentor ON mentor.id = e.mentor_id
              JOIN mentoring_mentee mentee ON mentee.id = e.mentee_id
         LEFT JOIN LATERAL (
                   -- the coverage period in force on the meeting's date
                   SELECT c.member_id, c.payer_id
                     FROM mentoring_mentee_coverage c
                    WHERE c.mentee_id = e.mentee_id
                      AND c.date_from <= e.date AND (c.date_to IS NULL OR c.date_to >= e.date)
                    ORDER BY c.date_from DESC
                    LIMIT 1
                   ) coverage ON TRUE
         LEFT JOIN LATERAL (
                   SELECT l.id, l.timesheet_invoice_id
                     FROM account_analytic_line l
                    WHERE l.mentoring_encounter_id = e.id
                    ORDER BY l.id
                    LIMIT 1
                   ) line ON TRUE
             WHERE e.state = 'confirmed' AND (e.billed_units > 0 OR e.needs_billing_attention)
            """
        )
