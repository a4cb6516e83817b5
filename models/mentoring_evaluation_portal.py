from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.http import request

# The forms the person mentored fills in about their mentoring: never read by the mentor.
PORTAL_KINDS = ("mentee_evaluation", "feedback_mentee")


class MentoringEvaluation(models.Model):
    """The person mentored fills in their own evaluation of the mentor or feedback form on the
    portal, where the programme allows it (`portal_evaluations`). The portal rules
    (security/portal_evaluation_rules.xml) give them their own forms of those kinds only; the
    field gate the fields the form prints. They answer only through `action_portal_submit`,
    which checks who acts, writes with sudo() and completes the form: submitted, it is locked."""

    _name = "mentoring.evaluation"
    _inherit = ["mentoring.evaluation", "mentoring.portal.mixin"]
    _portal_kind = "form"
    _portal_report = "peer_mentoring.mentoring_evaluation_report"
    _portal_fields = frozenset(
        {
            "name",
            "kind",
            "state",
            "period",
            "date",
            "completed_on",
            "answer_ids",
            "scale_min",
            "scale_max",
            "mentee_name",
            "mentor_name",
            "form_title",
            "form_instructions",
            "form_scale_legend",
            "company_id",
            "portal_waiting_for_mentee",
        }
    )

    mentor_name = fields.Char("Mentor's name", compute="_compute_mentor_name")
    form_title = fields.Char(related="template_id.name", string="Form title")
    form_instructions = fields.Text(related="template_id.instructions", string="Form instructions")
    form_scale_legend = fields.Char(related="template_id.scale_legend", string="What the scores mean")
    portal_waiting_for_mentee = fields.Boolean(
        "Waiting for the mentee's answers", compute="_compute_portal_waiting_for_mentee"
    )

    def _compute_mentor_name(self):
        for evaluation in self:
            evaluation.mentor_name = evaluation.sudo().mentor_id.name

    @api.depends("state", "kind")
    def _compute_portal_waiting_for_mentee(self):
        for evaluation in self:
            evaluation.portal_waiting_for_mentee = evaluation.sudo()._portal_open_to_mentee()

    def _portal_open_to_mentee(self):
        return self.state == "draft" and self.kind in PORTAL_KINDS and self.program_id.portal_evaluations

    def _portal_check_is_the_mentee(self):
        """The acting user is the portal user of this form's mentee (or represents them)."""
        self.ensure_one()
        user = self.env.user
        if self.env.su or not user._is_portal():
            raise AccessError(self.env._("Only the person mentored answers here, with their own login."))
        self.check_access("read")
        if user.partner_id not in self.sudo().match_id.mentee_id._portal_partners():
            raise AccessError(self.env._("You can fill in only your own forms."))

    def action_portal_submit(self, values):
        """The person mentored sends their answers: `values` maps an answer id to
        {"score": int or None, "answer": text}. Every score is needed; then the form is
        completed and locked, with their name on it."""
        self.ensure_one()
        self._portal_check_is_the_mentee()
        record = self.sudo()
        if not record._portal_open_to_mentee():
            raise UserError(self.env._("This form is closed. You cannot change it now."))
        answers = record.answer_ids
        if set(values) - set(answers.ids):
            raise AccessError(self.env._("These answers are not on your form."))
        missing = []
        for answer in answers:
            given = values.get(answer.id) or {}
            if answer.answer_type == "score":
                score = given.get("score")
                if not score or not record.scale_min <= score <= record.scale_max:
                    missing.append(answer.question)
                    continue
                answer.write({"score": score})
            else:
                answer.write({"answer": (given.get("answer") or "").strip()[:5000]})
        if missing:
            raise UserError(
                self.env._(
                    "Choose an answer for each question. Still to answer: %(questions)s",
                    questions="; ".join(missing),
                )
            )
        record.action_done()
        where = request.httprequest.remote_addr if request else False
        record.message_post(
            body=self.env._(
                "Filled in and sent by %(name)s on the portal with their own login%(where)s.",
                name=self.env.user.partner_id.name,
                where=self.env._(" (from %(ip)s)", ip=where) if where else "",
            ),
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        return True

    def action_portal_sign(self, name, signature):
        raise UserError(self.env._("A form is sent, not signed."))

    def _portal_report_pdf(self):
        """The form as printed, for the person who filled it in (read access checked first)."""
        self.check_access("read")
        report = self.env.ref(self._portal_report).sudo()
        content, _type = report._render_qweb_pdf(report.report_name, self.ids)
        return content
