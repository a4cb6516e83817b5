from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .mentoring_internship_certification import DECISION_ROLES

INTERNSHIP_STATES = [
    ("draft", "Draft"),
    ("in_progress", "In progress"),
    ("in_review", "In review"),
    ("passed", "Passed"),
    ("not_passed", "Not passed"),
]


class MentoringInternship(models.Model):
    """A peer mentor's supervised internship in one programme (seed 000): the time and activity
    log, its progress against the programme's certification rules, the evaluations, and the
    decision of the supervisor and of the oversight body that certifies the mentor."""

    _name = "mentoring.internship"
    _description = "Peer Mentor Internship"
    # New is offered only where the user has something to pick here (mentoring.new.offer.mixin).
    _new_record_needs = ("mentor_id", "program_id")
    _inherit = [
        "mentoring.guard.mixin",
        "mentoring.internship.certification",
        "mentoring.thread.mixin",
        "mail.activity.mixin",
        "mentoring.new.offer.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    # Who is judged, in which programme, and from which day its hours count: chosen while a
    # draft; once started, they move only with the internship's actions.
    _scope_fields = frozenset({"mentor_id", "program_id", "company_id", "date_start"})
    _scope_open_states = frozenset({"draft"})
    # In review the log and hours are what is judged: only the actions (decide, certify,
    # reopen) change it, and nothing decided or under review is deleted.
    _locked_states = frozenset({"in_review", "passed", "not_passed"})
    _protected_fields = frozenset(
        {
            "state",
            "evaluation_ids",
            "date_review",
            "certified_on",
            "renewal_due_on",
            *(
                f"{role}_{suffix}"
                for role, _label in DECISION_ROLES
                for suffix in ("decision", "decided_by_id", "decided_on", "decision_note")
            ),
        }
    )

    name = fields.Char(compute="_compute_name", store=True)
    mentor_id = fields.Many2one(
        "mentoring.mentor",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('state', 'in', ('applicant', 'intern'))]",
    )
    program_id = fields.Many2one(
        "mentoring.program",
        string="Programme",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain=[("user_is_coordinator", "=", True)],
    )
    # The user's company until a programme is chosen, so that the drop-downs (which keep to the
    # internship's company) offer something; the programme's check_company keeps the two equal.
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    supervisor_id = fields.Many2one(related="mentor_id.supervisor_id", string="Supervisor")
    rule_id = fields.Many2one(related="program_id.certification_rule_id", string="Certification rules")
    mentor_initials = fields.Char(compute="_compute_mentor_initials")
    state = fields.Selection(
        INTERNSHIP_STATES, default="draft", required=True, tracking=True, index=True, copy=False
    )
    date_start = fields.Date("Started on", tracking=True)
    date_end = fields.Date(
        "Planned end",
        tracking=True,
        help="When the internship is planned to end: mentee evaluations are proposed at its "
        "mid-point and two weeks before this date.",
    )
    date_review = fields.Date("Sent for review on", readonly=True, copy=False)
    line_ids = fields.One2many("mentoring.internship.line", "internship_id", string="Time and activity log")
    evaluation_ids = fields.One2many("mentoring.evaluation", "internship_id", string="Evaluations")
    # Progress against the rules. Not stored: meetings confirmed or cancelled elsewhere count at once.
    logged_hours = fields.Float("Hours logged by hand", compute="_compute_hours")
    meeting_hours = fields.Float(
        "Hours of confirmed meetings",
        compute="_compute_hours",
        help="The intern's confirmed meetings with their mentees in this programme, from the "
        "start of the internship: each counts once, as face-to-face mentoring.",
    )
    total_hours = fields.Float(compute="_compute_hours")
    face_to_face_hours = fields.Float("Face-to-face mentoring hours", compute="_compute_hours")
    face_to_face_share = fields.Float("Face-to-face share (%)", compute="_compute_hours")
    required_hours = fields.Float(
        "Hours required", related="program_id.certification_rule_id.internship_hours"
    )
    required_share = fields.Float(
        "Face-to-face share required (%)", related="program_id.certification_rule_id.min_face_to_face_share"
    )
    hours_progress = fields.Float("Hours done (%)", compute="_compute_hours")
    hours_met = fields.Boolean(compute="_compute_hours")
    share_met = fields.Boolean(compute="_compute_hours")
    performance_evaluation_id = fields.Many2one(
        "mentoring.evaluation",
        string="Performance evaluation",
        compute="_compute_performance_evaluation_id",
        help="The latest completed internship performance evaluation by the supervisor.",
    )
    performance_score = fields.Float(compute="_compute_performance_evaluation_id")
    # What the current user may do on this internship, for the form's buttons.
    user_role = fields.Selection(
        [("supervisor", "Supervisor"), ("coordinator", "Coordinator"), ("oversight", "Oversight body")],
        compute="_compute_user_role",
    )

    _one_per_mentor_and_programme = models.Constraint(
        "UNIQUE(mentor_id, program_id)", "A mentor has one internship per programme."
    )
    _dates_ordered = models.Constraint(
        "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
        "The planned end of an internship must be on or after its start.",
    )

    @api.depends("mentor_id.name", "program_id.name")
    def _compute_name(self):
        for internship in self:
            internship.name = self.env._(
                "Internship of %(mentor)s (%(program)s)",
                mentor=internship.mentor_id.name or "",
                program=internship.program_id.name or "",
            )

    @api.depends("mentor_id.name")
    def _compute_mentor_initials(self):
        for internship in self:
            words = (internship.mentor_id.name or "").split()
            internship.mentor_initials = "".join(word[0] for word in words).upper()

    @api.depends(
        "line_ids.hours",
        "line_ids.activity_id",
        "date_start",
        "date_review",
        "required_hours",
        "required_share",
    )
    def _compute_hours(self):
        meetings = self._meeting_hours()
        for internship in self:
            lines = internship.line_ids
            logged = sum(lines.mapped("hours"))
            face_to_face = sum(lines.filtered("activity_id.is_face_to_face").mapped("hours"))
            met = sum(meetings.get(internship.id, {}).values())
            total = logged + met
            internship.logged_hours = logged
            internship.meeting_hours = met
            internship.total_hours = total
            internship.face_to_face_hours = face_to_face + met
            internship.face_to_face_share = 100.0 * (face_to_face + met) / total if total else 0.0
            required = internship.required_hours
            internship.hours_progress = min(100.0, 100.0 * total / required) if required else 100.0
            internship.hours_met = total >= required
            internship.share_met = internship.face_to_face_share >= internship.required_share

    def _meeting_window(self):
        """The days whose meetings count: from the start until it was sent for review."""
        self.ensure_one()
        return self.date_start, self.date_review or fields.Date.context_today(self)

    def _meeting_domain(self):
        self.ensure_one()
        first, last = self._meeting_window()
        return [
            ("mentor_id", "=", self.mentor_id.id),
            ("program_id", "=", self.program_id.id),
            ("state", "=", "confirmed"),
            ("date", ">=", first),
            ("date", "<=", last),
        ]

    def _meeting_hours(self):
        """{internship id: {'individual': hours, 'group': hours}} of confirmed meetings. The
        intern's supervisor, the coordinator and the oversight body see the hours, not the
        meetings: read with sudo, summed, nothing else leaves here."""
        result = {}
        Encounter = self.env["mentoring.encounter"].sudo()
        for internship in self.filtered(lambda i: i.id and i.date_start and i.state != "draft"):
            groups = Encounter._read_group(
                internship._meeting_domain(), ["is_group_session"], ["duration_minutes:sum"]
            )
            result[internship.id] = {
                "group" if is_group else "individual": minutes / 60.0 for is_group, minutes in groups
            }
        return result

    def _meeting_log_rows(self):
        """The confirmed meetings as rows of the paper log: date, activity, hours, initials.
        No mentee, place or content: the log goes to the oversight body."""
        self.ensure_one()
        if not self.date_start or self.state == "draft":
            return []
        Activity = self.env["mentoring.internship.activity"].sudo()
        activities = {
            kind: Activity.search([("from_meetings", "=", kind)], limit=1).name or kind
            for kind in ("individual", "group")
        }
        meetings = (
            self.env["mentoring.encounter"].sudo().search(self._meeting_domain(), order="date, start_time")
        )
        return [
            {
                "date": meeting.date,
                "activity": activities["group" if meeting.is_group_session else "individual"],
                "hours": meeting.duration_minutes / 60.0,
                "initials": self.mentor_initials,
                "from_meeting": True,
            }
            for meeting in meetings
        ]

    def _log_rows(self):
        """Every row of the time and activity log, hand-logged and from meetings, by date."""
        self.ensure_one()
        rows = [
            {
                "date": line.date,
                "activity": line.activity_id.name,
                "hours": line.hours,
                "initials": line.initials,
                "from_meeting": False,
            }
            for line in self.line_ids
        ]
        return sorted(rows + self._meeting_log_rows(), key=lambda row: row["date"])

    @api.depends("evaluation_ids.state", "evaluation_ids.kind", "evaluation_ids.average_score")
    def _compute_performance_evaluation_id(self):
        for internship in self:
            done = internship.sudo().evaluation_ids.filtered(
                lambda e: e.kind == "internship_performance" and e.state == "done"
            )
            latest = done.sorted(lambda e: (e.date, e.id))[-1:]
            internship.performance_evaluation_id = latest.with_env(internship.env)
            internship.performance_score = latest.average_score

    @api.depends_context("uid")
    def _compute_user_role(self):
        for internship in self:
            if internship._user_is_supervisor():
                internship.user_role = "supervisor"
            elif internship._user_is_oversight():
                internship.user_role = "oversight"
            elif internship.program_id._user_coordinates():
                internship.user_role = "coordinator"
            else:
                internship.user_role = False

    # Who acts ------------------------------------------------------------------------------

    def _user_is_supervisor(self):
        self.ensure_one()
        supervisor = self.sudo().mentor_id.supervisor_id
        return bool(supervisor.user_id) and supervisor.user_id == self.env.user

    def _user_is_oversight(self):
        self.ensure_one()
        user = self.env.user
        return (
            user.has_group("peer_mentoring.group_oversight")
            and user in self.sudo().program_id.oversight_user_ids
        )

    def _check_may_run(self, action, supervisor=True, coordinator=True, oversight=False):
        for internship in self:
            intern = internship.sudo().mentor_id.user_id
            allowed = not (intern and intern == self.env.user) and (
                (supervisor and internship._user_is_supervisor())
                or (coordinator and internship.program_id._user_acts_for(intern))
                or (oversight and internship._user_is_oversight())
            )
            if not allowed:
                who = [
                    label
                    for label, flag in (
                        (self.env._("the mentor's supervisor"), supervisor),
                        (self.env._("a coordinator of the programme"), coordinator),
                        (self.env._("the programme's oversight body"), oversight),
                    )
                    if flag
                ]
                raise UserError(
                    self.env._(
                        "Only %(who)s can %(action)s.", who=self.env._(" or ").join(who), action=action
                    )
                )

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda i: i.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "You cannot %(action)s %(names)s in its current status.",
                    action=action,
                    names=", ".join(wrong.mapped("name")),
                )
            )

    def _write_as_actor(self, vals):
        """Protected values written by an action method after it checked who acts (the
        oversight body and a supervisor record decisions without write access to the record)."""
        return self.sudo().write(vals)

    # Actions ---------------------------------------------------------------------------------

    def action_start(self):
        self._check_state(("draft",), self.env._("start"))
        self._check_may_run(self.env._("start an internship"), supervisor=False)
        return self._start()

    def _start(self):
        """Start these draft internships today (or on their start date): the caller checked who
        acts (the button, or HR's Make peer mentor as an intern)."""
        for internship in self:
            if not internship.rule_id:
                raise UserError(
                    self.env._(
                        "Choose the certification rules of %(program)s first: they say how many hours "
                        "the internship takes.",
                        program=internship.program_id.name,
                    )
                )
            if internship.mentor_id.state == "applicant":
                internship.mentor_id.action_start_internship()
            elif internship.mentor_id.state != "intern":
                raise UserError(
                    self.env._(
                        "%(mentor)s is not an applicant or an intern.", mentor=internship.mentor_id.name
                    )
                )
            today = fields.Date.context_today(self)
            start = internship.date_start or today
            internship._write_as_actor(
                {
                    "state": "in_progress",
                    "date_start": start,
                    "date_end": internship.date_end or start + relativedelta(months=6),
                }
            )
        return True

    def action_send_for_review(self):
        """The log is complete: its lines are locked and the decision can be recorded."""
        self._check_state(("in_progress",), self.env._("send for review"))
        self._check_may_run(self.env._("send an internship for review"))
        self.line_ids._lock()
        self._write_as_actor({"state": "in_review", "date_review": fields.Date.context_today(self)})
        return True

    def action_reopen(self):
        self._check_state(("in_review", "not_passed"), self.env._("reopen"))
        self._check_may_run(self.env._("reopen an internship"))
        vals = {"state": "in_progress", "date_review": False}
        for role, _label in DECISION_ROLES:
            vals.update(
                {
                    f"{role}_decision": False,
                    f"{role}_decided_by_id": False,
                    f"{role}_decided_on": False,
                    f"{role}_decision_note": False,
                }
            )
        self._write_as_actor(vals)
        return True

    def action_lock_lines(self):
        """The supervisor has reviewed the log so far: those lines no longer change."""
        self._check_state(("in_progress", "in_review"), self.env._("lock the log"))
        self._check_may_run(self.env._("lock the log"), coordinator=False)
        self.line_ids._lock()
        return True

    # Evaluations -----------------------------------------------------------------------------

    def _new_evaluation(self, kind, **vals):
        self.ensure_one()
        template = self.env["mentoring.evaluation.template"]._default_for(kind, self.company_id)
        evaluation = self.env["mentoring.evaluation"].create(
            {"template_id": template.id, "internship_id": self.id, **vals}
        )
        return evaluation._action_open()

    def action_new_performance_evaluation(self):
        self._check_state(("in_progress", "in_review"), self.env._("evaluate"))
        self._check_may_run(self.env._("write the internship performance evaluation"), coordinator=False)
        return self._new_evaluation("internship_performance")

    def action_new_exit_interview_mentor(self):
        self._check_state(("in_review", "passed", "not_passed"), self.env._("interview"))
        self._check_may_run(
            self.env._("hold an exit interview"), supervisor=False, coordinator=False, oversight=True
        )
        return self._new_evaluation("exit_mentor")

    def action_new_exit_interview_supervisor(self):
        self._check_state(("in_review", "passed", "not_passed"), self.env._("interview"))
        self._check_may_run(
            self.env._("hold an exit interview"), supervisor=False, coordinator=False, oversight=True
        )
        return self._new_evaluation("exit_supervisor")

    def action_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("peer_mentoring.mentoring_evaluation_action")
        action["domain"] = [("internship_id", "=", self.id)]
        action["context"] = {}
        return action

    @api.model
    def _new_record_unavailable_help(self):
        return self.env._(
            "A coordinator opens an internship for an applicant or intern peer mentor of a "
            "programme they coordinate, and there is none. Add the applicant as a mentor of the "
            "programme first (People menu)."
        )
