from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from .mentoring_safeguarding_requirement import NOTIFICATION_METHODS


class MentoringSafeguardingNotification(models.Model):
    """Who had to be told about a concern, by when, and who told them, when, how, with which
    reference. The duties of the programme's jurisdiction create these when a concern is raised;
    a lead adds others by hand. Each one due is an activity of the lead's, due on its deadline."""

    _name = "mentoring.safeguarding.notification"
    _inherit = ["mentoring.guard.mixin"]
    _description = "Safeguarding Notification"
    _order = "due_on, id"
    _check_company_auto = True
    _protected_fields = frozenset({"state", "notified_by_id", "activity_id", "requirement_id"})

    concern_id = fields.Many2one(
        "mentoring.safeguarding.concern", required=True, ondelete="restrict", index=True
    )
    company_id = fields.Many2one(related="concern_id.company_id", store=True, index=True)
    requirement_id = fields.Many2one("mentoring.safeguarding.requirement", string="Rule", readonly=True)
    recipient = fields.Char("Who must be told", required=True)
    method = fields.Selection(NOTIFICATION_METHODS, "How", required=True, default="written")
    due_on = fields.Datetime("Due by", required=True)
    state = fields.Selection(
        [("due", "To do"), ("done", "Done")], default="due", required=True, readonly=True
    )
    is_overdue = fields.Boolean("Overdue", compute="_compute_is_overdue", search="_search_is_overdue")
    notified_on = fields.Datetime("Told on")
    contact_name = fields.Char("Person told")
    reference = fields.Char("Their reference number")
    notified_by_id = fields.Many2one("res.users", string="Told by", readonly=True)
    activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null")

    @api.depends("state", "due_on")
    @api.depends_context("uid")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for notification in self:
            notification.is_overdue = bool(
                notification.state == "due" and notification.due_on and notification.due_on < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        overdue = Domain("state", "=", "due") & Domain("due_on", "<", fields.Datetime.now())
        return overdue if (operator == "in") == (True in value) else ~overdue

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._check_is_lead()
        notifications = super().create(vals_list)
        for notification in notifications.sudo():
            concern = notification.concern_id
            if concern.state == "closed" and not self.env.su:
                raise UserError(self.env._("A closed concern cannot be changed."))
            lead = concern._lead_users()[:1]
            if not lead:
                continue
            local_due = fields.Datetime.context_timestamp(notification.with_user(lead), notification.due_on)
            notification.activity_id = concern.activity_schedule(
                "peer_mentoring.mail_activity_type_safeguarding_notification",
                date_deadline=local_due.date(),
                summary=self.env._(
                    "Tell %(who)s (%(how)s) by %(due)s",
                    who=notification.recipient,
                    how=dict(NOTIFICATION_METHODS)[notification.method].lower(),
                    due=local_due.strftime("%Y-%m-%d %H:%M"),
                ),
                user_id=lead.id,
            )
        return notifications

    def write(self, vals):
        if not self.env.su:
            self._check_is_lead()
            if self.filtered(lambda n: n.state == "done"):
                raise UserError(self.env._("A notification recorded as made cannot be changed."))
            if "concern_id" in vals and any(n.concern_id.id != vals["concern_id"] for n in self):
                raise UserError(self.env._("A notification stays on the concern it was made for."))
            if "due_on" in vals and self.filtered("requirement_id"):
                raise UserError(
                    self.env._("The deadline of a notification required by a rule is set by the rule.")
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A safeguarding notification is never deleted."))

    def _check_is_lead(self):
        self.env["mentoring.safeguarding.concern"]._check_is_lead()

    def action_mark_notified(self):
        """Record that the notification was made: who told whom, when, how, their reference."""
        self._check_is_lead()
        self.check_access("write")
        for notification in self:
            if notification.state == "done":
                continue
            if not notification.notified_on or not notification.contact_name:
                raise UserError(
                    self.env._(
                        "Write when you told %(who)s and the name of the person you told first.",
                        who=notification.recipient,
                    )
                )
            notification.sudo().write({"state": "done", "notified_by_id": self.env.uid})
            if notification.sudo().activity_id:
                notification.sudo().activity_id.action_feedback(
                    feedback=self.env._(
                        "Told %(person)s on %(when)s, reference %(ref)s.",
                        person=notification.contact_name,
                        when=fields.Datetime.to_string(notification.notified_on),
                        ref=notification.reference or "-",
                    )
                )
