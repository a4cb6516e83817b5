from odoo import fields, models


class MentoringExperience(models.Model):
    """A type of fostering, a specific issue supported, or relevant previous work (seed 001):
    what a mentor has done, and what a mentee would like their mentor to have done."""

    _name = "mentoring.experience"
    _description = "Mentoring Experience"
    _inherit = ["mentoring.guard.mixin"]
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("UNIQUE(name)", "This experience already exists.")
