from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.http import request
from odoo.tools.image import base64_to_image

# Matches whose papers the portal mentor reads and signs: ongoing ones (a former mentor no
# longer reads the person's papers; security/portal_mentor_records_rules.xml says the same).
PORTAL_MENTOR_MATCH_STATES = ("introduced", "active", "on_hold")


class MentoringPortalMentorDocumentMixin(models.AbstractModel):
    """A plan or agreement the volunteer or carer mentor signs on the portal.

    The mentor signs only the mentor's block, only of their own match's paper, only while it
    waits for it: `action_portal_sign_as_mentor` checks who acts, then writes with sudo(), and
    notes in the chatter who signed, when and from where. The mentee's block stays the
    mentee's (`action_portal_sign`). When both have signed, the paper is signed as in the
    back office."""

    _name = "mentoring.portal.mentor.document.mixin"
    _description = "Mentoring Form Signed by the Mentor on the Portal"

    portal_waiting_for_mentor = fields.Boolean(
        "Waiting for the mentor's signature", compute="_compute_portal_waiting_for_mentor"
    )

    @api.depends("mentor_signature", "mentor_signed_on")
    def _compute_portal_waiting_for_mentor(self):
        for record in self:
            sudo = record.sudo()
            record.portal_waiting_for_mentor = (
                sudo._portal_open_for_signature()
                and sudo._portal_content_ready()
                and not sudo._is_signed_by("mentor")
            )

    def _portal_check_is_the_mentor(self):
        """The acting user is the portal login of this paper's mentor, and the match goes on."""
        self.ensure_one()
        mentor = not self.env.su and self.env["mentoring.mentor"]._portal_mentor()
        if not mentor:
            raise AccessError(self.env._("Only the mentor signs here, with their own login."))
        self.check_access("read")
        if self.sudo().mentor_id != mentor:
            raise AccessError(self.env._("You can sign only the papers of your own mentoring."))
        if self.sudo().match_id.state not in PORTAL_MENTOR_MATCH_STATES:
            raise UserError(self.env._("This mentoring has ended. You cannot sign now."))

    def action_portal_sign_as_mentor(self, name, signature):
        """The volunteer or carer mentor signs the mentor's block on their own device."""
        self.ensure_one()
        self._portal_check_is_the_mentor()
        record = self.sudo()
        if not record.portal_waiting_for_mentor:
            raise UserError(self.env._("This paper is not waiting for your signature."))
        if not signature:
            raise UserError(self.env._("Write or draw your signature first."))
        # The form prints the signature as an image: anything else is refused.
        base64_to_image(signature)
        signer = (name or "").strip()[:100] or record.mentor_name
        record.write(
            {
                "mentor_signature": signature,
                "mentor_signed_by": signer,
                "mentor_signed_on": fields.Date.context_today(self),
            }
        )
        where = request.httprequest.remote_addr if request else False
        record.message_post(
            body=self.env._(
                "Signed by the mentor, %(name)s, on the portal with their own login%(where)s.",
                name=signer,
                where=self.env._(" (from %(ip)s)", ip=where) if where else "",
            ),
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        if not record._missing_to_sign():
            # Signed by both: kept as signed, as the office's Sign button does.
            record.action_sign()
        return True
