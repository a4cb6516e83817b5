from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mentoring_guard_mixin import BOOKKEEPING_PREFIXES
from .mentoring_mentor import ONGOING_MATCH_STATES

CHECKIN_PARTIES = [("mentor", "Mentor"), ("mentee", "Mentee"), ("guardian", "Guardian")]
CHECKIN_METHODS = [
    ("phone", "Phone"),
    ("in_person", "In person"),
    ("video", "Video"),
    ("message", "Message"),
]
RELATIONSHIP_SCALE = [
    ("5", "Very well"),
    ("4", "Well"),
    ("3", "Some ups and downs"),
    ("2", "Struggling"),
    ("1", "Not working"),
]
YES_NO = [("no", "No"), ("yes", "Yes")]
# What recording asks for: the standard questions, each answered.
REQUIRED_ANSWERS = ("date", "duration_minutes", "method", "relationship_rating", "safety_concern")


class MentoringCheckin(models.Model):
    """A coordinator's check-in with one side of a relationship (MENTOR's Elements of Effective
    Practice, standard 5: monitoring and support): when, how long, how, and the standard
    questions. A staff record: the coordinators of the match's programme and managers read and
    write it, the supervisors of the match's mentor read it; the mentor and the mentee never do
    (security/checkin_rules.xml). Recorded, it is kept as it is; a manager corrects it (tracked
    in the chatter), anyone else records a new one.

    A "yes" to the safety question opens the raise-a-concern screen: the concern goes to the
    safeguarding lead only, and the check-in keeps only that one was raised."""

    _name = "mentoring.checkin"
    _inherit = ["mentoring.match.child.mixin", "mentoring.thread.mixin", "mail.activity.mixin"]
    _description = "Mentoring Check-in"
    _order = "date desc, id desc"
    _protected_fields = frozenset({"state", "recorded_by_id", "recorded_on", "concern_raised"})
    _scope_fields = frozenset({"match_id", "who", "date"})
    _scope_open_states = frozenset({"draft"})
    _locked_states = frozenset({"done"})
    _new_record_needs = ("match_id",)

    name = fields.Char(compute="_compute_name", store=True)
    # Only an ongoing match of a programme the user coordinates: check-ins are the coordinator's work.
    match_id = fields.Many2one(
        domain=[("program_id.user_is_coordinator", "=", True), ("state", "in", ONGOING_MATCH_STATES)]
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Recorded")], default="draft", required=True, tracking=True, index=True
    )
    who = fields.Selection(CHECKIN_PARTIES, "With", required=True, default="mentor", tracking=True)
    guardian_name = fields.Char("Guardian's name", tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True, index=True)
    duration_minutes = fields.Integer("Length (minutes)", tracking=True)
    method = fields.Selection(CHECKIN_METHODS, "How", tracking=True)
    relationship_rating = fields.Selection(
        RELATIONSHIP_SCALE, "How is the relationship going?", tracking=True
    )
    activities = fields.Text("What have they done together?", tracking=True)
    goal_progress = fields.Text("Progress toward the goals", tracking=True)
    safety_concern = fields.Selection(
        YES_NO,
        "Any safety concern?",
        tracking=True,
        help="Yes opens the Raise a concern screen: what you write there goes to the safeguarding "
        "lead only. This check-in keeps only that a concern was raised.",
    )
    concern_raised = fields.Boolean("Concern raised", readonly=True, copy=False, tracking=True)
    recorded_by_id = fields.Many2one("res.users", "Recorded by", readonly=True, copy=False)
    recorded_on = fields.Datetime(readonly=True, copy=False)
    # The form offers the answers for editing only to who may save them: a draft's writer, or a
    # manager correcting a recorded check-in.
    user_may_change_answers = fields.Boolean(compute="_compute_user_may_change_answers")

    _duration_not_negative = models.Constraint(
        "CHECK(duration_minutes IS NULL OR duration_minutes >= 0)",
        "The length of a check-in cannot be negative.",
    )

    @api.depends("who", "date")
    def _compute_name(self):
        # No person's name: the name travels to activities, notifications and breadcrumbs.
        labels = dict(self._fields["who"]._description_selection(self.env))
        for checkin in self:
            checkin.name = self.env._(
                "Check-in with the %(who)s, %(date)s",
                who=(labels.get(checkin.who) or "").lower(),
                date=checkin.date or "",
            )

    @api.depends_context("uid")
    @api.depends("state")
    def _compute_user_may_change_answers(self):
        manager = self.env.user.has_group("peer_mentoring.group_manager")
        for checkin in self:
            checkin.user_may_change_answers = checkin.can_edit and (checkin.state == "draft" or manager)

    @api.constrains("who", "match_id")
    def _check_guardian_allowed(self):
        for checkin in self:
            if checkin.who == "guardian" and not checkin.sudo().program_id.checkin_with_guardian:
                raise ValidationError(
                    self.env._(
                        "The programme %(program)s does not check in with guardians: choose the "
                        "mentor or the mentee, or ask a manager to turn on guardian check-ins on the "
                        "programme.",
                        program=checkin.sudo().program_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_acts_for(self.env._("record a check-in"))
        if not self.env.su:
            ended = records.match_id.filtered(lambda m: m.sudo().state not in ONGOING_MATCH_STATES)
            if ended:
                raise UserError(
                    self.env._(
                        "%(matches)s is not ongoing: check-ins are for introduced, active or on-hold matches.",
                        matches=", ".join(ended.sudo().mapped("display_name")),
                    )
                )
        return records

    def write(self, vals):
        if not self.env.su and any(not f.startswith(BOOKKEEPING_PREFIXES) for f in vals):
            self._check_acts_for(self.env._("change a check-in"))
        return super().write(vals)

    def _check_acts_for(self, action):
        """Check-ins are written by a coordinator of the match's programme who is not its
        mentor (a coordinator who mentors here never records how their own match goes)."""
        if self.env.su:
            return
        for checkin in self.sudo():
            checkin.program_id._check_user_acts_for(action, checkin.mentor_id.user_id)

    def _check_not_locked(self, vals=None):
        # A manager corrects a recorded check-in (each change is tracked in its chatter);
        # nobody deletes one (vals is None when deleting).
        if vals is not None and self.env.user.has_group("peer_mentoring.group_manager"):
            return
        super()._check_not_locked(vals)

    def action_record(self):
        """Record the check-in: the standard questions answered, by a coordinator of the
        programme. A safety concern opens the raise-a-concern screen."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("This check-in is already recorded."))
        self._check_acts_for(self.env._("record a check-in"))
        missing = [
            self._fields[name]._description_string(self.env) for name in REQUIRED_ANSWERS if not self[name]
        ]
        if missing:
            raise UserError(
                self.env._(
                    "Answer these before recording the check-in: %(fields)s.", fields=", ".join(missing)
                )
            )
        if self.date > fields.Date.context_today(self):
            raise UserError(self.env._("A check-in is recorded on or after its day; change the date."))
        self._write_checked(
            {"state": "done", "recorded_by_id": self.env.uid, "recorded_on": fields.Datetime.now()}
        )
        self.match_id.sudo()._checkin_recorded()
        if self.safety_concern == "yes":
            return self.action_raise_concern()
        return True

    def action_raise_concern(self):
        """The raise screen, with this check-in's match: what is written there goes to the
        safeguarding lead, not into this check-in."""
        self.ensure_one()
        self.check_access("write")
        if self.safety_concern != "yes" or self.concern_raised:
            raise UserError(
                self.env._("Raise a concern from here only when the answer to the safety question is yes.")
            )
        return self.env["mentoring.safeguarding.raise"]._open_form(
            {"default_match_id": self.match_id.id, "default_checkin_id": self.id}
        )

    @api.model
    def _new_record_unavailable_help(self):
        return self.env._(
            "Check-ins are recorded by a coordinator on an ongoing match of a programme they "
            "coordinate (and never on a match where they are the mentor). Open the match and press "
            "Record a check-in."
        )

    def _mark_concern_raised(self):
        """Called by the raise screen once the concern is sent (its content stays there)."""
        self.sudo().write({"concern_raised": True})
        self.sudo().message_post(body=self.env._("A safeguarding concern was raised from this check-in."))
