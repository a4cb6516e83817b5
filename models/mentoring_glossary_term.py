from odoo import fields, models


class MentoringGlossaryTerm(models.Model):
    """A word the mentoring pages cannot avoid, said in plain words (easy read: a glossary for
    the hard words). Shown on the Help page of the portal, linked from every portal page."""

    _name = "mentoring.glossary.term"
    _description = "Word Explained"
    _order = "sequence, name"

    name = fields.Char("Word", required=True, translate=True)
    meaning = fields.Text("What it means", required=True, translate=True, help="One idea a sentence.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
