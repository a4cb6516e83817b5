from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .res_company_safeguarding import DEFAULT_RETENTION_YEARS

REMOVED_OUTCOMES = ("false", "malicious")
# How long the mentor has, once a false or malicious allegation is closed, to ask that it stays
# on their record before the daily job removes it.
REMOVAL_NOTICE_DAYS = 30


class MentoringSafeguardingConcern(models.Model):
    """What happens to a closed concern over time. A false or malicious allegation leaves the
    mentor's record REMOVAL_NOTICE_DAYS after closure, unless the lead records that the mentor
    asked to keep it; every other concern stays until the agency's retention date (Settings).
    Then the daily job archives it, clears the mentor it named and keeps a summary: nothing is
    deleted, and the chatter says the system did it."""

    _inherit = "mentoring.safeguarding.concern"

    active = fields.Boolean(default=True, tracking=True)
    mentor_keeps_record = fields.Boolean(
        "The mentor asked to keep it on their record",
        tracking=True,
        help="Only for a false or malicious allegation: otherwise it is removed from the mentor's record.",
    )
    retain_until = fields.Date(
        "On file until",
        compute="_compute_retain_until",
        store=True,
        help="The daily job archives the concern and removes it from the mentor's record on this day.",
    )
    retired_on = fields.Datetime("Removed from the record on", readonly=True, copy=False)
    retention_summary = fields.Text("Summary kept", readonly=True, copy=False)

    @api.depends(
        "state", "closed_on", "outcome", "mentor_keeps_record", "company_id.safeguarding_retention_years"
    )
    def _compute_retain_until(self):
        for concern in self:
            if concern.state != "closed" or not concern.closed_on:
                concern.retain_until = False
            elif concern.outcome in REMOVED_OUTCOMES and not concern.mentor_keeps_record:
                concern.retain_until = concern.closed_on.date() + timedelta(days=REMOVAL_NOTICE_DAYS)
            else:
                years = concern.company_id.safeguarding_retention_years or DEFAULT_RETENTION_YEARS
                concern.retain_until = concern.closed_on.date() + relativedelta(years=years)

    def _protected_field_names(self):
        return super()._protected_field_names() | {"active", "retired_on", "retention_summary"}

    def write(self, vals):
        if not self.env.su and set(vals) == {"mentor_keeps_record"}:
            # The one thing a lead still records on a closed concern, until it is removed.
            self._check_is_lead()
            if self.filtered("retired_on"):
                raise UserError(self.env._("This concern was already removed from the record."))
            if vals["mentor_keeps_record"] and self.filtered(lambda c: c.outcome not in REMOVED_OUTCOMES):
                raise UserError(
                    self.env._(
                        "Only a false or malicious allegation is removed from a mentor's record: "
                        "record the outcome first."
                    )
                )
            return self._write_checked(vals)
        return super().write(vals)

    def _report_label(self, record, field_name):
        """The words a selection shows on screen, for the printed summary."""
        selection = dict(record._fields[field_name]._description_selection(self.env))
        return selection.get(record[field_name], "")

    def _retention_summary(self):
        self.ensure_one()
        outcomes = dict(self._fields["outcome"]._description_selection(self.env))
        lines = [
            self.env._("Reference: %(ref)s", ref=self.name),
            self.env._("Type: %(type)s", type=self.type_id.name),
            self.env._("Raised on: %(date)s", date=fields.Date.to_string(self.raised_on.date())),
            self.env._("Outcome: %(outcome)s", outcome=outcomes.get(self.outcome, "")),
            self.env._("Closed on: %(date)s", date=fields.Date.to_string(self.closed_on.date())),
        ]
        if self.outcome not in REMOVED_OUTCOMES:
            lines.append(
                self.env._("Summary of the outcome: %(summary)s", summary=self.outcome_summary or "")
            )
        return "\n".join(lines)

    def action_print_summary(self):
        return self.env.ref("peer_mentoring.safeguarding_concern_report").report_action(self)

    @api.model
    def _cron_apply_retention(self):
        # Days in UTC, as `retain_until` counts from `closed_on`.
        today = fields.Date.today()
        # In batches: a retired concern is archived, so it leaves the domain.
        due = [
            ("state", "=", "closed"),
            ("retired_on", "=", False),
            ("retain_until", "!=", False),
            ("retain_until", "<=", today),
        ]
        self.env["mentoring.job.checkpoint"]._run_in_batches(
            "safeguarding_retention", self.sudo(), due, lambda concerns: concerns._retire()
        )

    def _retire(self):
        """Archive the concern, clear the mentor it named, keep the summary; the chatter says why."""
        system = self.env.ref("base.partner_root")
        for concern in self.sudo():
            removed = concern.outcome in REMOVED_OUTCOMES and not concern.mentor_keeps_record
            named_mentor = bool(concern.subject_mentor_id)
            concern.write(
                {
                    "retention_summary": concern._retention_summary(),
                    "retired_on": fields.Datetime.now(),
                    "subject_mentor_id": False,
                    "active": False,
                }
            )
            if removed:
                body = self.env._(
                    "The allegation was found %(outcome)s and the mentor did not ask to keep it: "
                    "removed from the mentor's record and archived by the system. A short summary is kept.",
                    outcome=dict(self._fields["outcome"]._description_selection(self.env))[
                        concern.outcome
                    ].lower(),
                )
            else:
                body = self.env._(
                    "The retention date (%(date)s) is reached: archived by the system%(mentor)s. "
                    "The summary is kept.",
                    date=fields.Date.to_string(concern.retain_until),
                    mentor=self.env._(" and removed from the mentor's record") if named_mentor else "",
                )
            concern.message_post(body=body, author_id=system.id, message_type="notification")
