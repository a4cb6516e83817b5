from odoo import fields, models


class MentoringProgram(models.Model):
    _inherit = "mentoring.program"

    max_group_size = fields.Integer(
        "People per group meeting",
        default=8,
        help="The most people a group meeting of this programme may have (those who came). "
        "Payers usually set it for the group service (e.g. H0038 HQ).",
    )

    _max_group_size_positive = models.Constraint(
        "CHECK(max_group_size >= 1)", "A group meeting has room for at least one person."
    )
