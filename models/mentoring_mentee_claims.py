from odoo import fields, models

from .mentoring_mentee import SENSITIVE

# The two boxes of the CMS-1500's box 3 (and the 837P's DMG03 codes): nothing else is asked.
SEXES = [("F", "F"), ("M", "M")]


class MentoringMentee(models.Model):
    """The one fact about the person that only the payer asks for: the sex on their health-plan
    record, printed in box 3 of the claim form. Kept apart from anything used for matching."""

    _inherit = "mentoring.mentee"

    sex = fields.Selection(
        SEXES,
        "Sex on the health-plan card",
        groups=SENSITIVE,
        help="F or M as the payer has it on the person's health-plan record (the claim form has only "
        "these two boxes). Only claims use it; leave it empty for a person whose payer does not ask.",
    )
