import numpy as np

from odoo import models


class MentoringMatchCriterion(models.Model):
    """Seed 002: a mentee organisation's needs met by a mentor organisation's knowledge
    strengths, both rated 1-3 on the same topics in their latest knowledge survey."""

    _inherit = "mentoring.match.criterion"

    def _score_strengths(self, mentees, mentors):
        """Σ min(strength, need) / Σ need over the topics the mentee needs: 1 when the mentor is
        at least as strong as needed on every topic, NaN when the mentee stated no needs."""
        program = self.program_id
        needs = mentees._knowledge_needs_batch(program)
        strengths = mentors._knowledge_strengths_batch(program)
        topics = sorted({t for levels in needs.values() for t in levels})
        index = {topic: i for i, topic in enumerate(topics)}
        need = np.zeros((len(mentees), len(topics)))
        for row, mentee_id in enumerate(mentees.ids):
            for topic, level in needs.get(mentee_id, {}).items():
                need[row, index[topic]] = level
        strength = np.zeros((len(mentors), len(topics)))
        for row, mentor_id in enumerate(mentors.ids):
            for topic, level in strengths.get(mentor_id, {}).items():
                if topic in index:
                    strength[row, index[topic]] = level
        met = np.minimum(need[:, None, :], strength[None, :, :]).sum(axis=2)
        wanted = need.sum(axis=1)[:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            fraction = met / wanted
        fraction[(wanted == 0).ravel()] = np.nan
        return fraction

    def _explain_strengths(self, mentee, mentor):
        needs = mentee._knowledge_needs(self.program_id)
        strengths = mentor._knowledge_strengths(self.program_id)
        strong = [t for t, level in needs.items() if strengths.get(t, 0) >= level]
        names = self.env["mentoring.knowledge.topic"].sudo().browse(strong).mapped("name")
        return self.env._(
            "strong enough on %(n)s of %(total)s topics needed%(names)s",
            n=len(strong),
            total=len(needs),
            names=f": {', '.join(names)}" if names else "",
        )
