from odoo import api, fields, models
from odoo.exceptions import UserError


class MentoringMentee(models.Model):
    """Portal access of the person mentored: a coordinator of their programmes invites them
    with Odoo's portal wizard; the login belongs to the mentee's contact, and the portal record
    rules (security/portal_rules.xml) follow that contact."""

    _name = "mentoring.mentee"
    _inherit = ["mentoring.mentee", "mentoring.portal.access.mixin"]

    portal_user_id = fields.Many2one(
        "res.users", string="Portal login", compute="_compute_portal_user_id", compute_sudo=True
    )

    @api.depends("partner_id.user_ids.active", "partner_id.user_ids.share")
    def _compute_portal_user_id(self):
        for mentee in self:
            mentee.portal_user_id = mentee.partner_id.user_ids.filtered(lambda u: u._is_portal())[:1]

    def _portal_partners(self):
        """The contacts whose portal login reads this person's records."""
        return self.sudo().partner_id

    def write(self, vals):
        # The portal rules follow the mentee's contact: whoever could move a mentee to a
        # contact with a login would give that login this person's records.
        if "partner_id" in vals and not self.env.su:
            new = self.env["res.partner"].browse(vals["partner_id"]).sudo()
            if new.user_ids or any(m.sudo().partner_id.user_ids for m in self if m.partner_id != new):
                raise UserError(
                    self.env._(
                        "This contact has a login. Take away the portal access first, then change "
                        "the contact."
                    )
                )
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            partners = self.env["res.partner"].browse(
                [v["partner_id"] for v in vals_list if v.get("partner_id")]
            )
            if partners.sudo().user_ids:
                raise UserError(
                    self.env._("This contact has a login: choose the person's own contact, without a login.")
                )
        return super().create(vals_list)

    def _check_may_manage_portal(self):
        self.ensure_one()
        self.check_access("write")
        if not self.sudo().program_ids._user_coordinates():
            raise UserError(
                self.env._(
                    "Only a coordinator of %(name)s's programmes can give or take portal access.",
                    name=self.name,
                )
            )

    def _portal_invited_note(self):
        return self.env._("Portal access given: an invitation was e-mailed to the person.")
