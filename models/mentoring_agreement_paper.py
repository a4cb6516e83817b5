import re

from odoo import models

# "opt-out", "opt out", "opts out": the agreement's own text already gives the no-fault opt-out.
OPT_OUT = re.compile(r"\bopts?[\s-]out\b", re.IGNORECASE)


class MentoringAgreement(models.Model):
    """What the printed agreement needs beyond its fields (reports/agreement_templates.xml)."""

    _inherit = "mentoring.agreement"

    def _paper_states_opt_out(self):
        """Whether the problem-resolution text already says either side may opt out, so that
        the form says it once and adds only the notice to give."""
        self.ensure_one()
        return bool(OPT_OUT.search(self.problem_resolution or ""))
