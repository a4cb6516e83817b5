from odoo import fields, models


class MentoringSafeguardingJurisdiction(models.Model):
    """Where a programme works, as far as who must be told about a concern: each jurisdiction
    has its own notification rules (mentoring.safeguarding.requirement)."""

    _name = "mentoring.safeguarding.jurisdiction"
    _inherit = ["mentoring.guard.mixin"]
    _description = "Safeguarding Jurisdiction"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    requirement_ids = fields.One2many(
        "mentoring.safeguarding.requirement", "jurisdiction_id", string="Who must be told"
    )
    active = fields.Boolean(default=True)
