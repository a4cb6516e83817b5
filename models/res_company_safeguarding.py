from odoo import fields, models

# England's Keeping Children Safe in Education (part 4) keeps the record of an allegation that
# was not false or malicious for 10 years or to the person's normal pension age, whichever is
# longer; the addon counts the 10 years from the concern's closure, which is never earlier.
DEFAULT_RETENTION_YEARS = 10


class ResCompany(models.Model):
    _inherit = "res.company"

    safeguarding_retention_years = fields.Integer(
        "Keep closed concerns for (years)",
        default=DEFAULT_RETENTION_YEARS,
        help="How long a closed safeguarding concern stays on file (and on the mentor's record) "
        "after it is closed. False and malicious allegations are removed from the mentor's "
        "record sooner, unless the mentor asks to keep them.",
    )

    _safeguarding_retention_positive = models.Constraint(
        "CHECK(safeguarding_retention_years >= 1)",
        "Keep closed safeguarding concerns for at least one year.",
    )
