from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date


class MentoringMenteeCoverage(models.Model):
    """Who pays for a mentee's mentoring from one date to another: billing takes the payer and
    member ID of the period covering the meeting's date. The mentee's payer and member ID show
    the period covering today."""

    _name = "mentoring.mentee.coverage"
    _description = "Mentee Coverage Period"
    _inherit = ["mentoring.guard.mixin"]
    _order = "date_from desc, id desc"
    _scope_fields = frozenset({"mentee_id"})

    mentee_id = fields.Many2one("mentoring.mentee", required=True, ondelete="cascade", index=True)
    payer_id = fields.Many2one("res.partner", required=True, domain=[("is_mentoring_payer", "=", True)])
    member_id = fields.Char("Member ID", help="The person's member number with this payer.")
    date_from = fields.Date("From", required=True)
    date_to = fields.Date("To", help="Empty while the coverage goes on.")

    _dates_in_order = models.Constraint(
        "CHECK(date_to IS NULL OR date_to >= date_from)", "A coverage period cannot end before it starts."
    )

    @api.constrains("mentee_id", "date_from", "date_to")
    def _check_no_overlap(self):
        for coverage in self:
            overlapping = coverage.mentee_id.sudo().coverage_ids.filtered(
                lambda c, coverage=coverage: (
                    c != coverage and c._overlaps(coverage.date_from, coverage.date_to)
                )
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "%(mentee)s is already covered by %(payer)s from %(date)s: end that period "
                        "before the new one starts.",
                        mentee=coverage.mentee_id.name,
                        payer=overlapping[0].payer_id.name,
                        date=format_date(self.env, overlapping[0].date_from),
                    )
                )

    def _overlaps(self, date_from, date_to):
        self.ensure_one()
        return (not date_to or self.date_from <= date_to) and (not self.date_to or date_from <= self.date_to)

    def _covers(self, day):
        self.ensure_one()
        return self.date_from <= day and (not self.date_to or day <= self.date_to)

    @api.model_create_multi
    def create(self, vals_list):
        coverages = super().create(vals_list)
        coverages.mentee_id._sync_current_coverage()
        return coverages

    def write(self, vals):
        mentees = self.mentee_id
        res = super().write(vals)
        (mentees | self.mentee_id)._sync_current_coverage()
        return res

    def unlink(self):
        mentees = self.mentee_id
        res = super().unlink()
        mentees.exists()._sync_current_coverage()
        return res
