from odoo import models

from .mentoring_match_p2p import REMATCH_REASONS


class MentoringMentee(models.Model):
    _name = "mentoring.mentee"
    _inherit = ["mentoring.mentee", "mentoring.knowledge.respondent.mixin"]
    _knowledge_respondent = "mentee"

    def _knowledge_needs(self, program=None):
        """{topic_id: level 1-3} of what this mentee organisation needs, from its latest
        knowledge survey (in `program` when given); empty when it has answered none."""
        self.ensure_one()
        return self._knowledge_levels_batch(program)[self.id]

    def _knowledge_needs_batch(self, program=None):
        """{mentee_id: {topic_id: level}} for every mentee of `self`, in one query."""
        return self._knowledge_levels_batch(program)

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
