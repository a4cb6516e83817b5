from odoo import http
from odoo.http import request

from ..models.res_users_reading import READING_CHOICES

# The picture beside each reading choice (shown in easy read with pictures).
READING_PICTURES = {
    "default": "fa-users",
    "easy": "fa-picture-o",
    "simple": "fa-font",
    "standard": "fa-align-left",
}


class MentoringPortalHelp(http.Controller):
    """Help on the portal: hard words in plain words, and how the pages look (easy read). The
    link to it is in the same place on every portal page (views/portal_help_templates.xml)."""

    @http.route("/my/help", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_help(self, saved=None, **kw):
        values = {
            "page_name": "mentoring_help",
            "terms": request.env["mentoring.glossary.term"].search([]),
            "reading_choices": READING_CHOICES,
            "reading": request.env.user.pm_reading or "default",
            "reading_pictures": READING_PICTURES,
            "saved": bool(saved),
        }
        return request.render("peer_mentoring.portal_my_help", values)

    @http.route("/my/help/reading", type="http", auth="user", website=True, methods=["POST"])
    def portal_my_help_reading(self, reading=None, **kw):
        if reading in dict(READING_CHOICES):
            # A user's own preference, one of SELF_WRITEABLE_FIELDS.
            request.env.user.write({"pm_reading": reading})
        return request.redirect("/my/help?saved=1#o_pm_reading")
