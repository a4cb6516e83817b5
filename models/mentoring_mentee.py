from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .mentoring_mentor import GENDERS

SENSITIVE = "peer_mentoring.group_mentor"


class MentoringMentee(models.Model):
    """The person (or organisation) mentored. Sensitive data lives here rather than on
    res.partner, which every internal user can read."""

    _name = "mentoring.mentee"
    _description = "Mentee"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name"
    _check_company_auto = True

    partner_id = fields.Many2one("res.partner", string="Person", required=True, index=True)
    name = fields.Char(related="partner_id.name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    program_ids = fields.Many2many(
        "mentoring.program",
        "mentoring_mentee_program_rel",
        "mentee_id",
        "program_id",
        string="Programmes",
        check_company=True,
    )
    birthdate = fields.Date("Date of birth", groups=SENSITIVE)
    age = fields.Integer(compute="_compute_age", groups=SENSITIVE)
    language_ids = fields.Many2many("res.lang", string="Languages", context={"active_test": False})
    interest_ids = fields.Many2many("mentoring.interest", string="Interests")
    mentor_gender_preference = fields.Selection(
        [*GENDERS[:3], ("none", "No preference")], string="Preferred mentor gender", default="none"
    )
    area = fields.Char("Area")
    payer_id = fields.Many2one(
        "res.partner",
        string="Payer",
        domain=[("is_mentoring_payer", "=", True)],
        help="The organisation that pays for this person's mentoring.",
    )
    member_id = fields.Char("Member ID", help="The person's member number with the payer.")
    notes = fields.Html("Confidential notes", groups=SENSITIVE)
    match_ids = fields.One2many("mentoring.match", "mentee_id", string="Matches")
    active = fields.Boolean(default=True)

    @api.depends("birthdate")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for mentee in self:
            mentee.age = relativedelta(today, mentee.birthdate).years if mentee.birthdate else 0
