from odoo import models


class MentoringEncounter(models.Model):
    """A meeting held while its mentor was out of compliance is confirmed as logged, and not
    billed: it needs the coordinator's attention, with the reason (the billing's documentation
    gate treats it like a note the payer would refuse)."""

    _inherit = "mentoring.encounter"

    def _documentation_problem(self):
        return super()._documentation_problem() or self.mentor_id._compliance_problem(self.date)
