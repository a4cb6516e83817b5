from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from .portal import KINDS

SIGNABLE = ("plan", "agreement", "meeting")


class MentoringSignLink(http.Controller):
    """A person without a login signs one record through the single-use link a coordinator
    e-mailed them (models/mentoring_portal_sign_link_mixin.py). The token is the only key:
    a wrong, expired or used token shows the same page, which says nothing of the record."""

    def _sign_link_record(self, kind, record_id, token):
        if kind not in SIGNABLE:
            return None
        record = request.env[KINDS[kind]].sudo().browse(record_id).exists()
        if not record or not record._sign_link_valid(token):
            return None
        return record

    @http.route(
        "/mentoring/sign/<string:kind>/<int:record_id>/<string:token>",
        type="http",
        auth="public",
        website=True,
    )
    def mentoring_sign_link(self, kind, record_id, token, **kw):
        record = self._sign_link_record(kind, record_id, token)
        if not record:
            return request.render("peer_mentoring.portal_sign_link_closed", {"page_title": "Link closed"})
        return request.render(
            f"peer_mentoring.portal_mentoring_{kind}",
            {
                "page_name": "mentoring_sign_link",
                "kind": kind,
                "doc": record,
                "sign_url": f"/mentoring/sign/{kind}/{record.id}/{token}/sign",
            },
        )

    @http.route(
        "/mentoring/sign/<string:kind>/<int:record_id>/<string:token>/sign",
        type="jsonrpc",
        auth="public",
        website=True,
        methods=["POST"],
    )
    def mentoring_sign_link_sign(self, kind, record_id, token, name=None, signature=None):
        record = self._sign_link_record(kind, record_id, token)
        if not record:
            return {
                "error": request.env._(
                    "This link does not work any more. Ask your coordinator for a new one."
                )
            }
        try:
            record._sign_with_link(token, name, signature, request.httprequest.remote_addr)
        except (AccessError, UserError) as error:
            return {"error": str(error)}
        return {"force_refresh": True, "redirect_url": "/mentoring/signed"}

    @http.route("/mentoring/signed", type="http", auth="public", website=True)
    def mentoring_signed(self, **kw):
        return request.render("peer_mentoring.portal_sign_link_done", {"page_title": "Signed"})
