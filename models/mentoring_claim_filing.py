from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import format_date


class MentoringClaim(models.Model):
    """Timely filing: a payer takes a claim only so many days after the date of service (the
    billing profile's `timely_filing_days`). Services not on a claim are reminded to the claims
    clerk as the limit comes near: on the invoice, or on the authorisation while they are not
    invoiced; once it has passed, the reminder says so and what it means."""

    _inherit = "mentoring.claim"

    @api.model
    def _cron_timely_filing(self):
        today = fields.Date.context_today(self)
        for record, (deadline, days, first, company) in self._services_due_for_filing(today).items():
            record = record.sudo()
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
    def _services_due_for_filing(self, today):
        """{invoice or authorisation: (deadline, limit in days, first date, company)} of the
        services on no claim whose deadline is within the company's warning days."""
        claim_lines = self.env["mentoring.claim.line"].sudo().search([("claim_id.state", "!=", "cancelled")])
        # A service is claimed while a claim of the invoice it is on carries it (a credit note
        # takes it off the invoice: it is then to claim again).
        claimed = {
            (service.id, line.claim_id.move_id.id) for line in claim_lines for service in line.timesheet_ids
        }
        services = (
            self.env["account.analytic.line"]
            .sudo()
            .search([("mentoring_encounter_id", "!=", False)])
            .filtered(lambda s: (s.id, s.timesheet_invoice_id.id) not in claimed)
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
            if record and (due[record] is None or deadline < due[record][0]):
                due[record] = (deadline, profile.timely_filing_days, service.date, service.company_id)
        return {record: value for record, value in due.items() if value}


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
