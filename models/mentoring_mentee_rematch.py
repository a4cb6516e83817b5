from odoo import models

from .mentoring_match_p2p import REMATCH_REASONS


class MentoringMentee(models.Model):
    _inherit = "mentoring.mentee"

    def _ended_in_rematch_mentors(self):
        """The mentors whose match with this mentee ended in a conflict or a no-fault opt-out:
        the mentee is offered someone else."""
        matches = self.env["mentoring.match"].search(
            [
                ("mentee_id", "in", self.ids),
                ("state", "=", "closed"),
                ("closure_reason", "in", REMATCH_REASONS),
            ]
        )
        return matches.mentor_id
