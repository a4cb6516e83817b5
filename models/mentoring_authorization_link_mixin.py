from odoo import fields, models

AUTHORIZATION_READERS = "peer_mentoring.group_coordinator,account.group_account_invoice"


class MentoringAuthorizationLinkMixin(models.AbstractModel):
    """A way back from a sale order or an invoice to the authorisations it bills, for the users
    who may read authorisations, and only to those they may read."""

    _name = "mentoring.authorization.link.mixin"
    _description = "Link to Mentoring Authorisations"

    mentoring_authorization_ids = fields.Many2many(
        "mentoring.authorization",
        compute="_compute_mentoring_authorization_ids",
        string="Authorisations",
        groups=AUTHORIZATION_READERS,
    )
    mentoring_authorization_count = fields.Integer(
        compute="_compute_mentoring_authorization_ids", groups=AUTHORIZATION_READERS
    )

    def _compute_mentoring_authorization_ids(self):
        Authorization = self.env["mentoring.authorization"]
        for record in self:
            # The search applies the user's record rules.
            sale_lines = record._mentoring_sale_lines()
            auths = (
                Authorization.search([("sale_line_id", "in", sale_lines.ids)])
                if sale_lines
                else Authorization
            )
            record.mentoring_authorization_ids = auths
            record.mentoring_authorization_count = len(auths)

    def _mentoring_sale_lines(self):
        """The sale order lines of `self` (one record) that an authorisation may anchor."""
        raise NotImplementedError

    def action_view_mentoring_authorizations(self):
        self.ensure_one()
        return self.mentoring_authorization_ids._action_open()
