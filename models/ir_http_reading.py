from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """The back office reads the user's reading preference from the session (choice
        buttons with pictures, big text)."""
        info = super().session_info()
        user = self.env.user
        if user and not user._is_public():
            info["pm_reading"] = user._pm_reading()
        return info
