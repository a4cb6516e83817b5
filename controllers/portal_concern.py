from odoo import fields, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request


class MentoringPortalConcern(http.Controller):
    """“Tell us a worry”: the person mentored, or their representative, raises a safeguarding
    concern in plain words (models/mentoring_mentee_portal_concern.py). They see the receipt
    only: the concern is the safeguarding lead's to read."""

    def _concern_values(self, **extra):
        mentees = request.env["mentoring.mentee"]._portal_mentees_of_user()
        values = {
            "page_name": "mentoring_record",
            "page_title": "Tell us a worry",
            "mentees": mentees,
            "today": fields.Date.context_today(request.env.user),
        }
        values.update(extra)
        return values

    @http.route("/my/mentoring/worry", type="http", auth="user", website=True, methods=["GET"])
    def portal_mentoring_worry(self, **kw):
        values = self._concern_values()
        if not values["mentees"]:
            return request.redirect("/my")
        return request.render("peer_mentoring.portal_mentoring_worry", values)

    @http.route("/my/mentoring/worry", type="http", auth="user", website=True, methods=["POST"])
    def portal_mentoring_worry_send(self, **post):
        values = self._concern_values()
        mentees = values["mentees"]
        if not mentees:
            return request.redirect("/my")
        mentee_id = post.get("mentee_id")
        mentee = mentees.filtered(lambda m: str(m.id) == mentee_id) if len(mentees) > 1 else mentees
        try:
            if not mentee:
                raise UserError(request.env._("Choose who the worry is about."))
            reference = mentee._portal_raise_concern(
                post.get("choice"),
                post.get("description"),
                occurred_on=post.get("occurred_on") or None,
                danger=post.get("danger") == "yes",
            )
        except (AccessError, UserError, ValueError) as error:
            values.update({"error": str(error), "given": post})
            return request.render("peer_mentoring.portal_mentoring_worry", values)
        values.update({"reference": reference, "danger": post.get("danger") == "yes"})
        return request.render("peer_mentoring.portal_mentoring_worry_received", values)
