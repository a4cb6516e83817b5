from odoo import api, models
from odoo.exceptions import RedirectWarning, UserError

SETTINGS_ACTION = "account.action_account_config"


class MentoringClaim(models.Model):
    """What is missing before a claim can be made, each thing said once with where to fix it:
    the agency's identifiers once for the invoice (not once per person on it), then what each
    person's claim lacks. An administrator gets a button to the settings where they are kept."""

    _inherit = "mentoring.claim"

    @api.model
    def _company_setup_problems(self, company):
        missing = [
            label
            for label, value in (
                (self.env._("billing NPI"), company.claim_npi),
                (self.env._("federal tax ID (EIN)"), company.claim_tax_id),
            )
            if not value
        ]
        if not missing:
            return []
        return [
            self.env._(
                "The agency's %(what)s: an administrator records it in Settings → Invoicing → "
                "Mentoring claims → Billing provider.",
                what=self.env._(" and ").join(missing),
            )
        ]

    @api.model
    def _raise_setup_problems(self, problems, agency_missing=False):
        problems = list(dict.fromkeys(problems))
        message = self.env._(
            "The claim cannot be made yet. Missing:\n%(problems)s",
            problems="\n".join(f"• {problem}" for problem in problems),
        )
        settings = self.env.ref(SETTINGS_ACTION, raise_if_not_found=False)
        if agency_missing and settings and self.env.user.has_group("base.group_system"):
            raise RedirectWarning(
                message,
                settings.id,
                self.env._("Open the claims settings"),
                {"module": "account", "bin_size": False},
            )
        raise UserError(message)
