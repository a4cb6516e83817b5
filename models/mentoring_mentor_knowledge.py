from odoo import models


class MentoringMentor(models.Model):
    _name = "mentoring.mentor"
    _inherit = ["mentoring.mentor", "mentoring.knowledge.respondent.mixin"]
    _knowledge_respondent = "mentor"

    def _knowledge_strengths(self, program=None):
        """{topic_id: level 1-3} from this mentor organisation's latest knowledge survey (in
        `program` when given); empty when it has answered none."""
        self.ensure_one()
        return self._knowledge_levels_batch(program)[self.id]

    def _knowledge_strengths_batch(self, program=None):
        """{mentor_id: {topic_id: level}} for every mentor of `self`, in one query."""
        return self._knowledge_levels_batch(program)
