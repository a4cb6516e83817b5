from odoo import fields, models


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    mentoring_encounter_id = fields.Many2one(
        "mentoring.encounter",
        string="Mentoring encounter",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        groups="peer_mentoring.group_mentor,account.group_account_invoice",
    )
