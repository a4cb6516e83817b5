from odoo import api, fields, models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_mentoring_payer = fields.Boolean(
        "Mentoring payer", help="Pays for mentoring services, e.g. a managed-care organisation."
    )
    mentoring_billing_profile_id = fields.Many2one(
        "mentoring.billing.profile",
        string="Mentoring billing profile",
        help="How this payer wants mentoring time rounded and capped. Without one, the "
        "programme's profile applies.",
    )

    @api.constrains("mentoring_billing_profile_id")
    def _check_billing_profile_agrees_with_products(self):
        self._mentoring_billed_programs()._check_billing_units()

    def write(self, vals):
        if "name" in vals and not self.env.su:
            self._check_may_rename_mentoring_people()
        return super().write(vals)

    def _check_may_rename_mentoring_people(self):
        """A mentee's or mentor's name is copied onto their mentoring records, authorisations and
        billing: only someone who coordinates their programmes renames them."""
        Mentee = self.env["mentoring.mentee"].sudo().with_context(active_test=False)
        Mentor = self.env["mentoring.mentor"].sudo().with_context(active_test=False)
        mentees = Mentee.search([("partner_id", "in", self.ids)])
        mentors = Mentor.search([("partner_id", "in", self.ids)])
        programs = mentees.program_ids | mentees.match_ids.program_id | mentors._governing_programs()
        if (mentees or mentors) and not programs._user_coordinates():
            raise UserError(
                self.env._(
                    "%(name)s takes part in mentoring: ask a coordinator of %(programs)s to change the name.",
                    name=", ".join(self.mapped("name")),
                    programs=", ".join(programs.mapped("name")),
                )
            )

    def _mentoring_billed_programs(self):
        """The programmes that bill these payers: those of their authorisations."""
        authorizations = (
            self.env["mentoring.authorization"]
            .sudo()
            .search([("payer_id", "in", self.ids), ("state", "!=", "cancelled")])
        )
        return authorizations.program_id
