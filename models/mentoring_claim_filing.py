from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL, format_date


class MentoringClaim(models.Model):
    """Timely filing: a payer takes a claim only so many days after the date of service (the
    billing profile's `timely_filing_days`). Services not on a claim are reminded to the claims
    clerk as the limit comes near: on the invoice, or on the authorisation while they are not
    invoiced; once it has passed, the reminder says so and what it means."""

    _inherit = "mentoring.claim"

    @api.model
    def _cron_timely_filing(self):
        """In batches of the records reminded: posted invoices with services on no claim, then
        authorisations with services not on a posted invoice. A reminder is given once while
        it is open (its summary), so a batch looked at again adds none."""
        today = fields.Date.context_today(self)
        Checkpoint = self.env["mentoring.job.checkpoint"]
        Checkpoint._run_in_batches(
            "timely_filing_invoices",
            self.env["account.move"].sudo(),
            [("state", "=", "posted"), ("id", "in", _unclaimed_services_sql("timesheet_invoice_id"))],
            lambda invoices: self._remind_timely_filing(invoices, today),
        )
        Checkpoint._run_in_batches(
            "timely_filing_authorizations",
            self.env["mentoring.authorization"].sudo(),
            [("id", "in", _unclaimed_services_sql("e.authorization_id", unbilled=True))],
            lambda authorizations: self._remind_timely_filing(authorizations, today),
        )

    @api.model
    def _remind_timely_filing(self, records, today):
        for record, (deadline, days, first, company) in self._services_due_for_filing(records, today).items():
            summary, note = record._filing_reminder(today, deadline, days, first)
            if record.activity_ids.filtered(lambda a, s=summary: a.summary == s):
                continue
            record.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=summary,
                note=note,
                date_deadline=max(today, deadline),
                user_id=(company.claim_user_id or record.create_uid).id,
            )

    @api.model
    def _services_due_for_filing(self, records, today):
        """{invoice or authorisation of `records`: (deadline, limit in days, first date,
        company)} of their services on no claim whose deadline is within the company's
        warning days. A service counts for its posted invoice, else for its authorisation."""
        Service = self.env["account.analytic.line"].sudo()
        if records._name == "account.move":
            services = Service.search(
                [("timesheet_invoice_id", "in", records.ids), ("id", "in", _unclaimed_services_sql("s.id"))]
            )
        else:
            services = Service.search(
                [
                    ("mentoring_encounter_id.authorization_id", "in", records.ids),
                    ("id", "in", _unclaimed_services_sql("s.id", unbilled=True)),
                ]
            )
        due = defaultdict(lambda: None)
        for service in services:
            profile = service.mentoring_encounter_id._billing_profile()
            if not profile.timely_filing_days:
                continue
            deadline = service.date + timedelta(days=profile.timely_filing_days)
            if deadline - timedelta(days=service.company_id.claim_filing_warning_days) > today:
                continue
            invoice = service.timesheet_invoice_id.filtered(lambda m: m.state == "posted")
            record = invoice or service.mentoring_encounter_id.authorization_id
            if record in records and (due[record] is None or deadline < due[record][0]):
                due[record] = (deadline, profile.timely_filing_days, service.date, service.company_id)
        return {record: value for record, value in due.items() if value}


def _unclaimed_services_sql(column, unbilled=False):
    """`column` of the meetings' services (`s`, their meeting `e`) that no claim of their
    invoice carries, a cancelled claim apart (a credit note takes a service off its invoice:
    it is then to claim again). `unbilled`: only those not on a posted invoice."""
    return SQL(
        """SELECT %s FROM account_analytic_line s
             JOIN mentoring_encounter e ON e.id = s.mentoring_encounter_id
        LEFT JOIN account_move m ON m.id = s.timesheet_invoice_id
            WHERE %s
              AND NOT EXISTS (
                    SELECT 1 FROM account_analytic_line_mentoring_claim_line_rel r
                      JOIN mentoring_claim_line l ON l.id = r.mentoring_claim_line_id
                      JOIN mentoring_claim c ON c.id = l.claim_id
                     WHERE r.account_analytic_line_id = s.id
                       AND c.state != 'cancelled'
                       AND c.move_id IS NOT DISTINCT FROM s.timesheet_invoice_id)""",
        SQL(column),
        SQL("m.state IS DISTINCT FROM 'posted'") if unbilled else SQL("TRUE"),
    )


class AccountMove(models.Model):
    _inherit = "account.move"

    def _filing_reminder(self, today, deadline, days, first):
        if deadline < today:
            return _past_the_limit(self.env, deadline, days, first)
        return (
            self.env._("Claim before %(date)s (timely filing)", date=format_date(self.env, deadline)),
            self.env._(
                "This invoice has services of %(first)s not on any claim yet: the payer accepts "
                "claims up to %(days)s days after the date of service. Create the claim and send it.",
                first=format_date(self.env, first),
                days=days,
            ),
        )


class MentoringAuthorization(models.Model):
    _inherit = "mentoring.authorization"

    def _filing_reminder(self, today, deadline, days, first):
        if deadline < today:
            return _past_the_limit(self.env, deadline, days, first)
        return (
            self.env._(
                "Invoice and claim before %(date)s (timely filing)", date=format_date(self.env, deadline)
            ),
            self.env._(
                "Services of %(first)s under this authorisation are not invoiced yet: the payer "
                "accepts claims up to %(days)s days after the date of service. Invoice them and "
                "send the claim.",
                first=format_date(self.env, first),
                days=days,
            ),
        )


def _past_the_limit(env, deadline, days, first):
    return (
        env._("Past the timely-filing limit (%(date)s)", date=format_date(env, deadline)),
        env._(
            "The service of %(first)s is past the payer's timely-filing limit of %(days)s days "
            "(last day %(date)s): the payer will deny a claim for it (reason 29). Claim it only "
            "with proof it was sent in time, or write it off.",
            first=format_date(env, first),
            days=days,
            date=format_date(env, deadline),
        ),
    )
