from odoo import api, models


class MentoringThreadMixin(models.AbstractModel):
    _inherit = "mentoring.thread.mixin"

    @api.model
    def _followed_models_to_prune(self):
        """The safety net covers the knowledge surveys and planning worksheets too."""
        return [*super()._followed_models_to_prune(), "mentoring.knowledge.survey", "mentoring.worksheet"]
