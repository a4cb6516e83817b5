from odoo import fields, models


class MentoringSafeguardingType(models.Model):
    """What kind of concern was raised (data: the agency adds its own). Names only: nothing here
    is about a person, so every mentoring role reads the list to choose from it."""

    _name = "mentoring.safeguarding.type"
    _inherit = ["mentoring.guard.mixin"]
    _description = "Safeguarding Concern Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="Stable key used by the notification rules and tests.")
    is_allegation = fields.Boolean(
        "Allegation against a mentor",
        help="When the concern names a mentor, the mentor is suspended and each of their ongoing "
        "matches goes on hold until the safeguarding lead decides.",
    )
    raiser_guidance = fields.Text(
        "What the person who raised it must do now",
        translate=True,
        help="Shown to whoever raises a concern of this type, once it is received.",
    )
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE (code)", "Each concern type needs its own code.")
