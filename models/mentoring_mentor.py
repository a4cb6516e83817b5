from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

GENDERS = [
    ("female", "Female"),
    ("male", "Male"),
    ("non_binary", "Non-binary"),
    ("not_said", "Prefers not to say"),
]
ONGOING_MATCH_STATES = ("introduced", "active", "on_hold")
# What a mentor may change on their own profile; status, capacity and supervision are the
# coordinator's to set.
SELF_SERVICE_FIELDS = {"language_ids", "interest_ids", "gender", "area"}
# A mentor may work in several programmes: apart from their programme list (where each
# coordinator adds or removes their own programme), their profile is changed only by someone who
# coordinates every programme they work in. Who they are (user, employee, contact, supervisor) is
# what record rules give access through.
SHARED_PROFILE_EXEMPT = {"program_ids"}


MENTOR_STATES = [
    ("applicant", "Applicant"),
    ("intern", "Intern"),
    ("certified", "Certified"),
    ("suspended", "Suspended"),
    ("inactive", "Inactive"),
]


class MentoringMentor(models.Model):
    _name = "mentoring.mentor"
    _description = "Peer Mentor"
    _inherit = ["mentoring.guard.mixin", "mentoring.thread.mixin", "mail.activity.mixin"]
    _order = "name"
    _check_company_auto = True
    _protected_fields = frozenset({"state", "match_ids", "credential_ids"})
    _programme_membership = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    employee_id = fields.Many2one(
        "hr.employee",
        check_company=True,
        tracking=True,
        help="For mentors employed by the agency.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        tracking=True,
        help="For volunteer mentors, carers and mentoring organisations.",
    )
    user_id = fields.Many2one(
        "res.users",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        index=True,
        domain=[("share", "=", False)],
        help="The login with which this mentor sees their mentees' records.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    program_ids = fields.Many2many(
        "mentoring.program",
        "mentoring_mentor_program_rel",
        "mentor_id",
        "program_id",
        string="Programmes",
        check_company=True,
    )
    state = fields.Selection(
        MENTOR_STATES,
        default="applicant",
        required=True,
        tracking=True,
    )
    capacity = fields.Integer(
        "Mentees at a time",
        compute="_compute_capacity",
        store=True,
        readonly=False,
        help="Defaults to the programme's guidance; set it to override for this mentor.",
    )
    language_ids = fields.Many2many("res.lang", string="Languages", context={"active_test": False})
    interest_ids = fields.Many2many("mentoring.interest", string="Interests and strengths")
    gender = fields.Selection(GENDERS)
    area = fields.Char(help="Where the mentor can meet: town, district or region.")
    ethics_ack_date = fields.Date("Code of ethics acknowledged on", tracking=True)
    supervisor_id = fields.Many2one("hr.employee", check_company=True, tracking=True)
    match_ids = fields.One2many("mentoring.match", "mentor_id", string="Matches")
    credential_ids = fields.One2many(
        "mentoring.mentor.credential",
        "mentor_id",
        string="Status history",
        readonly=True,
        groups="peer_mentoring.group_coordinator",
    )
    ongoing_match_count = fields.Integer("Ongoing matches", compute="_compute_ongoing_match_count")
    free_places = fields.Integer(
        "Free places",
        compute="_compute_ongoing_match_count",
        help="How many more mentees this mentor can take on: capacity less ongoing matches.",
    )
    active = fields.Boolean(default=True)
    # Who may change more than the self-service fields: a coordinator who may change this profile.
    can_manage = fields.Boolean(compute="_compute_can_manage")
    # Monthly timesheets offer the mentors a user may claim time for: their own profile, and the
    # mentors of the programmes they coordinate.
    user_may_claim_time = fields.Boolean(
        compute="_compute_user_may_claim_time", search="_search_user_may_claim_time"
    )

    @api.depends("employee_id.name", "partner_id.name")
    def _compute_name(self):
        for mentor in self:
            person = mentor.employee_id or mentor.partner_id
            if person:
                mentor.name = person.name

    @api.depends("employee_id.user_id")
    def _compute_user_id(self):
        for mentor in self:
            if mentor.employee_id:
                mentor.user_id = mentor.employee_id.user_id

    @api.depends("program_ids.max_mentees_per_mentor")
    def _compute_capacity(self):
        for mentor in self:
            mentor.capacity = max(mentor.program_ids.mapped("max_mentees_per_mentor") or [0])

    @api.depends("match_ids.state", "capacity")
    def _compute_ongoing_match_count(self):
        # Capacity counts every ongoing match of the mentor, in whichever programme (as the
        # capacity check does), not only those the reader may open.
        counts = dict(
            self.env["mentoring.match"]
            .sudo()
            ._read_group(
                [("mentor_id", "in", self.ids), ("state", "in", ONGOING_MATCH_STATES)],
                ["mentor_id"],
                ["__count"],
            )
        )
        for mentor in self:
            mentor.ongoing_match_count = counts.get(mentor._origin, 0)
            mentor.free_places = max(mentor.capacity - mentor.ongoing_match_count, 0)

    @api.depends_context("uid")
    def _compute_can_manage(self):
        is_coordinator = self.env["mentoring.match"]._is_coordinator()
        for mentor in self:
            mentor.can_manage = is_coordinator and mentor.can_edit

    @api.depends_context("uid")
    def _compute_user_may_claim_time(self):
        allowed = self.filtered_domain(self._search_user_may_claim_time("in", [True]))
        for mentor in self:
            mentor.user_may_claim_time = mentor in allowed

    def _search_user_may_claim_time(self, operator, value):
        if operator != "in":
            return NotImplemented
        own = Domain("user_id", "=", self.env.uid)
        user = self.env.user
        if user.has_group("peer_mentoring.group_manager"):
            return Domain.TRUE
        if user.has_group("peer_mentoring.group_coordinator"):
            return own | Domain("program_ids.coordinator_ids", "in", user.ids)
        return own

    @api.depends("name", "free_places", "language_ids", "interest_ids", "area")
    @api.depends_context("formatted_display_name")
    def _compute_display_name(self):
        """In a drop-down, what a coordinator matches on: free places, languages, interests, area."""
        super()._compute_display_name()
        if not self.env.context.get("formatted_display_name"):
            return
        for mentor in self:
            details = [
                self.env._(
                    "%(free)s of %(capacity)s places free", free=mentor.free_places, capacity=mentor.capacity
                ),
                ", ".join(mentor.language_ids.mapped("name")),
                ", ".join(mentor.interest_ids.mapped("name")),
                mentor.area or "",
            ]
            summary = " · ".join(detail.replace("--", "–") for detail in details if detail)
            mentor.display_name = f"{mentor.display_name}\n--{summary}--"

    @api.constrains("employee_id", "partner_id", "name")
    def _check_one_identity(self):
        for mentor in self:
            if bool(mentor.employee_id) == bool(mentor.partner_id):
                raise ValidationError(
                    self.env._(
                        "Mentor %(name)s: choose either an Employee (staff mentor) or a "
                        "Contact (volunteer, carer or organisation), not both and not neither.",
                        name=mentor.name or "",
                    )
                )

    @api.constrains("program_ids")
    def _check_programmes_of_ongoing_matches(self):
        for mentor in self.sudo():
            ongoing = mentor.match_ids.filtered(
                lambda m, programs=mentor.program_ids: (
                    m.state in ONGOING_MATCH_STATES and m.program_id not in programs
                )
            )
            if ongoing:
                raise ValidationError(
                    self.env._(
                        "%(mentor)s still has ongoing matches in %(program)s: close them before "
                        "taking the programme off the mentor's profile.",
                        mentor=mentor.name,
                        program=ongoing[0].program_id.name,
                    )
                )

    @api.constrains("capacity")
    def _check_capacity(self):
        if any(mentor.capacity < 0 for mentor in self):
            raise ValidationError(self.env._("Mentees at a time cannot be negative."))

    def write(self, vals):
        restricted = {f for f in vals if not f.startswith(("message_", "activity_"))} - SELF_SERVICE_FIELDS
        if restricted and not self.env["mentoring.match"]._is_coordinator():
            raise UserError(
                self.env._(
                    "You can change your languages, interests, gender and area. Ask your "
                    "coordinator to change anything else on a mentor profile."
                )
            )
        if self.env.su:
            return super().write(vals)
        if restricted - SHARED_PROFILE_EXEMPT:
            self._check_governed_by_user(self.env._("change this mentor's profile"))
        res = super().write(vals)
        if {"user_id", "employee_id", "partner_id", "supervisor_id"} & set(vals):
            self.sudo().match_ids._prune_relationship_followers()
        return res

    def _governing_programs(self):
        """The programmes a mentor works in: those of their profile and of their matches."""
        mentors = self.sudo()
        return mentors.program_ids | mentors.match_ids.program_id

    def _check_governed_by_user(self, action):
        for mentor in self:
            mentor._check_not_own_profile(action)
            if not mentor._governing_programs()._user_coordinates():
                raise UserError(
                    self.env._(
                        "Only a coordinator of every programme %(mentor)s works in (%(programs)s), "
                        "or a programme manager, can %(action)s.",
                        mentor=mentor.name,
                        programs=", ".join(mentor._governing_programs().mapped("name")),
                        action=action,
                    )
                )

    def _check_not_own_profile(self, action):
        """A coordinator (or manager) who is also a peer mentor does not decide about their own
        profile: status, capacity, supervisor, who they are."""
        user = self.env.user
        if self.env.su or user._is_superuser() or user not in self.sudo().user_id:
            return
        raise UserError(
            self.env._(
                "This concerns you: someone else must %(action)s. Ask another coordinator of the programme.",
                action=action,
            )
        )

    def _check_may_change_programmes(self, added=None, removed=None):
        changed = (added or self.env["mentoring.program"]) | (removed or self.env["mentoring.program"])
        if changed and not changed._user_coordinates():
            raise UserError(
                self.env._(
                    "You can add or remove only the programmes you coordinate (%(programs)s is not "
                    "one of them).",
                    programs=", ".join(changed.sudo().mapped("name")),
                )
            )

    def action_start_internship(self):
        self._check_governed_by_user(self.env._("change this mentor's status"))
        self._set_state("intern", allowed_from=("applicant",))

    def action_certify(self):
        self._check_governed_by_user(self.env._("change this mentor's status"))
        missing = self.filtered(lambda m: not m.ethics_ack_date)
        if missing:
            raise UserError(
                self.env._(
                    "Record the date on which %(names)s acknowledged the code of ethics before certifying.",
                    names=", ".join(missing.mapped("name")),
                )
            )
        self._set_state("certified", allowed_from=("applicant", "intern", "suspended"))

    def action_suspend(self):
        """Suspend the mentor and put each of their ongoing matches on hold, e.g. while an
        allegation is looked into (seed 001). Safeguarding comes first: any coordinator of one
        of the mentor's programmes may suspend them, and each match's chatter says who did."""
        self._set_state("suspended", allowed_from=("applicant", "intern", "certified"))
        # Safeguarding comes first: every ongoing match is held, in whichever programme.
        ongoing = self.sudo().match_ids.filtered(lambda m: m.state in ("introduced", "active"))
        ongoing._hold(reason=self.env._("mentor suspended"))

    def action_deactivate(self):
        self._check_governed_by_user(self.env._("change this mentor's status"))
        self._set_state("inactive", allowed_from=("applicant", "intern", "certified", "suspended"))

    def _set_state(self, state, allowed_from):
        self.env["mentoring.match"]._check_is_coordinator(self.env._("change a mentor's status"))
        self._check_not_own_profile(self.env._("change this mentor's status"))
        wrong = self.filtered(lambda m: m.state not in allowed_from)
        if wrong:
            label = dict(self._fields["state"]._description_selection(self.env))[state]
            raise UserError(
                self.env._(
                    "%(names)s cannot become %(state)s from their current status.",
                    names=", ".join(wrong.mapped("name")),
                    state=label,
                )
            )
        today = fields.Date.context_today(self)
        self.env["mentoring.mentor.credential"].sudo().create(
            [
                {"mentor_id": mentor.id, "state": state, "previous_state": mentor.state, "date_from": today}
                for mentor in self
                if mentor.state != state
            ]
        )
        self._write_checked({"state": state})

    def _credential_on(self, day):
        """The status the mentor held on `day`: the last one recorded from that day or before,
        or the one held before the first recorded change."""
        self.ensure_one()
        history = self.sudo().credential_ids
        if not history or not day:
            return self.state
        held = history.filtered(lambda c: c.date_from <= day)
        return held[-1].state if held else history[0].previous_state or self.state

    def _compliance_problem(self, day):
        """Why this mentor may not take on a mentee or bill a meeting on `day`, in plain words,
        or False. Judged on the date, from the status held then; training and certification
        rules add their own reasons."""
        self.ensure_one()
        held = self._credential_on(day)
        if held in ("intern", "certified"):
            return False
        label = dict(self._fields["state"]._description_selection(self.env))[held]
        return self.env._("%(name)s was %(state)s on %(day)s", name=self.name, state=label.lower(), day=day)
