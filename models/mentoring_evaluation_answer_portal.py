from odoo import models


class MentoringEvaluationAnswer(models.Model):
    """An answer the person mentored gave on their own form: read on the portal, never written
    there directly (`mentoring.evaluation.action_portal_submit` writes it)."""

    _name = "mentoring.evaluation.answer"
    _inherit = ["mentoring.evaluation.answer", "mentoring.portal.mixin"]
    _portal_fields = frozenset({"evaluation_id", "sequence", "question", "answer_type", "score", "answer"})
