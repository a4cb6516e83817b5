from odoo import fields, models

from .mentoring_mentor_matching import COMMUNICATION_METHODS, COORDINATOR


class MentoringMentee(models.Model):
    _inherit = "mentoring.mentee"

    experience_ids = fields.Many2many(
        "mentoring.experience",
        "mentoring_mentee_experience_rel",
        "mentee_id",
        "experience_id",
        string="Experience sought in a mentor",
        help="e.g. the type of fostering, or a specific issue the mentee meets for the first time.",
    )
    hours_per_month = fields.Float("Hours per month wanted", digits=(16, 1))
    preferred_communication = fields.Selection(COMMUNICATION_METHODS)
    dual_relationship_mentor_ids = fields.Many2many(
        "mentoring.mentor",
        "mentoring_dual_relationship_rel",
        "mentee_id",
        "mentor_id",
        string="Not to be matched with",
        groups=COORDINATOR,
        tracking=True,
        help="Mentors with whom this person has a dual relationship (relative, neighbour, colleague, "
        "carer) or a conflict of interest: they are never proposed to each other.",
    )

    def action_find_mentor(self):
        self.ensure_one()
        return self.env["mentoring.match.finder"]._action_open(self)
