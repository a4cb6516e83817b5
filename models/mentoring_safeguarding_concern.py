from odoo import api, fields, models
from odoo.exceptions import UserError

OUTCOMES = [
    ("substantiated", "Substantiated"),
    ("unsubstantiated", "Unsubstantiated"),
    ("unfounded", "Unfounded"),
    ("false", "False"),
    ("malicious", "Malicious"),
]
SUSPENSION_STATES = [
    ("none", "No suspension"),
    ("pending", "Suspended, pending review"),
    ("kept", "Suspension kept"),
    ("lifted", "Suspension lifted"),
]
LEAD_GROUP = "peer_mentoring.group_safeguarding_lead"


class MentoringSafeguardingConcern(models.Model):
    """A concern, disclosure, allegation or incident. Only safeguarding leads (and programme
    managers, who are leads too) read it: the person who raised it gets a receipt from the
    raise screen (wizard/mentoring_safeguarding_raise.py), coordinators see only that a
    concern is open on their match or mentor (`has_open_concern`). Nobody creates one directly
    and nobody deletes one: it is raised through the screen, and closed at most."""

    _name = "mentoring.safeguarding.concern"
    _inherit = ["mentoring.guard.mixin", "mentoring.thread.mixin", "mail.activity.mixin"]
    _description = "Safeguarding Concern"
    _order = "raised_on desc, id desc"
    _check_company_auto = True
    _protected_fields = frozenset(
        {
            "name",
            "state",
            "raised_by_id",
            "raised_on",
            "description",
            "steps_taken",
            "immediate_danger",
            "outcome",
            "outcome_recorded_by_id",
            "outcome_recorded_on",
            "suspension_state",
            "suspension_decided_by_id",
            "suspension_decided_on",
            "closed_by_id",
            "closed_on",
        }
    )
    # Who and what the concern is about decides who it touches (suspension, badges): once set,
    # a client does not move it to another match or mentor.
    _scope_fields = frozenset(
        {"company_id", "program_id", "match_id", "mentee_id", "encounter_id", "subject_mentor_id"}
    )

    name = fields.Char("Reference", required=True, readonly=True, default="/", copy=False)
    type_id = fields.Many2one(
        "mentoring.safeguarding.type", required=True, tracking=True, ondelete="restrict"
    )
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")], default="open", required=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    raised_by_id = fields.Many2one("res.users", string="Raised by", required=True, readonly=True)
    raised_on = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    occurred_on = fields.Date("Happened on")
    description = fields.Text("What was reported", required=True, readonly=True)
    immediate_danger = fields.Boolean("Someone is in danger now", readonly=True)
    steps_taken = fields.Text(
        "Steps already taken, in order",
        readonly=True,
        help="Who the person raising it had told, in order (e.g. told the mentor first, then "
        "their line manager), as they reported it.",
    )
    program_id = fields.Many2one("mentoring.program", string="Programme", check_company=True, index=True)
    match_id = fields.Many2one("mentoring.match", check_company=True, index=True)
    mentee_id = fields.Many2one("mentoring.mentee", string="Person", check_company=True, index=True)
    encounter_id = fields.Many2one("mentoring.encounter", string="Raised from meeting", check_company=True)
    subject_mentor_id = fields.Many2one(
        "mentoring.mentor",
        string="Allegation against mentor",
        check_company=True,
        index=True,
        tracking=True,
        help="Set it on an allegation against a mentor: they are suspended pending review.",
    )
    subject_other = fields.Char("Allegation against (staff member or other)", tracking=True)
    lead_notes = fields.Html("Investigation notes")
    notification_ids = fields.One2many(
        "mentoring.safeguarding.notification", "concern_id", string="Notifications"
    )
    overdue_notification_count = fields.Integer(compute="_compute_overdue_notification_count")
    is_allegation = fields.Boolean(related="type_id.is_allegation")
    suspension_state = fields.Selection(
        SUSPENSION_STATES, default="none", required=True, readonly=True, tracking=True
    )
    suspension_reason = fields.Text(
        "Reason for the suspension decision",
        help="Write the reason, then keep or lift the suspension.",
    )
    suspension_decided_by_id = fields.Many2one("res.users", readonly=True)
    suspension_decided_on = fields.Datetime(readonly=True)
    outcome_choice = fields.Selection(
        OUTCOMES, "Outcome found", help="Choose the outcome, then press Record outcome."
    )
    outcome = fields.Selection(OUTCOMES, readonly=True, tracking=True)
    outcome_summary = fields.Text("Summary of the outcome")
    outcome_recorded_by_id = fields.Many2one("res.users", readonly=True)
    outcome_recorded_on = fields.Datetime(readonly=True)
    closed_by_id = fields.Many2one("res.users", readonly=True)
    closed_on = fields.Datetime(readonly=True)

    def _compute_overdue_notification_count(self):
        now = fields.Datetime.now()
        for concern in self:
            concern.overdue_notification_count = len(
                concern.notification_ids.filtered(lambda n: n.state == "due" and n.due_on and n.due_on < now)
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "Raise a concern with the Raise a concern button or menu: it tells the right people."
                )
            )
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("mentoring.safeguarding.concern") or "/"
        concerns = super().create(vals_list)
        concerns._schedule_notifications()
        concerns._suspend_subject_mentor()
        return concerns

    def write(self, vals):
        if not self.env.su:
            self._check_is_lead()
            moved = self._scope_fields & set(vals)
            for concern in self:
                changed = [
                    f
                    for f in moved
                    if concern[f] and concern._fields[f].convert_to_write(concern[f], concern) != vals[f]
                ]
                if changed:
                    raise UserError(
                        self.env._(
                            "Who and what concern %(ref)s is about cannot be changed once set: "
                            "record the correction in the investigation notes.",
                            ref=concern.name,
                        )
                    )
            if any(c.state == "closed" for c in self):
                raise UserError(self.env._("A closed concern cannot be changed."))
            if {"outcome_choice", "outcome_summary"} & set(vals) and any(c.outcome for c in self):
                raise UserError(
                    self.env._("The outcome is recorded: add what follows in the investigation notes.")
                )
        res = super().write(vals)
        if "subject_mentor_id" in vals or "type_id" in vals:
            self._schedule_notifications()
            self._suspend_subject_mentor()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A safeguarding concern is never deleted: close it with its outcome."))

    def _scope_changes(self, vals):
        """The guard's scope check, except that naming a mentor once, where the person who raised
        the concern could not, is not a move: only fields that already had a value count."""
        changed = self.browse()
        for concern in self:
            kept = {f: v for f, v in vals.items() if f not in self._scope_fields or concern.sudo()[f]}
            changed |= super(MentoringSafeguardingConcern, concern)._scope_changes(kept)
        return changed

    def _check_is_lead(self):
        if not self.env.user.has_group(LEAD_GROUP):
            raise UserError(self.env._("Only a safeguarding lead can do this."))
        self.check_access("write")

    def _programmes(self):
        """The programmes whose rules and lead apply: the concern's, else those of the mentor
        it is about."""
        self.ensure_one()
        return self.sudo().program_id or self.sudo().subject_mentor_id.program_ids

    def _lead_users(self):
        """Who is given the concern's activities: its programme's lead, else the agency's first."""
        self.ensure_one()
        leads = self._programmes().safeguarding_lead_id.filtered("active")
        if leads:
            return leads[:1]
        return (
            self.env.ref(LEAD_GROUP)
            .sudo()
            .all_user_ids.filtered(lambda u: u.active and not u.share and self.company_id in u.company_ids)
            .sorted("id")[:1]
        )

    def _schedule_notifications(self):
        """One notification record and one activity for each duty of the programmes'
        jurisdictions that applies to the concern's type and is not scheduled yet; deadlines
        count from when the concern was raised."""
        Notification = self.env["mentoring.safeguarding.notification"].sudo()
        for concern in self.sudo():
            if concern.state != "open":
                continue
            requirements = concern._programmes().safeguarding_jurisdiction_id.requirement_ids.filtered(
                lambda r, t=concern.type_id: t in r.type_ids
            )
            for requirement in requirements - concern.notification_ids.requirement_id:
                Notification.create(
                    {
                        "concern_id": concern.id,
                        "requirement_id": requirement.id,
                        "recipient": requirement.name,
                        "method": requirement.method,
                        "due_on": requirement._deadline_from(concern.raised_on, concern.company_id),
                    }
                )

    def _suspend_subject_mentor(self):
        """An allegation against a mentor suspends them and holds each of their ongoing matches
        (mentoring.mentor.action_suspend), whoever raised it: the system acts, so no match's
        chatter names the person who raised it. The lead gets a review due the same day."""
        for concern in self.sudo():
            mentor = concern.subject_mentor_id
            if not (mentor and concern.type_id.is_allegation and concern.suspension_state == "none"):
                continue
            as_system = mentor.with_user(self.env.ref("base.user_root")).sudo()
            if mentor.state in ("applicant", "intern", "certified"):
                as_system.action_suspend()
            concern.write({"suspension_state": "pending"})
            for lead in concern._lead_users():
                concern.activity_schedule(
                    "peer_mentoring.mail_activity_type_safeguarding_review",
                    date_deadline=fields.Date.context_today(concern),
                    summary=self.env._("Review the suspension of the mentor"),
                    user_id=lead.id,
                )

    def _decide_suspension(self, decision):
        self._check_is_lead()
        for concern in self:
            if concern.suspension_state != "pending":
                raise UserError(
                    self.env._("Concern %(ref)s has no suspension waiting for a decision.", ref=concern.name)
                )
            if not (concern.suspension_reason or "").strip():
                raise UserError(self.env._("Write the reason for your decision first."))
        now = fields.Datetime.now()
        self._write_checked(
            {
                "suspension_state": decision,
                "suspension_decided_by_id": self.env.uid,
                "suspension_decided_on": now,
            }
        )
        for concern in self.sudo():
            concern.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("peer_mentoring.mail_activity_type_safeguarding_review")
                )
            ).action_feedback(feedback=concern.suspension_reason)

    def action_keep_suspension(self):
        self._decide_suspension("kept")

    def action_lift_suspension(self):
        self._decide_suspension("lifted")
        for concern in self.sudo():
            mentor = concern.subject_mentor_id
            if mentor.state != "suspended":
                continue
            history = mentor.credential_ids.filtered(lambda c: c.state == "suspended")
            back_to = history[-1:].previous_state if history else False
            as_system = mentor.with_user(self.env.ref("base.user_root")).sudo()
            as_system._set_state(
                back_to if back_to in ("applicant", "intern", "certified") else "certified",
                allowed_from=("suspended",),
            )
            mentor.message_post(
                body=self.env._(
                    "Suspension lifted after review. Their coordinators decide when each match on hold resumes."
                )
            )

    def action_record_outcome(self):
        self._check_is_lead()
        missing = self.filtered(lambda c: not c.outcome_choice or not (c.outcome_summary or "").strip())
        if missing:
            raise UserError(self.env._("Choose the outcome and write its summary first."))
        for concern in self:
            concern._write_checked(
                {
                    "outcome": concern.outcome_choice,
                    "outcome_recorded_by_id": self.env.uid,
                    "outcome_recorded_on": fields.Datetime.now(),
                }
            )

    def action_close(self):
        self._check_is_lead()
        if self.filtered(lambda c: not c.outcome):
            raise UserError(self.env._("Record the outcome before closing the concern."))
        if self.filtered(lambda c: c.suspension_state == "pending"):
            raise UserError(self.env._("Keep or lift the mentor's suspension before closing the concern."))
        if self.notification_ids.filtered(lambda n: n.state == "due"):
            raise UserError(self.env._("Record every notification as made before closing the concern."))
        self._write_checked(
            {"state": "closed", "closed_by_id": self.env.uid, "closed_on": fields.Datetime.now()}
        )
