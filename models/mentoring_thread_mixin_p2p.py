from odoo import api, models


class MentoringThreadMixin(models.AbstractModel):
    _inherit = "mentoring.thread.mixin"

    @api.model
    def _cron_prune_followers(self):
        """The safety net covers the knowledge surveys and planning worksheets too."""
        res = super()._cron_prune_followers()
        for model in ("mentoring.knowledge.survey", "mentoring.worksheet"):
            followed = self.env["mail.followers"].sudo().search([("res_model", "=", model)])
            self.env[model].browse(set(followed.mapped("res_id"))).exists()._prune_followers()
        return res
