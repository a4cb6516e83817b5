from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from .portal import KINDS, MentoringPortal

# The person's own forms (evaluation of the mentor, feedback form) join their papers: the
# record page, the download and "Everything we hold about me" of controllers/portal.py.
KINDS["form"] = "mentoring.evaluation"


class MentoringPortalForms(MentoringPortal):
    """The person mentored fills in their own forms. Read with their own rights (rules of
    security/portal_evaluation_rules.xml); answers go through `action_portal_submit`."""

    def _mentoring_forms(self):
        if not request.env.user._is_portal():
            return request.env["mentoring.evaluation"]
        return request.env["mentoring.evaluation"].search([])

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mentoring_count" in counters:
            values["mentoring_count"] += len(self._mentoring_forms())
        return values

    @http.route()
    def portal_my_mentoring(self, **kw):
        response = super().portal_my_mentoring(**kw)
        forms = self._mentoring_forms()
        # Open forms first, then those sent.
        response.qcontext["forms"] = forms.sorted(lambda f: (not f.portal_waiting_for_mentee, f.id))
        return response

    @http.route()
    def portal_my_mentoring_record(self, kind, record_id, **kw):
        response = super().portal_my_mentoring_record(kind, record_id, **kw)
        if kind == "form" and getattr(response, "qcontext", None) is not None:
            response.qcontext["sent_now"] = kw.get("sent") == "1"
        return response

    @http.route(
        "/my/mentoring/form/<int:record_id>/submit",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_mentoring_form_submit(self, record_id, **post):
        record = self._mentoring_record("form", record_id)
        if not record:
            return request.redirect("/my/mentoring")
        values = {}
        for line in record.answer_ids:
            score = post.get(f"score_{line.id}")
            values[line.id] = {
                "score": int(score) if score and score.isdigit() else None,
                "answer": post.get(f"answer_{line.id}", ""),
            }
        try:
            record.action_portal_submit(values)
        except (AccessError, MissingError, UserError) as error:
            layout = self._prepare_portal_layout_values()
            layout.update(
                {
                    "page_name": "mentoring_record",
                    "kind": "form",
                    "doc": record,
                    "error": str(error),
                    "given": post,
                }
            )
            return request.render("peer_mentoring.portal_mentoring_form", layout)
        return request.redirect(f"/my/mentoring/form/{record.id}?sent=1")
