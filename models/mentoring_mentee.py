from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .mentoring_mentor import GENDERS

SENSITIVE = "peer_mentoring.group_mentor"


class MentoringMentee(models.Model):
    """The person (or organisation) mentored. Sensitive data lives here rather than on
    res.partner, which every internal user can read."""

    _name = "mentoring.mentee"
    _description = "Mentee"
    _inherit = ["mentoring.guard.mixin", "mentoring.thread.mixin", "mail.activity.mixin"]
    _order = "name"
    _check_company_auto = True
    _protected_fields = frozenset({"match_ids"})
    _programme_membership = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        required=True,
        index=True,
        help="The person's or organisation's contact; made from the name when left empty.",
    )
    name = fields.Char(
        compute="_compute_name", inverse="_inverse_name", store=True, precompute=True, required=True
    )
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
        help="A mentee belongs to at least one programme: its coordinators are the ones who see them.",
    )
    birthdate = fields.Date("Date of birth", groups=SENSITIVE)
    age = fields.Integer(compute="_compute_age", groups=SENSITIVE)
    language_ids = fields.Many2many("res.lang", string="Languages", context={"active_test": False})
    interest_ids = fields.Many2many("mentoring.interest", string="Interests")
    mentor_gender_preference = fields.Selection(
        [*GENDERS[:3], ("none", "No preference")], string="Preferred mentor gender", default="none"
    )
    area = fields.Char()
    payer_id = fields.Many2one(
        "res.partner",
        domain=[("is_mentoring_payer", "=", True)],
        help="The organisation that pays for this person's mentoring.",
    )
    member_id = fields.Char("Member ID", help="The person's member number with the payer.")
    coverage_ids = fields.One2many(
        "mentoring.mentee.coverage",
        "mentee_id",
        string="Coverage periods",
        help="Who pays from which date to which: billing takes the period covering each meeting's "
        "date. Once periods are recorded, the payer and member ID above follow the one covering today.",
    )
    notes = fields.Html("Confidential notes", groups=SENSITIVE)
    match_ids = fields.One2many("mentoring.match", "mentee_id", string="Matches")
    active = fields.Boolean(default=True)

    @api.constrains("program_ids")
    def _check_has_programme(self):
        for mentee in self:
            if not mentee.sudo().program_ids:
                raise ValidationError(
                    self.env._("Choose the programme %(name)s takes part in.", name=mentee.name or "")
                )

    @api.depends("partner_id.name")
    def _compute_name(self):
        for mentee in self:
            mentee.name = mentee.partner_id.name

    def _inverse_name(self):
        for mentee in self:
            if mentee.partner_id and mentee.partner_id.name != mentee.name:
                mentee.partner_id.name = mentee.name

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if not self._programmes_in_vals(vals):
                    raise ValidationError(self.env._("Choose the programme the new mentee takes part in."))
        # A name typed without a contact (e.g. "Create" from a match's drop-down) makes the contact.
        for vals in vals_list:
            if not vals.get("partner_id") and vals.get("name"):
                vals["partner_id"] = self.env["res.partner"].create({"name": vals["name"]}).id
        return super().create(vals_list)

    def _check_may_change_programmes(self, added, removed=None):
        changed = added | (removed or self.env["mentoring.program"])
        if changed and not changed._user_coordinates():
            raise ValidationError(
                self.env._(
                    "You can enrol a mentee only in programmes you coordinate (%(programs)s is not one "
                    "of them).",
                    programs=", ".join(changed.sudo().mapped("name")),
                )
            )
        ongoing = self.sudo().match_ids.filtered(
            lambda m: m.state in ("introduced", "active", "on_hold") and m.program_id in (removed or ())
        )
        if ongoing:
            raise ValidationError(
                self.env._(
                    "%(name)s has an ongoing match in %(program)s: close it before taking the programme off.",
                    name=self.name,
                    program=ongoing[0].program_id.name,
                )
            )

    @api.depends("birthdate")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for mentee in self:
            mentee.age = relativedelta(today, mentee.birthdate).years if mentee.birthdate else 0

    def _coverage_on(self, day):
        """(payer, member ID) covering `day`: from the coverage periods when there are any,
        else the mentee's payer and member ID."""
        self.ensure_one()
        periods = self.sudo().coverage_ids
        if not periods:
            return self.sudo().payer_id, self.sudo().member_id
        covering = periods.filtered(lambda c: c._covers(day))[:1]
        return covering.payer_id, covering.member_id

    def _sync_current_coverage(self):
        """The payer and member ID shown on the mentee are those of the period covering today."""
        today = fields.Date.context_today(self)
        for mentee in self.sudo():
            current = mentee.coverage_ids.filtered(lambda c: c._covers(today))[:1]
            if current and (mentee.payer_id, mentee.member_id) != (current.payer_id, current.member_id):
                mentee.write({"payer_id": current.payer_id.id, "member_id": current.member_id})
