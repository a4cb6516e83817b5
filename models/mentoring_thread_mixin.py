from odoo import api, models
from odoo.exceptions import UserError


class MentoringThreadMixin(models.AbstractModel):
    """Chatter of mentoring records: only people who may read a record follow it or are
    addressed on it.

    Following gives every later message, so a follower is a standing read channel. Partners
    who cannot read the record are refused when someone adds them, dropped when Odoo subscribes
    them automatically, and removed when they lose access (a match cancelled or closed, a
    mentor replaced)."""

    _name = "mentoring.thread.mixin"
    _inherit = ["mentoring.batched.tracking.mixin"]
    _description = "Mentoring Chatter"

    def _partners_who_may_read(self, partners):
        """The partners among `partners` with an internal user who may read all of `self`."""
        readers = partners.browse()
        for partner in partners.sudo():
            users = partner.user_ids.filtered(lambda u: not u.share and u.active)
            if any(self.with_user(user).sudo(False).has_access("read") for user in users):
                readers |= partner
        return readers.sudo(False)

    def _check_partners_may_read(self, partner_ids):
        partners = self.env["res.partner"].browse(partner_ids or [])
        outsiders = partners - self._partners_who_may_read(partners)
        if outsiders:
            raise UserError(
                self.env._(
                    "%(names)s cannot read %(record)s, so they cannot follow it or be addressed on it.",
                    names=", ".join(outsiders.sudo().mapped("display_name")),
                    record=self.env._("this record") if len(self) != 1 else self.display_name,
                )
            )

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # Who may not read the record is refused by Odoo itself (it returns False).
        if partner_ids and not self.env.su and self.has_access("read"):
            self._check_partners_may_read(partner_ids)
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        if partner_ids:
            partners = self.env["res.partner"].browse(partner_ids)
            partner_ids = self._partners_who_may_read(partners).ids
        return super()._message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids, customer_ids=customer_ids
        )

    def message_post(self, **kwargs):
        if kwargs.get("partner_ids") and not self.env.su:
            self._check_partners_may_read(kwargs["partner_ids"])
        return super().message_post(**kwargs)

    def _message_followers_to_store(self, store, *args, **kwargs):
        # Follower rows of mentoring records are readable only by the follower themselves
        # (security/mail_rules.xml); whoever may read the record sees who follows it.
        if self.has_access("read"):
            return super(MentoringThreadMixin, self.sudo())._message_followers_to_store(
                store, *args, **kwargs
            )
        return super()._message_followers_to_store(store, *args, **kwargs)

    def _prune_followers(self):
        """Remove the followers who can no longer read the record they follow."""
        for record in self.sudo():
            followers = record.message_follower_ids
            readers = record.sudo(False)._partners_who_may_read(followers.partner_id)
            followers.filtered(lambda f, readers=readers: f.partner_id not in readers).unlink()

    @api.model
    def _cron_prune_followers(self):
        """Safety net for access lost in ways no action method sees (a user's groups changed).
        In batches of followers; pruning twice removes nothing more, and a stopped run resumes
        after the last batch it committed."""
        self.env["mentoring.job.checkpoint"]._run_in_batches(
            "prune_followers",
            self.env["mail.followers"].sudo(),
            [("res_model", "in", self._followed_models_to_prune())],
            self._prune_followers_of,
        )

    @api.model
    def _followed_models_to_prune(self):
        return [
            "mentoring.match",
            "mentoring.mentee",
            "mentoring.encounter",
            "mentoring.agreement",
            "mentoring.plan",
        ]

    @api.model
    def _prune_followers_of(self, followers):
        for model, res_ids in followers.grouped("res_model").items():
            self.env[model].browse(set(res_ids.mapped("res_id"))).exists()._prune_followers()
