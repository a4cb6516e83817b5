from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class MentoringMonthlyTimesheet(models.Model):
    """A carer mentor's monthly timesheet on the portal (controllers/portal_mentor.py). They read
    what the printed timesheet shows, never the chatter nor who approved it
    (models/mentoring_portal_mixin.py), and send it with `_portal_submit_month`, which checks
    who acts; after that it is read-only for them, and the coordinator approves it in the back
    office."""

    _name = "mentoring.monthly.timesheet"
    _inherit = ["mentoring.monthly.timesheet", "mentoring.portal.mixin"]
    # The page lists the month's meetings itself (controllers/portal_mentor.py).
    # Only mentors read timesheets on the portal (security/portal_mentor_rules.xml).
    _portal_fields = frozenset({"name", "month", "state", "claimed_encounter_ids", "mentor_id"})

    @api.model
    def _portal_month(self, month):
        """The portal mentor's timesheet of `month` (first day), read with their rights (their
        rule gives their own only), or an empty recordset when there is none yet."""
        if not self.env["mentoring.mentor"]._portal_mentor():
            raise AccessError(self.env._("Only a mentor with their own portal login has a timesheet here."))
        return self.search([("month", "=", month)], limit=1)

    @api.model
    def _portal_submit_month(self, month):
        """The portal mentor sends their timesheet of `month`: made if there is none, then
        submitted with the model's own action (sudo, after checking who acts)."""
        mentor = self.env["mentoring.mentor"]._portal_mentor()
        if not mentor:
            raise AccessError(self.env._("Only a mentor with their own portal login sends a timesheet here."))
        month = month.replace(day=1)
        this_month = fields.Date.context_today(self).replace(day=1)
        if month > this_month or month < this_month - relativedelta(months=12):
            raise UserError(self.env._("Choose this month or one of the twelve months before."))
        sheet = self.sudo().search([("mentor_id", "=", mentor.id), ("month", "=", month)], limit=1)
        if not sheet:
            sheet = (
                self.sudo()
                .with_context(mail_create_nosubscribe=True)
                .create({"mentor_id": mentor.id, "month": month, "company_id": mentor.company_id.id})
            )
        if sheet.state != "draft":
            raise UserError(self.env._("You already sent this month. Your coordinator checks it now."))
        sheet.action_submit()
        sheet.message_post(
            body=self.env._(
                "Sent on the portal by the mentor, %(name)s, with their own login.", name=mentor.name
            ),
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        return sheet.with_env(self.env)
