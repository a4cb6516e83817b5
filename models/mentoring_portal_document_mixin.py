from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.http import request
from odoo.tools.image import base64_to_image

# The signer's fields a portal user sees (not the signature images: the PDF prints those).
SIGNER_FIELDS = frozenset(
    {
        "mentor_signed_by",
        "mentor_signed_on",
        "mentee_signed_by",
        "mentee_signed_on",
        "mentor_name",
        "portal_signer_name",
    }
)


class MentoringPortalDocumentMixin(models.AbstractModel):
    """A form the person mentored reads and signs on the portal (plan, agreement, meeting).

    The person signs only the mentee's block, only of their own record, only while the record
    waits for it: `action_portal_sign` checks who acts, then writes with sudo(), and notes in
    the chatter who signed, when and from where."""

    _name = "mentoring.portal.document.mixin"
    _description = "Mentoring Form Signed on the Portal"
    _inherit = ["mentoring.portal.mixin", "mentoring.portal.sign.link.mixin"]
    # Route part and report of each model on the portal: /my/mentoring/<kind>/<id>.
    _portal_kind = None
    _portal_report = None

    # The mentor's name as printed on the form: a portal user cannot read the mentor record.
    mentor_name = fields.Char("Mentor's name", compute="_compute_mentor_name")
    portal_waiting_for_mentee = fields.Boolean(
        "Waiting for the mentee's signature", compute="_compute_portal_waiting_for_mentee"
    )
    # The name typed for whoever signs on the portal: the person, or their representative.
    portal_signer_name = fields.Char("Signs as", compute="_compute_portal_signer_name")

    def _compute_mentor_name(self):
        for record in self:
            record.mentor_name = record.sudo().mentor_id.name

    @api.depends_context("uid")
    def _compute_portal_signer_name(self):
        partner = self.env.user.partner_id
        for record in self:
            mentee = record.sudo().mentee_id
            own = mentee.partner_id == partner or self.env.user._is_public()
            record.portal_signer_name = record.mentee_name if own else partner.name

    @api.depends("mentee_signature", "mentee_signed_on")
    def _compute_portal_waiting_for_mentee(self):
        for record in self:
            sudo = record.sudo()
            record.portal_waiting_for_mentee = (
                sudo._portal_open_for_signature()
                and sudo._portal_content_ready()
                and not sudo._is_signed_by("mentee")
            )

    def _portal_open_for_signature(self):
        """Whether the record may still take a signature (a draft)."""
        return self.state == "draft"

    def _portal_content_ready(self):
        """Whether what the person signs is written: a blank form is not offered to sign."""
        return True

    def _portal_check_is_the_mentee(self):
        """The acting user is the portal user of this record's mentee."""
        self.ensure_one()
        user = self.env.user
        if self.env.su or not user._is_portal():
            raise AccessError(self.env._("Only the person mentored signs here, with their own login."))
        self.check_access("read")
        if user.partner_id not in self.sudo().mentee_id._portal_partners():
            raise AccessError(self.env._("You can sign only your own records."))

    def action_portal_sign(self, name, signature):
        """The person mentored signs the mentee's block on their own device."""
        self.ensure_one()
        self._portal_check_is_the_mentee()
        record = self.sudo()
        if not record.portal_waiting_for_mentee:
            raise UserError(self.env._("This record is not waiting for your signature."))
        signer = (name or "").strip()[:100] or record.portal_signer_name
        representative = self.env.user.partner_id != record.mentee_id.partner_id
        if representative:
            # The signature records who signed: the representative, for the person.
            signer = self.env._(
                "%(signer)s, representative of %(name)s", signer=signer, name=record.mentee_name
            )[:200]
        record._portal_write_mentee_signature(signer, signature)
        where = request.httprequest.remote_addr if request else False
        record.message_post(
            body=(
                self.env._(
                    "Signed for the mentee by %(name)s on the portal with the representative's "
                    "own login (%(login)s)%(where)s.",
                    name=signer,
                    login=self.env.user.login,
                    where=self.env._(" (from %(ip)s)", ip=where) if where else "",
                )
                if representative
                else self.env._(
                    "Signed by the mentee, %(name)s, on the portal with their own login%(where)s.",
                    name=signer,
                    where=self.env._(" (from %(ip)s)", ip=where) if where else "",
                )
            ),
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        record._portal_after_mentee_signed()
        return True

    def _portal_write_mentee_signature(self, signer, signature):
        """Write the mentee's block (sudo record), once the signer is known to be allowed."""
        if not signature:
            raise UserError(self.env._("Write or draw your signature first."))
        # The form prints the signature as an image: anything else is refused.
        base64_to_image(signature)
        if self.match_id.state not in ("introduced", "active"):
            raise UserError(self.env._("This mentoring has ended. You cannot sign now."))
        self.write(
            {
                "mentee_signature": signature,
                "mentee_signed_by": signer,
                "mentee_signed_on": fields.Date.context_today(self),
            }
        )

    def _portal_after_mentee_signed(self):
        """What follows the mentee's signature (sudo): nothing by default."""
        return

    def _portal_report_pdf(self):
        """The form as printed (PDF), for the person it is about: their read access is checked
        first, then the report renders with sudo() (the mentor and programme records it
        prints are not theirs to read)."""
        self.check_access("read")
        report = self.env.ref(self._portal_report).sudo()
        content, _type = report._render_qweb_pdf(report.report_name, self.ids)
        return content
