from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .mentoring_encounter import _hhmm

DECISIONS = [("passed", "Passed"), ("not_passed", "Not passed")]
# Who records a part of the certification decision.
DECISION_ROLES = [("supervisor", "Supervisor"), ("oversight", "Oversight body")]


class MentoringInternshipCertification(models.AbstractModel):
    """The certification decision on an internship: the supervisor's and the oversight body's
    part, the conditions that must all hold, and the certification that follows."""

    _name = "mentoring.internship.certification"
    _description = "Internship Certification Decision"

    supervisor_decision = fields.Selection(DECISIONS, tracking=True, copy=False)
    supervisor_decided_by_id = fields.Many2one(
        "res.users", string="Supervisor's decision by", readonly=True, copy=False
    )
    supervisor_decided_on = fields.Date("Supervisor's decision on", readonly=True, copy=False)
    supervisor_decision_note = fields.Text("Supervisor's comments", readonly=True, copy=False)
    oversight_decision = fields.Selection(
        DECISIONS, string="Oversight body's decision", tracking=True, copy=False
    )
    oversight_decided_by_id = fields.Many2one(
        "res.users", string="Oversight decision by", readonly=True, copy=False
    )
    oversight_decided_on = fields.Date("Oversight decision on", readonly=True, copy=False)
    oversight_decision_note = fields.Text("Oversight body's comments", readonly=True, copy=False)
    certified_on = fields.Date(readonly=True, copy=False, tracking=True)
    renewal_due_on = fields.Date(
        "Renewal due on",
        readonly=True,
        copy=False,
        tracking=True,
        help="The end of the first certification cycle.",
    )

    def action_open_decision(self):
        self.ensure_one()
        role = "supervisor" if self._user_is_supervisor() else "oversight"
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record the decision"),
            "res_model": "mentoring.internship.decision",
            "view_mode": "form",
            "target": "new",
            "context": {"default_internship_id": self.id, "default_role": role},
        }

    def _record_decision(self, role, decision, note=""):
        """The supervisor's or the oversight body's part of the decision. A "not passed" ends the
        internship as not passed; the second "passed" certifies the mentor, if every condition
        is met (otherwise nothing is recorded and the message says what is missing)."""
        self.ensure_one()
        if role not in dict(DECISION_ROLES) or decision not in dict(DECISIONS):
            raise UserError(self.env._("Choose passed or not passed."))
        self._check_state(("in_review",), self.env._("record a decision on"))
        if role == "supervisor":
            self._check_may_run(self.env._("record the supervisor's decision"), coordinator=False)
        else:
            self._check_may_run(
                self.env._("record the oversight body's decision"),
                supervisor=False,
                coordinator=False,
                oversight=True,
            )
        other = "oversight" if role == "supervisor" else "supervisor"
        certifies = decision == "passed" and self[f"{other}_decision"] == "passed"
        if certifies:
            # Refused before anything is written: the decision stands only with the certification.
            self._raise_certification_problems(deciding=role)
        self._write_as_actor(
            {
                f"{role}_decision": decision,
                f"{role}_decided_by_id": self.env.uid,
                f"{role}_decided_on": fields.Date.context_today(self),
                f"{role}_decision_note": note,
            }
        )
        label = dict(DECISION_ROLES)[role]
        self.sudo().message_post(
            body=self.env._(
                "%(role)s's decision: %(decision)s (%(user)s).%(note)s",
                role=label,
                decision=dict(DECISIONS)[decision].lower(),
                user=self.env.user.name,
                note=f" {note}" if note else "",
            )
        )
        if decision == "not_passed":
            self._write_as_actor({"state": "not_passed"})
        elif certifies:
            self._certify()
        return True

    def action_certify(self):
        self._check_state(("in_review",), self.env._("certify"))
        self._check_may_run(self.env._("certify after an internship"), oversight=True)
        for internship in self:
            internship._certify()
        return True

    # Certification ---------------------------------------------------------------------------

    def _as_hours(self, hours):
        """Hours as hours and minutes (54:30), the one way the log, the form and the file show them."""
        return _hhmm(hours)

    def _certification_problems(self, deciding=None):
        """What still stands between this internship and certification, in plain words; the
        role `deciding` is recording its "passed" now."""
        self.ensure_one()
        problems = []
        if self.total_hours < self.required_hours:
            problems.append(
                self.env._(
                    "The log is not complete: %(done)s of %(required)s internship hours.",
                    done=self._as_hours(self.total_hours),
                    required=self._as_hours(self.required_hours),
                )
            )
        if not self.share_met:
            problems.append(
                self.env._(
                    "Face-to-face mentoring is %(share)s%% of the hours; the rules ask at least %(required)s%%.",
                    share=f"{self.face_to_face_share:.1f}",
                    required=f"{self.required_share:g}",
                )
            )
        evaluation = self.performance_evaluation_id.sudo()
        if not evaluation:
            problems.append(
                self.env._("The supervisor's internship performance evaluation is not completed.")
            )
        elif not evaluation.passed:
            problems.append(
                self.env._(
                    "The internship performance evaluation scores %(score)s, below the pass mark of %(threshold)s.",
                    score=f"{evaluation.average_score:.2f}",
                    threshold=f"{evaluation.pass_threshold:g}",
                )
            )
        if self.supervisor_decision != "passed" and deciding != "supervisor":
            problems.append(self.env._("The supervisor has not recorded that the internship is passed."))
        if self.oversight_decision != "passed" and deciding != "oversight":
            problems.append(self.env._("The oversight body has not recorded that the internship is passed."))
        mentor = self.sudo().mentor_id
        if mentor.state != "intern":
            problems.append(self.env._("%(mentor)s is not an intern.", mentor=mentor.name))
        if not mentor.ethics_ack_date:
            problems.append(
                self.env._(
                    "Record the date on which %(mentor)s acknowledged the code of ethics.", mentor=mentor.name
                )
            )
        return problems

    def _raise_certification_problems(self, deciding=None):
        problems = self._certification_problems(deciding=deciding)
        if problems:
            raise UserError(
                self.env._(
                    "%(mentor)s cannot be certified yet:\n%(problems)s",
                    mentor=self.sudo().mentor_id.name,
                    problems="\n".join(f"- {problem}" for problem in problems),
                )
            )

    def _certify(self):
        self.ensure_one()
        self._raise_certification_problems()
        today = fields.Date.context_today(self)
        months = self.rule_id.sudo().cycle_months
        renewal = today + relativedelta(months=months) if months else False
        # The decision was checked above (who acts, every condition): the mentor's status
        # follows it, through the mentor's own status method, which writes the credential row.
        mentor = self.mentor_id.sudo()
        mentor._set_state("certified", allowed_from=("intern",))
        self._write_as_actor({"state": "passed", "certified_on": today, "renewal_due_on": renewal})
        body = self.env._(
            "Certified on %(date)s after the internship, decided by %(supervisor)s (supervisor, "
            "%(supervisor_on)s) and %(oversight)s (oversight body, %(oversight_on)s). Renewal due "
            "on %(renewal)s.",
            date=format_date(self.env, today),
            supervisor=self.supervisor_decided_by_id.name,
            supervisor_on=format_date(self.env, self.supervisor_decided_on),
            oversight=self.oversight_decided_by_id.name,
            oversight_on=format_date(self.env, self.oversight_decided_on),
            renewal=format_date(self.env, renewal) if renewal else self.env._("(no cycle set)"),
        )
        self.sudo().message_post(body=body)
        mentor.message_post(body=body)
