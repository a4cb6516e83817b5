from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

PERIODS = [("mid", "Mid-point"), ("end", "End")]
# Kinds about one mentee and their mentor: they belong to a match.
MATCH_KINDS = ("mentee_evaluation", "feedback_mentor", "feedback_mentee")
# End-of-internship evaluations by mentees are proposed this long before the planned end.
END_EVALUATION_NOTICE = timedelta(days=14)
FEEDBACK_KINDS = ("feedback_mentor", "feedback_mentee")


class MentoringEvaluation(models.Model):
    """One filled-in evaluation form: an internship performance evaluation, a mentee's
    evaluation of their peer mentor, an exit interview, a feedback form at the end of a match.

    Who reads which kind is in security/internship_rules.xml: a mentee's evaluation of their
    mentor is read by the supervisor, the coordinator, managers and the oversight body, never
    by the mentor evaluated, other mentors, finance or HR."""

    _name = "mentoring.evaluation"
    _description = "Evaluation"
    _inherit = ["mentoring.guard.mixin", "mentoring.thread.mixin", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _protected_fields = frozenset({"state", "completed_by_id", "completed_on"})
    _scope_fields = frozenset({"template_id", "internship_id", "match_id"})
    _locked_states = frozenset({"done"})

    name = fields.Char(compute="_compute_name", store=True)
    template_id = fields.Many2one("mentoring.evaluation.template", string="Form", required=True, index=True)
    kind = fields.Selection(related="template_id.kind", store=True, index=True)
    internship_id = fields.Many2one("mentoring.internship", index=True, ondelete="cascade")
    # Only the agency's mentoring roles see which match; the oversight body reads the mentee's
    # name the form prints, not the match.
    match_id = fields.Many2one("mentoring.match", index=True, groups="peer_mentoring.group_mentor")
    mentor_id = fields.Many2one(
        "mentoring.mentor", compute="_compute_parties", store=True, index=True, string="Peer mentor"
    )
    program_id = fields.Many2one("mentoring.program", compute="_compute_parties", store=True, index=True)
    company_id = fields.Many2one("res.company", compute="_compute_parties", store=True, index=True)
    mentee_name = fields.Char("Mentee", compute="_compute_mentee_name")
    supervisor_name = fields.Char("Supervisor", compute="_compute_mentee_name")
    period = fields.Selection(
        PERIODS, help="For evaluations by mentees: at mid-point or end of the internship."
    )
    date = fields.Date(default=fields.Date.context_today, required=True)
    state = fields.Selection(
        [("draft", "To fill in"), ("done", "Completed")], default="draft", required=True, tracking=True
    )
    completed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    completed_on = fields.Date(readonly=True, copy=False)
    answer_ids = fields.One2many("mentoring.evaluation.answer", "evaluation_id", string="Answers", copy=True)
    scale_min = fields.Integer(related="template_id.scale_min")
    scale_max = fields.Integer(related="template_id.scale_max")
    pass_threshold = fields.Float(related="template_id.pass_threshold")
    average_score = fields.Float(compute="_compute_score", store=True, aggregator="avg")
    passed = fields.Boolean(compute="_compute_score", store=True)

    @api.depends("template_id.name", "mentor_id.name", "period")
    def _compute_name(self):
        periods = dict(PERIODS)
        for evaluation in self:
            parts = [evaluation.template_id.name or "", evaluation.mentor_id.name or ""]
            if evaluation.period:
                parts.append(periods[evaluation.period])
            evaluation.name = " – ".join(part for part in parts if part)

    @api.depends("internship_id", "match_id")
    def _compute_parties(self):
        for evaluation in self:
            parent = evaluation.internship_id or evaluation.match_id
            evaluation.mentor_id = parent.mentor_id
            evaluation.program_id = parent.program_id
            evaluation.company_id = parent.company_id

    @api.depends("match_id", "kind")
    def _compute_mentee_name(self):
        # The name printed on the form, for whoever may read the form (not the mentee's record).
        for evaluation in self.sudo():
            evaluation.mentee_name = evaluation.kind in MATCH_KINDS and evaluation.match_id.mentee_id.name
            evaluation.supervisor_name = evaluation.mentor_id.supervisor_id.name or False

    @api.depends("answer_ids.score", "answer_ids.answer_type", "pass_threshold")
    def _compute_score(self):
        for evaluation in self:
            scores = [a.score for a in evaluation.answer_ids if a.answer_type == "score" and a.score]
            evaluation.average_score = sum(scores) / len(scores) if scores else 0.0
            threshold = evaluation.pass_threshold
            evaluation.passed = bool(scores) and (not threshold or evaluation.average_score >= threshold)

    @api.constrains("kind", "internship_id", "match_id")
    def _check_belongs(self):
        for evaluation in self.sudo():
            if evaluation.kind in MATCH_KINDS and not evaluation.match_id:
                raise ValidationError(self.env._("Choose the match (mentor and mentee) this form is about."))
            if evaluation.kind not in MATCH_KINDS and not evaluation.internship_id:
                raise ValidationError(self.env._("Choose the internship this form is about."))
            internship, match = evaluation.internship_id, evaluation.match_id
            if internship and match and internship.mentor_id != match.mentor_id:
                raise ValidationError(self.env._("The mentee must be one of the intern's mentees."))

    @api.model_create_multi
    def create(self, vals_list):
        Template = self.env["mentoring.evaluation.template"]
        for vals in vals_list:
            if vals.get("template_id") and not vals.get("answer_ids"):
                questions = Template.browse(vals["template_id"]).question_ids
                vals["answer_ids"] = [
                    fields.Command.create({"question_id": q.id, "sequence": q.sequence}) for q in questions
                ]
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and {"template_id", "internship_id", "match_id"} & set(vals):
            raise UserError(self.env._("An evaluation keeps its form and what it is about: start a new one."))
        if not self.env.su and any(evaluation.state != "draft" for evaluation in self):
            if set(vals) - {"activity_ids", "message_follower_ids"}:
                raise UserError(self.env._("This evaluation is completed: it stays as it was."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(evaluation.state == "done" for evaluation in self):
            raise UserError(self.env._("A completed evaluation is part of the record and cannot be deleted."))

    def _action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_done(self):
        for evaluation in self:
            if evaluation.state != "draft":
                raise UserError(self.env._("This evaluation is already completed."))
            low, high = evaluation.scale_min, evaluation.scale_max
            missing = evaluation.answer_ids.filtered(lambda a: a.answer_type == "score" and not a.score)
            if missing:
                raise UserError(
                    self.env._(
                        "Give a score from %(low)s to %(high)s for: %(criteria)s.",
                        low=low,
                        high=high,
                        criteria="; ".join(missing.mapped("question")),
                    )
                )
        self._write_checked(
            {
                "state": "done",
                "completed_by_id": self.env.uid,
                "completed_on": fields.Date.context_today(self),
            }
        )
        self.activity_ids.sudo().action_feedback(feedback=self.env._("Completed"))
        return True

    def action_reopen(self):
        closed = self.sudo().internship_id.filtered(lambda i: i.state in ("passed", "not_passed"))
        if closed:
            raise UserError(self.env._("The internship is decided: its evaluations stay as they were."))
        self._write_checked({"state": "draft", "completed_by_id": False, "completed_on": False})
        return True

    # Proposed when due ------------------------------------------------------------------------

    @api.model
    def _cron_propose_evaluations(self):
        """Mentee evaluations at the mid-point and near the end of each internship in progress
        (one per mentee of the intern), and feedback forms when a match of a programme that asks
        for them has closed. Each comes with a to-do for whoever fills it in."""
        today = fields.Date.context_today(self)
        Checkpoint = self.env["mentoring.job.checkpoint"]
        Checkpoint._run_in_batches(
            "propose_mentee_evaluations",
            self.env["mentoring.internship"],
            [
                ("state", "=", "in_progress"),
                ("date_start", "<=", today),
                ("date_end", "!=", False),
            ],
            lambda internships: self._propose_due_mentee_evaluations(internships, today),
        )
        Checkpoint._run_in_batches(
            "propose_feedback_forms",
            self.env["mentoring.match"],
            Domain([("state", "=", "closed"), ("program_id.ask_end_feedback", "=", True)])
            & Domain.custom(to_sql=_lacks_a_feedback_form),
            self._propose_feedback_forms_of,
        )

    def _propose_due_mentee_evaluations(self, internships, today):
        """Each evaluation is made once (a batch looked at again makes none)."""
        for internship in internships:
            midpoint = internship.date_start + (internship.date_end - internship.date_start) / 2
            for period, due in (("mid", midpoint), ("end", internship.date_end - END_EVALUATION_NOTICE)):
                if today >= due:
                    self._propose_mentee_evaluations(internship, period)

    def _propose_mentee_evaluations(self, internship, period):
        Match = self.env["mentoring.match"]
        matches = Match.search(
            [
                ("mentor_id", "=", internship.mentor_id.id),
                ("program_id", "=", internship.program_id.id),
                ("state", "in", ("introduced", "active", "on_hold")),
            ]
        )
        done = self.search(
            [
                ("internship_id", "=", internship.id),
                ("kind", "=", "mentee_evaluation"),
                ("period", "=", period),
            ]
        ).match_id
        template = self.env["mentoring.evaluation.template"]._default_for(
            "mentee_evaluation", internship.company_id
        )
        responsible = internship.supervisor_id.user_id or internship.program_id.coordinator_ids[:1]
        for match in matches - done:
            evaluation = self.create(
                {
                    "template_id": template.id,
                    "internship_id": internship.id,
                    "match_id": match.id,
                    "period": period,
                }
            )
            evaluation._schedule_todo(responsible, self.env._("Go through this evaluation with the mentee"))

    def _propose_feedback_forms_of(self, matches):
        for match in matches:
            self._propose_feedback_forms(match)

    def _propose_feedback_forms(self, match):
        existing = self.search([("match_id", "=", match.id), ("kind", "in", FEEDBACK_KINDS)])
        Template = self.env["mentoring.evaluation.template"]
        for kind, responsible in (
            ("feedback_mentor", match.mentor_id.user_id),
            ("feedback_mentee", match.coordinator_id or match.program_id.coordinator_ids[:1]),
        ):
            if kind in existing.mapped("kind"):
                continue
            template = Template._default_for(kind, match.company_id)
            evaluation = self.create({"template_id": template.id, "match_id": match.id})
            evaluation._schedule_todo(responsible, self.env._("Fill in the feedback form"))

    def _schedule_todo(self, user, note):
        # The summary names the form only: activities travel into notifications.
        if user:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.template_id.name,
                note=note,
                user_id=user.id,
            )


def _lacks_a_feedback_form(model, alias, query):
    """A closed match still missing the mentor's or the mentee's feedback form."""
    return SQL(
        "(SELECT count(DISTINCT e.kind) FROM mentoring_evaluation e WHERE e.match_id = %s AND e.kind IN %s) < %s",
        SQL.identifier(alias, "id"),
        FEEDBACK_KINDS,
        len(FEEDBACK_KINDS),
    )
