from odoo import fields, models

from .mentoring_mentor import SELF_SERVICE_FIELDS

COMMUNICATION_METHODS = [
    ("email", "Email"),
    ("phone", "Phone"),
    ("face_to_face", "Face-to-face meetings"),
    ("video", "Video call"),
    ("other", "Other"),
]
COORDINATOR = "peer_mentoring.group_coordinator"

# A mentor tells about themselves what matching weighs, as they do their languages and interests.
SELF_SERVICE_FIELDS.update({"experience_ids", "hours_per_month", "preferred_communication"})


class MentoringMentor(models.Model):
    _inherit = "mentoring.mentor"

    experience_ids = fields.Many2many(
        "mentoring.experience",
        "mentoring_mentor_experience_rel",
        "mentor_id",
        "experience_id",
        string="Fostering type and experience",
        help="Types of fostering, specific issues supported, relevant previous work.",
    )
    hours_per_month = fields.Float("Hours per month available", digits=(16, 1))
    preferred_communication = fields.Selection(COMMUNICATION_METHODS)
    # Recorded on either profile: the same list, seen by coordinators only.
    dual_relationship_mentee_ids = fields.Many2many(
        "mentoring.mentee",
        "mentoring_dual_relationship_rel",
        "mentor_id",
        "mentee_id",
        string="Not to be matched with",
        groups=COORDINATOR,
        tracking=True,
        help="Mentees with whom this mentor has a dual relationship (relative, neighbour, colleague, "
        "carer) or a conflict of interest: they are never proposed to each other.",
    )
