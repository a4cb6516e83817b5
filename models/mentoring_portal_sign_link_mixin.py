import secrets
from datetime import timedelta

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import consteq

# How long a signing link works.
SIGN_LINK_DAYS = 7


class MentoringPortalSignLinkMixin(models.AbstractModel):
    """A single-use signed link for a person without a login: a coordinator of the record's
    programme sends it by e-mail; it opens the one record and signs the mentee's block once,
    within SIGN_LINK_DAYS. The token is read by nobody but the system (not even the mentor, who
    could otherwise sign in the person's name), compared with `consteq`, and cleared when used
    or replaced.

    Not `portal.mixin`'s `access_token`: on a mail.thread record that token also opens the
    record's portal chatter (`_mail_post_token_field`, `_sign_token`), travels in notification
    buttons, and is shown by the Share wizard to anyone who reads the record (the mentor). A
    signing key must open nothing but the one signature, so it is a field of its own, made the
    way `portal.mixin` makes its token and checked the way the portal checks it."""

    _name = "mentoring.portal.sign.link.mixin"
    _description = "Mentoring Form Signed Through a Link"

    sign_link_token = fields.Char("Signing link token", copy=False, readonly=True, groups="base.group_system")
    sign_link_expires_at = fields.Datetime(
        "Signing link valid until", copy=False, readonly=True, groups="peer_mentoring.group_coordinator"
    )

    def write(self, vals):
        # The token and its validity are written only by the action methods below.
        if not self.env.su and {"sign_link_token", "sign_link_expires_at"} & set(vals):
            raise UserError(self.env._("A signing link is made with the button Send a signing link."))
        return super().write(vals)

    def action_send_sign_link(self):
        """E-mail the person a link to sign this record, valid SIGN_LINK_DAYS days, once."""
        self.ensure_one()
        self.check_access("write")
        record = self.sudo()
        if not record.program_id._user_coordinates():
            raise UserError(self.env._("Only a coordinator of this programme sends a signing link."))
        if not record.portal_waiting_for_mentee:
            raise UserError(self.env._("This record is not waiting for the mentee's signature."))
        partner = record.mentee_id.partner_id
        if not partner.email:
            raise UserError(
                self.env._("Add %(name)s's e-mail address to their contact first.", name=record.mentee_name)
            )
        token = secrets.token_urlsafe(32)
        expires = fields.Datetime.now() + timedelta(days=SIGN_LINK_DAYS)
        record.write({"sign_link_token": token, "sign_link_expires_at": expires})
        url = f"{record.get_base_url()}/mentoring/sign/{record._portal_kind}/{record.id}/{token}"
        # Sent as a mail of its own, not in the record's chatter: the mentor reads the chatter.
        # Written in the person's language (their contact's), not the coordinator's.
        env = record.with_context(lang=partner.lang or self.env.lang).env
        body = Markup("<p>%s</p><p>%s</p><p><a href='%s'>%s</a></p><p>%s</p>") % (
            env._("Hello %(name)s,", name=record.mentee_name),
            env._(
                "Your %(paper)s is ready for you to read and sign.",
                paper=env["ir.model"]._get(record._name).name,
            ),
            url,
            env._("Read and sign"),
            env._("The link works once, for %(days)s days.", days=SIGN_LINK_DAYS),
        )
        self.env["mail.mail"].sudo().create(
            {
                "subject": env._("Your paper to sign"),
                "body_html": body,
                "recipient_ids": [fields.Command.link(partner.id)],
                "auto_delete": True,
            }
        ).send()
        record.message_post(
            body=self.env._(
                "A signing link was e-mailed to the mentee by %(user)s. It works once, until %(date)s.",
                user=self.env.user.name,
                date=fields.Datetime.to_string(expires),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _sign_link_valid(self, token):
        """Whether `token` opens this record for signing now (sudo record)."""
        self.ensure_one()
        return bool(
            token
            and self.sign_link_token
            and consteq(self.sign_link_token, token)
            and self.sign_link_expires_at
            and self.sign_link_expires_at > fields.Datetime.now()
            and self.portal_waiting_for_mentee
        )

    def _sign_with_link(self, token, name, signature, ip):
        """The person signs the mentee's block through the link (sudo record); the link is
        used up."""
        self.ensure_one()
        if not self._sign_link_valid(token):
            raise AccessError(
                self.env._("This link does not work any more. Ask your coordinator for a new one.")
            )
        signer = (name or "").strip()[:100] or self.mentee_name
        self._portal_write_mentee_signature(signer, signature)
        self.write({"sign_link_token": False, "sign_link_expires_at": False})
        self.message_post(
            body=self.env._(
                "Signed by the mentee, %(name)s, through the single-use link sent to them%(where)s.",
                name=signer,
                where=self.env._(" (from %(ip)s)", ip=ip) if ip else "",
            ),
            subtype_xmlid="mail.mt_note",
        )
        self._portal_after_mentee_signed()
        return True
