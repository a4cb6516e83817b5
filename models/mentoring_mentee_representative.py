from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MentoringMentee(models.Model):
    """A parent or guardian given access to one person's portal, and only theirs.

    The representatives are contacts; each gets a portal login from the mentee's form. The
    portal rules of security/portal_representative_rules.xml give a representative's login
    exactly what the person's own login reads (the same field gate applies to both). Who
    represents whom decides what a login reads: only a coordinator of the person's programmes
    changes it, and a contact represents one person only."""

    _inherit = "mentoring.mentee"

    representative_partner_ids = fields.Many2many(
        "res.partner",
        "mentoring_mentee_representative_rel",
        "mentee_id",
        "partner_id",
        string="Representatives",
        groups="peer_mentoring.group_coordinator",
        help="A parent or guardian who may read and sign this person's papers on the portal.",
    )

    @api.constrains("representative_partner_ids", "partner_id")
    def _check_representatives(self):
        for mentee in self.sudo():
            reps = mentee.representative_partner_ids
            if mentee.partner_id in reps:
                raise ValidationError(
                    self.env._("%(name)s cannot be their own representative.", name=mentee.name)
                )
            if reps.user_ids.filtered(lambda u: not u.share):
                raise ValidationError(self.env._("A representative cannot be a staff login."))
            # A mentor's contact holds (or would get, on invitation) the mentor's portal login:
            # the same login would read both the mentor's and this person's papers.
            mentors = (
                self.env["mentoring.mentor"]
                .sudo()
                .with_context(active_test=False)
                .search([("partner_id", "in", reps.ids)])
            )
            if mentors:
                raise ValidationError(
                    self.env._(
                        "%(names)s is a mentor: a mentor cannot be someone's representative. "
                        "Add the parent's or guardian's own contact.",
                        names=", ".join(mentors.partner_id.mapped("name")),
                    )
                )
            others = self.search(
                [
                    ("id", "!=", mentee.id),
                    "|",
                    ("representative_partner_ids", "in", reps.ids),
                    ("partner_id", "in", reps.ids),
                ]
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "A representative has access to one person's portal only: %(rep)s is already linked to another person.",
                        rep=", ".join(
                            (reps & (others.representative_partner_ids | others.partner_id)).mapped("name")
                        ),
                    )
                )

    @api.model
    def _represented_by(self, partners):
        """The people these contacts represent (sudo: the check runs for any caller)."""
        return (
            self.sudo()
            .with_context(active_test=False)
            .search([("representative_partner_ids", "in", partners.ids)])
            if partners
            else self.browse()
        )

    def _portal_partners(self):
        return super()._portal_partners() | self.sudo().representative_partner_ids

    def write(self, vals):
        if "representative_partner_ids" in vals and not self.env.su:
            for mentee in self:
                mentee._check_may_manage_portal()
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(v.get("representative_partner_ids") for v in vals_list):
            raise UserError(self.env._("Save the person first, then add their representatives."))
        return super().create(vals_list)

    def action_portal_invite_representatives(self):
        """Give each representative without a login a portal login (Odoo's portal wizard e-mails it)."""
        self._check_may_manage_portal()
        # Checked again: a mentor profile may have been put on a representative's contact since.
        self._check_representatives()
        reps = self.sudo().representative_partner_ids
        if not reps:
            raise UserError(self.env._("Add a representative first."))
        no_email = reps.filtered(lambda p: not p.email)
        if no_email:
            raise UserError(
                self.env._(
                    "Add an e-mail address to %(names)s first: the invitation goes there.",
                    names=", ".join(no_email.mapped("name")),
                )
            )
        wizard = self.env["portal.wizard"].sudo().create({"partner_ids": [fields.Command.set(reps.ids)]})
        wizard.user_ids.filtered(lambda u: not u.is_portal).action_grant_access()
        self.message_post(
            body=self.env._(
                "Portal access given to the representative(s): %(names)s.",
                names=", ".join(reps.mapped("name")),
            )
        )
        return True
