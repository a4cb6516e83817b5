import re

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import content_disposition, request

from .portal_mentor import MentoringPortalMentor

# /my/mentor/papers/<kind>/<id>: the papers of their matches a portal mentor signs.
PAPER_KINDS = {"plan": "mentoring.plan", "agreement": "mentoring.agreement"}


class MentoringPortalMentorRecords(MentoringPortalMentor):
    """The volunteer or carer mentor's own records on the portal: the papers of their matches
    to sign, their training records, their supervision sessions. Read with the portal user's
    own rights (security/portal_mentor_records_rules.xml, field gate of
    models/mentoring_portal_mixin.py); every change is an action method that checks who acts."""

    def _is_portal_mentor(self):
        return bool(request.env["mentoring.mentor"]._portal_mentor())

    def _mentor_papers(self):
        """The plans and agreements of the mentor's ongoing matches, as their rights read them."""
        mentor = request.env["mentoring.mentor"]._portal_mentor()
        return {
            # The record rules give the papers of the matches they mentor while ongoing.
            kind: request.env[model]
            .search([("state", "!=", "superseded")])
            .filtered(lambda r: r.sudo().mentor_id == mentor)
            for kind, model in PAPER_KINDS.items()
        }

    def _render(self, template, page_name, **values):
        return request.render(f"peer_mentoring.{template}", self._portal_mentor_values(page_name, **values))

    # ----------------------------------------------------------------- papers to sign

    def _mentor_paper(self, kind, record_id):
        """A paper of the mentor's ongoing matches, or None."""
        model = PAPER_KINDS.get(kind)
        mentor = request.env["mentoring.mentor"]._portal_mentor()
        if not model or not mentor:
            return None
        record = request.env[model].browse(record_id)
        try:
            record.check_access("read")
            record = record.exists()
        except (AccessError, MissingError):
            return None
        if not record or record.sudo().mentor_id != mentor:
            return None
        return record

    @http.route("/my/mentor/papers", type="http", auth="user", website=True)
    def portal_mentor_papers(self, **kw):
        if not self._is_portal_mentor():
            return request.redirect("/my")
        papers = self._mentor_papers()
        waiting = [r for kind in ("agreement", "plan") for r in papers[kind] if r.portal_waiting_for_mentor]
        return self._render(
            "portal_mentor_papers",
            "mentor_papers",
            waiting=waiting,
            plans=papers["plan"],
            agreements=papers["agreement"],
        )

    @http.route("/my/mentor/papers/<string:kind>/<int:record_id>", type="http", auth="user", website=True)
    def portal_mentor_paper(self, kind, record_id, **kw):
        record = self._mentor_paper(kind, record_id)
        if not record:
            return request.redirect("/my/mentor/papers")
        # The mentee portal's page of this paper, in the mentor's frame (who signs, where).
        return self._render(
            f"portal_mentoring_{kind}",
            "mentor_paper",
            kind=kind,
            doc=record,
            record_frame="peer_mentoring.portal_mentor_paper",
            signed_now=kw.get("signed") == "1",
        )

    @http.route(
        "/my/mentor/papers/<string:kind>/<int:record_id>/sign",
        type="jsonrpc",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_mentor_paper_sign(self, kind, record_id, name=None, signature=None):
        record = self._mentor_paper(kind, record_id)
        if not record:
            return {"error": request.env._("This paper is not yours to sign.")}
        try:
            record.action_portal_sign_as_mentor(name, signature)
        except (AccessError, UserError) as error:
            return {"error": str(error)}
        return {"force_refresh": True, "redirect_url": f"/my/mentor/papers/{kind}/{record.id}?signed=1"}

    @http.route(
        "/my/mentor/papers/<string:kind>/<int:record_id>/download", type="http", auth="user", website=True
    )
    def portal_mentor_paper_download(self, kind, record_id, **kw):
        record = self._mentor_paper(kind, record_id)
        if not record:
            return request.redirect("/my/mentor/papers")
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

    # ----------------------------------------------------------------- training

    @http.route("/my/mentor/training", type="http", auth="user", website=True)
    def portal_mentor_training(self, **kw):
        if not self._is_portal_mentor():
            return request.redirect("/my")
        return self._render(
            "portal_mentor_training",
            "mentor_training",
            trainings=request.env["mentoring.mentor.training"].search([]),
            added=kw.get("added") == "1",
        )

    @http.route("/my/mentor/training/new", type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_mentor_training_new(self, **post):
        if not self._is_portal_mentor():
            return request.redirect("/my")
        Training = request.env["mentoring.mentor.training"]
        error = None
        if request.httprequest.method == "POST":
            upload = request.httprequest.files.get("certificate")
            content = upload.read() if upload else b""
            try:
                with request.env.cr.savepoint():
                    Training.portal_add_training(
                        post,
                        certificate=content or None,
                        certificate_name=upload.filename if content else None,
                    )
            except (AccessError, UserError, ValidationError) as exc:
                error = str(exc)
            else:
                return request.redirect("/my/mentor/training?added=1")
        kinds = Training._fields["kind"]._description_selection(request.env)
        return self._render(
            "portal_mentor_training_new", "mentor_training_new", kinds=kinds, error=error, post=post
        )

    # ----------------------------------------------------------------- supervision

    @http.route("/my/mentor/supervision", type="http", auth="user", website=True)
    def portal_mentor_supervision(self, **kw):
        if not self._is_portal_mentor():
            return request.redirect("/my")
        lines = request.env["mentoring.supervision.attendee"].search([("session_state", "!=", "cancelled")])
        return self._render(
            "portal_mentor_supervision",
            "mentor_supervision",
            lines=lines.sorted(lambda line: line.session_date, reverse=True),
            confirmed=kw.get("confirmed"),
            error=kw.get("error") == "1",
        )

    @http.route(
        "/my/mentor/supervision/<int:line_id>/confirm",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_mentor_supervision_confirm(self, line_id, **kw):
        line = request.env["mentoring.supervision.attendee"].browse(line_id)
        try:
            line.action_portal_confirm_attendance()
        except (AccessError, MissingError, UserError):
            return request.redirect("/my/mentor/supervision?error=1")
        return request.redirect(f"/my/mentor/supervision?confirmed={line_id}#o_pm_line_{line_id}")
