from odoo import api, fields, models
from odoo.exceptions import UserError


class MentoringMentor(models.Model):
    """Volunteer and foster-carer mentors are contacts, not staff: a coordinator invites them to
    the portal, and that portal login becomes the mentor's `user_id`. The portal rules
    (security/portal_mentor_rules.xml) follow `user_id`, so who may set it is checked here:
    a portal login is only ever the mentor's own contact's."""

    _name = "mentoring.mentor"
    _inherit = ["mentoring.mentor", "mentoring.portal.access.mixin"]

    has_portal_login = fields.Boolean("Has a portal login", compute="_compute_has_portal_login")

    @api.depends("user_id")
    def _compute_has_portal_login(self):
        for mentor in self:
            mentor.has_portal_login = bool(mentor.sudo().user_id.share)

    @api.depends("partner_id.user_ids.active", "partner_id.user_ids.share")
    def _compute_user_id(self):
        res = super()._compute_user_id()
        for mentor in self.filtered(lambda m: not m.employee_id and m.partner_id):
            portal = mentor.partner_id.sudo().user_ids.filtered(lambda u: u._is_portal())[:1]
            if portal:
                mentor.user_id = portal
            elif mentor.user_id.share:
                # The portal access was taken away: the old login keeps nothing.
                mentor.user_id = False
        return res

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._check_portal_identity(vals.get("partner_id"), vals.get("user_id"))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and {"partner_id", "user_id"} & set(vals):
            for mentor in self:
                partner_id = vals["partner_id"] if "partner_id" in vals else mentor.partner_id.id
                user_id = vals.get("user_id", mentor.user_id.id if "partner_id" not in vals else False)
                if "partner_id" in vals and mentor.sudo().user_id.share:
                    raise UserError(
                        self.env._(
                            "%(name)s has a portal login. Take away the portal access first, then "
                            "change the contact.",
                            name=mentor.name,
                        )
                    )
                self._check_portal_identity(partner_id, user_id, moving="partner_id" in vals)
        return super().write(vals)

    @api.model
    def _check_portal_identity(self, partner_id, user_id, moving=True):
        """A mentor's login is a staff login, or the portal login of the mentor's own contact,
        given by the invitation: never someone else's portal login (a mentee's, another
        carer's), and the contact is not moved onto a contact that already has a login."""
        user = self.env["res.users"].sudo().browse(user_id or [])
        partner = self.env["res.partner"].sudo().browse(partner_id or [])
        if user and user.share and user.partner_id != partner:
            raise UserError(
                self.env._("A portal login can only be the mentor's own. Use “Invite to the portal”.")
            )
        if moving and partner and partner.user_ids:
            raise UserError(
                self.env._(
                    "This contact already has a login: choose the mentor's own contact, without a login."
                )
            )
        if moving:
            self._check_not_representative(partner)

    @api.model
    def _check_not_representative(self, partner):
        """A representative's contact gets a portal login that reads the person's papers: the
        same login must not also be a mentor's."""
        represented = self.env["mentoring.mentee"]._represented_by(partner)
        if represented:
            raise UserError(
                self.env._(
                    "%(name)s is the representative of a person mentored: a representative cannot be "
                    "a mentor on the portal. Use the mentor's own contact.",
                    name=partner.name,
                )
            )

    @api.model
    def _portal_mentor(self):
        """The mentor profile of the portal user who acts, or an empty recordset (sudo: the
        portal user may not read the mentor record; callers check what they do with it)."""
        user = self.env.user
        if not user._is_portal():
            return self.browse()
        return (
            self.sudo()
            .with_context(active_test=True)
            .search([("user_id", "=", user.id), ("partner_id", "=", user.partner_id.id)], limit=1)
        )

    def _portal_matches(self):
        """The mentor's relationships under way, the ones they log meetings of (sudo)."""
        self.ensure_one()
        return self.sudo().match_ids.filtered(lambda m: m.state in ("introduced", "active"))

    def _check_may_manage_portal(self):
        self.ensure_one()
        self.check_access("write")
        self._check_governed_by_user(self.env._("give or take this mentor's portal access"))

    def _portal_access_partner(self):
        self.ensure_one()
        self.check_access("write")
        mentor = self.sudo()
        if mentor.employee_id or not mentor.partner_id:
            raise UserError(
                self.env._("Staff mentors use the back office: only a mentor who is a contact is invited.")
            )
        return super()._portal_access_partner()

    def _check_portal_invitee(self, partner):
        res = super()._check_portal_invitee(partner)
        if (
            self.env["mentoring.mentee"]
            .sudo()
            .with_context(active_test=False)
            .search_count([("partner_id", "=", partner.id)], limit=1)
        ):
            raise UserError(
                self.env._(
                    "%(name)s's contact is also the contact of a person mentored. Give the mentor "
                    "their own contact first.",
                    name=self.name,
                )
            )
        self._check_not_representative(partner)
        return res

    def _portal_invited_note(self):
        return self.env._("Portal access given: an invitation was e-mailed to the mentor.")
