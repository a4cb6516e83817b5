from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.http import request


class MentoringSupervisionAttendee(models.Model):
    """The volunteer or carer mentor's own attendance line, on the portal: whether they
    confirmed it. Never the supervisor's notes. *I was there* is
    `action_portal_confirm_attendance`, which checks who acts."""

    _name = "mentoring.supervision.attendee"
    _inherit = ["mentoring.supervision.attendee", "mentoring.portal.mixin"]
    _portal_mentor_fields = frozenset(
        {"session_id", "session_date", "session_state", "attended", "confirmed_on"}
    )

    def action_portal_confirm_attendance(self):
        """The mentor says, with their own portal login, that they were at this session."""
        self.ensure_one()
        user = self.env.user
        mentor = not self.env.su and self.env["mentoring.mentor"]._portal_mentor()
        if not mentor:
            raise AccessError(self.env._("Only the mentor confirms here, with their own login."))
        self.check_access("read")
        if self.sudo().mentor_id != mentor:
            raise AccessError(self.env._("You can confirm only your own attendance."))
        # The office's checks, run as superuser for the user (sudo keeps who acts): their own
        # line, a held session, not yet confirmed.
        line = self.sudo()
        line._check_may_confirm()
        line.write({"attended": True, "confirmed_on": fields.Datetime.now()})
        where = request.httprequest.remote_addr if request else False
        line.session_id.message_post(
            body=self.env._(
                "%(name)s confirmed on the portal that they attended%(where)s.",
                name=line.mentor_id.name,
                where=self.env._(" (from %(ip)s)", ip=where) if where else "",
            ),
            author_id=user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        return True
