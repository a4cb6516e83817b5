from odoo import fields, models
from odoo.exceptions import UserError


class MentoringPortalAccessMixin(models.AbstractModel):
    """Portal access a coordinator gives and takes away, for a record whose contact gets the
    login (the person mentored, a volunteer or carer mentor). Odoo's portal wizard makes the
    login and e-mails the invitation, and archives it on revoke. Each model says who may do it
    (`_check_may_manage_portal`) and which contacts may not get a login (`_check_portal_invitee`)."""

    _name = "mentoring.portal.access.mixin"
    _description = "Portal access given by a coordinator"

    def _check_may_manage_portal(self):
        raise NotImplementedError

    def _portal_access_partner(self):
        """The contact who gets the login (sudo: the invitation checks the rights next)."""
        return self.sudo().partner_id

    def _check_portal_invitee(self, partner):
        if not partner.email:
            raise UserError(
                self.env._(
                    "Add %(name)s's e-mail address to their contact first: the invitation goes there.",
                    name=self.name,
                )
            )
        if partner.user_ids.filtered(lambda u: not u.share):
            raise UserError(
                self.env._(
                    "%(name)s's contact belongs to a staff login: it cannot be a portal login.",
                    name=self.name,
                )
            )

    def _portal_wizard_users(self, partners):
        wizard = self.env["portal.wizard"].sudo().create({"partner_ids": [fields.Command.set(partners.ids)]})
        return wizard.user_ids

    def action_portal_invite(self):
        """Give the contact a portal login with Odoo's portal wizard, which e-mails the invitation."""
        self.ensure_one()
        partner = self._portal_access_partner()
        self._check_may_manage_portal()
        self._check_portal_invitee(partner)
        self._portal_wizard_users(partner).action_grant_access()
        self.message_post(body=self._portal_invited_note())
        return True

    def _portal_invited_note(self):
        return self.env._("Portal access given: an invitation was e-mailed.")

    def action_portal_revoke(self):
        self._check_may_manage_portal()
        partner = self.sudo().partner_id
        if partner:
            self._portal_wizard_users(partner).filtered("is_portal").action_revoke_access()
        self.message_post(body=self.env._("Portal access taken away."))
        return True
