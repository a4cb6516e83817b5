from odoo import fields, models


class MentoringKnowledgeTopic(models.Model):
    """A subject of the knowledge-strengths survey (seed 002: invoicing, match funds, ...). A
    mentor organisation rates its strengths on these, a mentee organisation its needs."""

    _name = "mentoring.knowledge.topic"
    _description = "Knowledge Survey Topic"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("UNIQUE(name)", "This survey topic already exists.")
