from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Seed 002: "the agreed duration of [2-4] months", "a minimum of one or two hours a month".
MIN_MONTHS, MAX_MONTHS = 2, 4
MIN_HOURS_PER_MONTH = 1


class MentoringAgreement(models.Model):
    """The partnership agreement of provider-to-provider mentoring (seed 002): 2 to 4 months,
    hours per month, goals and skill areas, and the expectations each side has of the other."""

    _inherit = "mentoring.agreement"

    is_organisation_programme = fields.Boolean(compute="_compute_is_organisation_programme")
    expectation_communication = fields.Text(
        "How we communicate between meetings", help="E.g. email within two working days; a call if urgent."
    )
    expectation_agenda = fields.Text("Agenda format", help="What agenda we use and who prepares it.")
    expectation_feedback = fields.Text("How we exchange feedback")

    @api.depends("program_id.program_type")
    def _compute_is_organisation_programme(self):
        for agreement in self:
            agreement.is_organisation_programme = agreement.program_id.program_type == "organization"

    @api.constrains("duration_months", "match_id")
    def _check_organisation_duration(self):
        for agreement in self.filtered("is_organisation_programme"):
            if not MIN_MONTHS <= agreement.duration_months <= MAX_MONTHS:
                raise ValidationError(
                    self.env._(
                        "A provider-to-provider mentorship lasts %(min)s to %(max)s months: set the "
                        "duration between %(min)s and %(max)s (it is %(months)s).",
                        min=MIN_MONTHS,
                        max=MAX_MONTHS,
                        months=agreement.duration_months,
                    )
                )

    def _missing_to_sign(self):
        missing = super()._missing_to_sign()
        if not self.is_organisation_programme:
            return missing
        if self.hours_per_month < MIN_HOURS_PER_MONTH:
            missing.append(self.env._("the hours per month we meet (at least %s)", MIN_HOURS_PER_MONTH))
        for field in (
            "skill_areas",
            "expectation_communication",
            "expectation_agenda",
            "expectation_feedback",
        ):
            if not self[field]:
                missing.append(self._fields[field]._description_string(self.env))
        return missing
