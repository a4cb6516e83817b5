from odoo import api, fields, models
from odoo.exceptions import UserError

# What makes a contact a payer and how it is billed and claimed: any employee may edit contacts,
# only the people who set payers up (the groups the contact form shows these fields to) change these.
PAYER_FIELDS = frozenset(
    {
        "is_mentoring_payer",
        "mentoring_billing_profile_id",
        "mentoring_payer_code",
        "mentoring_claim_filing_code",
    }
)
PAYER_EDITORS = ("peer_mentoring.group_coordinator", "account.group_account_invoice", "base.group_system")


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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            sent = {name for name in PAYER_FIELDS & set(vals) if vals[name]}
            if sent:  # a new contact carries the fields' defaults (a copy too), not the client's
                context = {k: v for k, v in self.env.context.items() if not k.startswith("default_")}
                # Replaced, not merged: the client's default_ keys must not count as defaults.
                defaults = self.with_context(context).default_get(list(sent))  # pylint: disable=context-overridden
                self._check_may_set_up_payers({name for name in sent if vals[name] != defaults.get(name)})
        return super().create(vals_list)

    def write(self, vals):
        if "name" in vals and not self.env.su:
            self._check_may_rename_mentoring_people()
        self._check_may_set_up_payers(PAYER_FIELDS & set(vals))
        return super().write(vals)

    def _check_may_set_up_payers(self, fields_sent):
        if not fields_sent or self.env.su or any(self.env.user.has_group(g) for g in PAYER_EDITORS):
            return
        raise UserError(
            self.env._(
                "Only finance and the mentoring coordinators set up payers (%(fields)s).",
                fields=", ".join(sorted(self._fields[f]._description_string(self.env) for f in fields_sent)),
            )
        )

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
