import io
import re
import zipfile

from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import content_disposition, request

# /my/mentoring/<kind>/<id>: the forms the person mentored reads and signs.
KINDS = {
    "plan": "mentoring.plan",
    "agreement": "mentoring.agreement",
    "meeting": "mentoring.encounter",
}


class MentoringPortal(CustomerPortal):
    """“My mentoring” for the person mentored. Everything is read with the portal user's own
    rights: the record rules give them their own records, the field gate of
    models/mentoring_portal_mixin.py the fields the forms print. Only the PDF renders with
    sudo(), after their read access is checked (models/mentoring_portal_document_mixin.py)."""

    def _mentoring_records(self):
        """The person's plans, agreements and meetings, as their rights let them read them."""
        env = request.env
        if not env.user._is_portal():
            # Staff use the back office; this page is for the people mentored.
            return {kind: env[model] for kind, model in KINDS.items()}
        return {
            "plan": env["mentoring.plan"].search([("state", "!=", "superseded")]),
            "agreement": env["mentoring.agreement"].search([("state", "!=", "superseded")]),
            "meeting": env["mentoring.encounter"].search([("state", "!=", "cancelled")]),
        }

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mentoring_count" in counters:
            values["mentoring_count"] = sum(len(r) for r in self._mentoring_records().values())
        return values

    def _mentoring_record(self, kind, record_id):
        """One of the person's records, or None when it is not theirs to read."""
        model = KINDS.get(kind)
        if not model or not request.env.user._is_portal():
            return None
        record = request.env[model].browse(record_id)
        try:
            record.check_access("read")
            record = record.exists()
        except (AccessError, MissingError):
            return None
        return record or None

    @http.route("/my/mentoring", type="http", auth="user", website=True)
    def portal_my_mentoring(self, **kw):
        records = self._mentoring_records()
        waiting = [
            r
            for kind in ("agreement", "plan", "meeting")
            for r in records[kind]
            if r.portal_waiting_for_mentee
        ]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mentoring",
                "waiting": waiting,
                "plans": records["plan"],
                "agreements": records["agreement"],
                "meetings": records["meeting"],
            }
        )
        return request.render("peer_mentoring.portal_my_mentoring", values)

    @http.route("/my/mentoring/<string:kind>/<int:record_id>", type="http", auth="user", website=True)
    def portal_my_mentoring_record(self, kind, record_id, **kw):
        record = self._mentoring_record(kind, record_id)
        if not record:
            return request.redirect("/my/mentoring")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mentoring_record",
                "kind": kind,
                "doc": record,
                "signed_now": kw.get("signed") == "1",
            }
        )
        return request.render(f"peer_mentoring.portal_mentoring_{kind}", values)

    @http.route(
        "/my/mentoring/<string:kind>/<int:record_id>/sign",
        type="jsonrpc",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_mentoring_sign(self, kind, record_id, name=None, signature=None):
        record = self._mentoring_record(kind, record_id)
        if not record:
            return {"error": request.env._("This record is not yours to sign.")}
        try:
            record.action_portal_sign(name, signature)
        except (AccessError, UserError) as error:
            return {"error": str(error)}
        return {"force_refresh": True, "redirect_url": f"/my/mentoring/{kind}/{record.id}?signed=1"}

    @http.route(
        "/my/mentoring/<string:kind>/<int:record_id>/download", type="http", auth="user", website=True
    )
    def portal_my_mentoring_download(self, kind, record_id, **kw):
        record = self._mentoring_record(kind, record_id)
        if not record:
            return request.redirect("/my/mentoring")
        content = record._portal_report_pdf()
        filename = re.sub(r"\W+", "_", record.display_name) + ".pdf"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )

    @http.route("/my/mentoring/everything", type="http", auth="user", website=True)
    def portal_my_mentoring_everything(self, **kw):
        """“Everything you hold about me”: every form of the person, each as its PDF, in one zip
        (superseded versions and cancelled meetings too: they are records about the person)."""
        if not request.env.user._is_portal():
            return request.redirect("/my")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for kind, model in KINDS.items():
                for record in request.env[model].search([]):
                    name = re.sub(r"\W+", "_", f"{kind} {record.id} {record.display_name}")
                    archive.writestr(f"{name}.pdf", record._portal_report_pdf())
        content = buffer.getvalue()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/zip"),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition("my_mentoring_records.zip")),
            ],
        )
