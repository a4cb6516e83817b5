from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date


class MentoringMentee(models.Model):
    """Mentees brought in from the agency's list, each with their coverage periods (one row per
    period under the person's row)."""

    _name = "mentoring.mentee"
    _inherit = ["mentoring.mentee", "mentoring.import.mixin"]

    @api.model
    def get_import_templates(self):
        return self._import_template(
            "mentoring_mentee.xlsx", self.env._("Import Template for Mentees and their coverage")
        )

    @api.model_create_multi
    def create(self, vals_list):
        # The importer sends the same values again, row by row, after a failed batch, and the
        # mentee's create puts in them the contact it makes: each try gets its own copy.
        vals_list = [dict(vals) for vals in vals_list]
        if self.env.context.get("import_file"):
            for vals in vals_list:
                name = vals.get("name") or self.env["res.partner"].browse(vals.get("partner_id")).name
                self._check_not_imported_twice(
                    [("name", "=", name)],
                    self.env._(
                        "%(name)s is already a mentee here: a file imported twice would record them "
                        "twice. If this is another person of the same name, tell them apart in the name "
                        "(e.g. a middle initial).",
                        name=name,
                    ),
                )
        return super().create(vals_list)


class MentoringMenteeCoverage(models.Model):
    _inherit = "mentoring.mentee.coverage"

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.context.get("import_file"):
            # Said before the database refuses it in its own words.
            for vals in vals_list:
                date_from, date_to = (fields.Date.to_date(vals.get(f)) for f in ("date_from", "date_to"))
                if date_from and date_to and date_to < date_from:
                    raise ValidationError(self.env._("A coverage period cannot end before it starts."))
        coverages = super().create(vals_list)
        if self.env.context.get("import_file"):
            coverages._check_imported_payer()
        return coverages

    def _check_imported_payer(self):
        """What a coordinator typing a period by hand sees on the form, and a file does not show:
        the payer is one the agency bills, and a payer that refuses claims without a member ID
        gets one (the form lets it wait; a whole list imported without them would bill nothing)."""
        for coverage in self.sudo():
            payer = coverage.payer_id
            if not payer.is_mentoring_payer:
                raise ValidationError(
                    self.env._(
                        "%(payer)s is not a payer: ask finance to tick “Mentoring payer” on the "
                        "contact (Billing → Payers), or correct the payer's name.",
                        payer=payer.name,
                    )
                )
            profiles = payer.mentoring_billing_profile_id or coverage.mentee_id.program_ids.billing_profile_id
            if not coverage.member_id and any(profile.requires_member_id for profile in profiles):
                raise ValidationError(
                    self.env._(
                        "Member ID is required by %(payer)s: give %(mentee)s's member number for the "
                        "period from %(date)s.",
                        payer=payer.name,
                        mentee=coverage.mentee_id.name,
                        date=format_date(self.env, coverage.date_from),
                    )
                )
