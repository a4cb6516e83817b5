from odoo import fields, models


class MentoringInterest(models.Model):
    _name = "mentoring.interest"
    _description = "Mentoring Interest or Topic"
    _inherit = ["mentoring.guard.mixin"]
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("UNIQUE(name)", "This interest already exists.")
