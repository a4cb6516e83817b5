from math import ceil, floor

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

MINUTES_PER_UNIT = {"hour": 60, "quarter_hour": 15}
# The unit of measure of each billing unit: orders and invoices count in it.
BILLING_UOMS = {"hour": "uom.product_uom_hour", "quarter_hour": "peer_mentoring.uom_quarter_hour"}


class MentoringBillingProfile(models.Model):
    """How one payer wants mentoring time turned into billable units."""

    _name = "mentoring.billing.profile"
    _description = "Mentoring Billing Profile"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    payer_id = fields.Many2one("res.partner", domain=[("is_mentoring_payer", "=", True)])
    billing_unit = fields.Selection(
        [("hour", "Hour"), ("quarter_hour", "15-minute unit")], required=True, default="quarter_hour"
    )
    rounding = fields.Selection(
        [
            ("exact", "Exact (fractions of a unit)"),
            ("up", "Up to the next unit"),
            ("down", "Down to a whole unit"),
            ("cms_8_minute", "8-minute rule (a 15-minute unit from 8 minutes on)"),
        ],
        required=True,
        default="cms_8_minute",
    )
    rounding_scope = fields.Selection(
        [("encounter", "Each encounter on its own"), ("day", "A mentee's day added up, then rounded once")],
        required=True,
        default="encounter",
    )
    day_codes = fields.Selection(
        [
            ("per_code", "Each service code on its own"),
            ("combined", "All codes added up; a unit left over goes to the code with most minutes"),
        ],
        "Service codes in a day",
        required=True,
        default="per_code",
        help="With a mentee's day added up: whether the minutes of individual and group "
        "services are rounded apart (each code its own units), or added up and rounded once, the "
        "unit left over going to the service with the most minutes (the CMS way).",
    )
    min_billable_minutes = fields.Integer(
        "Minimum billable minutes", default=0, help="Shorter time is not billed."
    )
    daily_cap_units = fields.Integer("Daily cap (units per mentee)", default=0, help="0 means no cap.")
    cap_crossing = fields.Selection(
        [("up_to_cap", "Bill it up to the cap"), ("refuse", "Do not bill it")],
        "A meeting that crosses the cap",
        required=True,
        default="up_to_cap",
        help="Usual managed-care practice: the units up to the cap are billed, the rest is not "
        "(and needs the coordinator's attention).",
    )
    allow_concurrent = fields.Boolean(
        "Pays for concurrent services",
        help="Unticked (usual): a mentee's minutes are billed once; a meeting at the same time "
        "as another billed meeting of the same mentee (with another mentor) is not billed.",
    )
    bill_interns = fields.Boolean(
        "Bill hours of mentors in internship", help="Some payers pay only for certified mentors."
    )
    bill_met = fields.Boolean("Bill “Met goal”", default=True)
    bill_considerable = fields.Boolean("Bill “Considerable progress”", default=True)
    bill_some_steps = fields.Boolean("Bill “Some steps taken”", default=True)
    bill_no_action = fields.Boolean(
        "Bill “No action taken”", default=False, help="Usually not billable: the person could not be reached."
    )
    timely_filing_days = fields.Integer(
        "Timely filing (days)",
        default=90,
        help="A meeting confirmed more than this many days after its date is past the payer's "
        "deadline for claims: it is recorded as not billed. 0 means no deadline.",
    )
    requires_member_id = fields.Boolean(
        "Requires a member ID",
        default=True,
        help="The payer refuses claims without the person's member number: a meeting of a mentee "
        "without one on its date is not billed until it is recorded.",
    )
    warn_usage_percent = fields.Integer(
        "Warn at % of units used", default=80, help="The coordinator gets an activity at this share."
    )

    _percent_range = models.Constraint(
        "CHECK(warn_usage_percent BETWEEN 1 AND 100)", "The warning share must be between 1 and 100 %."
    )
    _not_negative = models.Constraint(
        "CHECK(min_billable_minutes >= 0 AND daily_cap_units >= 0 AND timely_filing_days >= 0)",
        "The minimum billable minutes, the daily cap and the timely-filing days cannot be negative.",
    )

    @api.constrains("billing_unit", "rounding")
    def _check_eight_minute_rule_on_quarter_hours(self):
        for profile in self:
            if profile.rounding == "cms_8_minute" and profile.billing_unit != "quarter_hour":
                raise ValidationError(
                    self.env._(
                        "The 8-minute rule applies to 15-minute units: set the billing unit of "
                        "%(profile)s to “15-minute unit” or choose another rounding.",
                        profile=profile.name,
                    )
                )

    @api.constrains("billing_unit", "rounding")
    def _check_whole_quarter_hours(self):
        for profile in self:
            if profile.rounding == "exact" and profile.billing_unit == "quarter_hour":
                raise ValidationError(
                    self.env._(
                        "A claim counts 15-minute units in whole units: choose another rounding "
                        "for %(profile)s (the 8-minute rule, up or down), or bill it in hours.",
                        profile=profile.name,
                    )
                )

    @api.constrains("billing_unit")
    def _check_billing_unit_agrees_with_products(self):
        programs = self.env["mentoring.program"].sudo().search([("billing_profile_id", "in", self.ids)])
        payers = self.env["res.partner"].sudo().search([("mentoring_billing_profile_id", "in", self.ids)])
        (programs | payers._mentoring_billed_programs())._check_billing_units()

    def units_for_minutes(self, minutes):
        """Billable units for `minutes` of service under this profile's unit and rounding."""
        self.ensure_one()
        if minutes <= 0 or minutes < self.min_billable_minutes:
            return 0.0
        size = MINUTES_PER_UNIT[self.billing_unit]
        if self.rounding == "exact":
            return minutes / size
        if self.rounding == "up":
            return float(ceil(minutes / size))
        if self.rounding == "down":
            return float(floor(minutes / size))
        return float((minutes + 7) // 15) if minutes >= 8 else 0.0

    def units_for_day(self, minutes_by_service):
        """Units of each service of a day whose minutes are added up across services (CMS):
        the day's total is rounded once; each service gets its whole units, and the units the
        total adds go to the services with the most minutes left over."""
        self.ensure_one()
        total_minutes = sum(minutes_by_service.values())
        total = self.units_for_minutes(total_minutes)
        if not total:
            return dict.fromkeys(minutes_by_service, 0.0)
        if self.rounding == "exact":  # hours only: fractions follow the minutes
            return {service: total * m / total_minutes for service, m in minutes_by_service.items()}
        size = MINUTES_PER_UNIT[self.billing_unit]
        units = {service: float(m // size) for service, m in minutes_by_service.items()}
        left = total - sum(units.values())
        by_leftover = sorted(
            minutes_by_service, key=lambda s: (-(minutes_by_service[s] % size), -minutes_by_service[s])
        )
        for service in by_leftover[: max(0, int(left))]:
            units[service] += 1
        return units

    def hours_for_units(self, units):
        """Timesheets are kept in hours; the sale order line converts them to the product unit."""
        self.ensure_one()
        return units * MINUTES_PER_UNIT[self.billing_unit] / 60.0

    def is_outcome_billable(self, progress):
        self.ensure_one()
        return bool(progress) and bool(self[f"bill_{progress}"])

    def _uom(self):
        """The payer's unit as a unit of measure."""
        self.ensure_one()
        # The cached xml id lookup: `env.ref` would check the unit exists (a query) at each call.
        return self.env["uom.uom"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id(BILLING_UOMS[self.billing_unit])
        )

    def _product_unit_problem(self, product):
        """Why `product` cannot be billed under this profile, or False.

        Orders and invoices count in the product's unit; the payer counts in the profile's. They
        must be the same length of time, or a claim would show 2.5 hours for 10 units."""
        self.ensure_one()
        if _same_length_of_time(product.uom_id, self._uom()):
            return False
        units = dict(self._fields["billing_unit"]._description_selection(self.env))
        fitting = [
            units[key]
            for key in BILLING_UOMS
            if _same_length_of_time(product.uom_id, self.env.ref(BILLING_UOMS[key]))
        ]
        message = self.env._(
            "The service %(product)s is counted in “%(product_unit)s” but the billing profile "
            "%(profile)s bills in “%(unit)s”, so invoices would not count what the payer counts. "
            "Set the product's unit to “%(uom)s”",
            product=product.display_name,
            product_unit=product.uom_id.name,
            profile=self.name,
            unit=units[self.billing_unit],
            uom=self._uom().name,
        )
        if fitting:
            message += self.env._(" or the profile's billing unit to “%(unit)s”", unit=fitting[0])
        return message + "."

    def _raise_unless_billable(self, product):
        problem = self._product_unit_problem(product)
        if problem:
            raise ValidationError(problem)


def _same_length_of_time(uom, other):
    return bool(uom and other) and (
        uom == other
        or (
            uom._has_common_reference(other)
            and not float_compare(uom.factor, other.factor, precision_digits=6)
        )
    )
