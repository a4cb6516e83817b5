from collections import Counter
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date

from .mentoring_encounter_billing import BILLING_FIELDS
from .mentoring_mentor import MENTOR_STATES

CONTENT = "peer_mentoring.group_mentor"  # what was said: only the match's people read it

# The words the mentor chooses on Log a meeting, kept on the saved meeting (one wording).
LOCATION_TYPES = [
    ("agency", "At the agency"),
    ("virtual", "Video call"),
    ("community", "Out in the community"),
    ("phone", "Phone call"),
]
# The printed Encounter Form keeps the paper's own boxes (seed 000: "At Agency, Visit Virtual,
# Visit Community"), in the paper's order.
PAPER_LOCATIONS = [
    ("agency", "At agency"),
    ("virtual", "Virtual"),
    ("community", "Community"),
    ("phone", "Phone"),
]
PROGRESS = [
    ("met", "Met goal"),
    ("considerable", "Considerable progress"),
    ("some_steps", "Some steps taken"),
    ("no_action", "No action taken"),
]
NO_ACTION_REASONS = [
    ("sick", "Sick"),
    ("unable_to_contact", "Unable to contact"),
    ("unsure_next_step", "Unsure of next step"),
    ("other", "Other"),
]

# The status a goal takes after a confirmed meeting with that progress, and from which statuses.
GOAL_STATUS_AFTER = {"met": "achieved", "considerable": "in_progress", "some_steps": "in_progress"}
GOAL_STATUS_BEFORE = {"achieved": ("not_started", "in_progress"), "in_progress": ("not_started",)}


def _hhmm(hours):
    minutes = round((hours or 0.0) * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def just_ended_hour(record):
    """(day, start, end) of a meeting of an hour that has just ended: end is now in the user's
    timezone, taken down to five minutes (a meeting is logged and confirmed once it has ended).
    In the first hour after midnight that hour is yesterday's last one (23:00 to 24:00)."""
    now = fields.Datetime.context_timestamp(record, fields.Datetime.now())
    end = (now.hour * 60 + now.minute) // 5 * 5
    if end < 60:
        return now.date() - timedelta(days=1), 23.0, 24.0
    return now.date(), (end - 60) / 60, end / 60


class MentoringEncounter(models.Model):
    """One meeting of mentor and mentee: the Encounter form (seed 000) and the recording
    sheet (seed 001)."""

    _name = "mentoring.encounter"
    _description = "Mentoring Encounter"
    _inherit = [
        "mentoring.match.child.mixin",
        "mentoring.signature.mixin",
        "mentoring.encounter.billing",
        "mentoring.thread.mixin",
        "mail.activity.mixin",
    ]
    _order = "date desc, start_time desc, id desc"
    _protected_fields = frozenset(
        {
            "state",
            "was_confirmed",
            "authorization_id",
            "billed_units",
            "not_billed_reason",
            "needs_billing_attention",
        }
    )
    # What a confirmed note rests on (and billing with it): changed only by cancelling the
    # meeting and confirming it again.
    _documentation_fields = frozenset(
        {
            "goal_id",
            "progress",
            "no_action_reason",
            "progress_explanation",
            "is_group_session",
            "location_type",
            "mentor_signature",
            "mentor_signed_by",
            "mentor_signed_on",
            "mentee_signature",
            "mentee_signed_by",
            "mentee_signed_on",
        }
    )

    name = fields.Char(compute="_compute_name", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True, index=True)
    start_time = fields.Float("Start", required=True, tracking=True)
    end_time = fields.Float("End", required=True, tracking=True)
    duration_minutes = fields.Integer("Minutes", compute="_compute_duration", store=True)
    location_type = fields.Selection(
        LOCATION_TYPES, string="Location", required=True, default="agency", tracking=True
    )
    goal_id = fields.Many2one(
        "mentoring.goal",
        string="Primary goal",
        domain="[('match_id', '=', match_id), ('plan_state', '!=', 'superseded')]",
        groups=CONTENT,
    )
    progress = fields.Selection(PROGRESS, groups=CONTENT)
    progress_explanation = fields.Text(
        "Explanation or steps taken",
        groups=CONTENT,
        help="Explain considerable progress, list the steps taken, or explain “Other”.",
    )
    no_action_reason = fields.Selection(NO_ACTION_REASONS, groups=CONTENT)
    next_steps = fields.Text("Things to work on before next meeting", groups=CONTENT)
    notes = fields.Html("Confidential notes", groups=CONTENT)
    mentor_credential = fields.Selection(
        MENTOR_STATES, string="Mentor credential", compute="_compute_mentor_credential"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )

    was_confirmed = fields.Boolean(
        readonly=True,
        copy=False,
        help="Once confirmed, a meeting is part of the record: it is never deleted.",
    )

    _mentor_date_idx = models.Index("(mentor_id, date) WHERE state = 'confirmed'")
    # Needs doing reads each ongoing match's last meeting: an index-only scan backwards per
    # match rather than every meeting of it (scripts/bench_needs_doing.py shows both plans).
    _match_confirmed_date_idx = models.Index("(match_id, date) WHERE state = 'confirmed'")

    @api.depends("date")
    def _compute_name(self):
        # No person's name: the name travels into notifications, activities and timesheets.
        for encounter in self:
            encounter.name = self.env._("Meeting of %(date)s", date=encounter.date or "")

    @api.depends("date", "mentor_id.state")
    def _compute_mentor_credential(self):
        # The credential held on the meeting's date, not today's.
        for encounter in self:
            encounter.mentor_credential = encounter.mentor_id and encounter._mentor_credential_on_date()

    @api.depends("start_time", "end_time")
    def _compute_duration(self):
        for encounter in self:
            encounter.duration_minutes = max(0, round((encounter.end_time - encounter.start_time) * 60))

    @api.constrains("start_time", "end_time")
    def _check_end_after_start(self):
        for encounter in self:
            if encounter.start_time < 0 or encounter.end_time > 24:
                raise ValidationError(
                    self.env._(
                        "Start and end times must lie within the day (00:00 to 24:00): a meeting "
                        "past midnight is logged as two meetings."
                    )
                )
            if encounter.end_time <= encounter.start_time:
                raise ValidationError(
                    self.env._(
                        "The meeting on %(date)s ends at %(end)s, which is not after it starts "
                        "(%(start)s). Correct the end time.",
                        date=format_date(self.env, encounter.date),
                        start=_hhmm(encounter.start_time),
                        end=_hhmm(encounter.end_time),
                    )
                )

    @api.constrains("date", "end_time", "state")
    def _check_not_in_future(self):
        """A meeting is confirmed once it has ended: its day and end time are the user's local
        time (the times are hours of the day, as written on the paper form)."""
        now = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        today, hours_now = now.date(), now.hour + now.minute / 60 + now.second / 3600
        for encounter in self.filtered(lambda e: e.state == "confirmed"):
            if encounter.date > today:
                raise ValidationError(
                    self.env._(
                        "The meeting on %(date)s has not happened yet: a meeting can be "
                        "confirmed only on or after its day.",
                        date=format_date(self.env, encounter.date),
                    )
                )
            if encounter.date == today and encounter.end_time > hours_now:
                raise ValidationError(
                    self.env._(
                        "This meeting ends at %(end)s today: it can be confirmed once it has "
                        "ended, from %(end)s on.",
                        end=_hhmm(encounter.end_time),
                    )
                )

    @api.constrains("state", "progress", "no_action_reason", "progress_explanation")
    def _check_progress_documented(self):
        for encounter in self.filtered(lambda e: e.state == "confirmed"):
            problem = encounter._progress_problem()
            if problem:
                raise ValidationError(problem)

    @api.constrains("state", "date", "start_time", "end_time", "mentor_id")
    def _check_no_overlap(self):
        """One query for the whole batch, whatever its size."""
        confirmed = self.filtered(lambda e: e.state == "confirmed")
        if not confirmed:
            return
        self.flush_model(["state", "date", "start_time", "end_time", "mentor_id", "group_session_id"])
        self.env.cr.execute(
            SQL(
                """
                SELECT a.id, b.id
                  FROM mentoring_encounter a
                  JOIN mentoring_encounter b
                    ON b.mentor_id = a.mentor_id AND b.date = a.date AND b.id != a.id
                   AND b.state = 'confirmed'
                   AND b.start_time < a.end_time AND a.start_time < b.end_time
                   -- the people of one group meeting are one meeting (mentoring_encounter_group.py)
                   AND (a.group_session_id IS NULL OR b.group_session_id IS DISTINCT FROM a.group_session_id)
                 WHERE a.id = ANY(%s)
                 LIMIT 1
                """,
                confirmed.ids,
            )
        )
        row = self.env.cr.fetchone()
        if row:
            first, other = self.browse(row).sudo()
            raise ValidationError(
                self.env._(
                    "%(mentor)s already has a confirmed meeting on %(date)s from %(start)s to "
                    "%(end)s. Change the times so the meetings do not overlap.",
                    mentor=first.mentor_id.name,
                    date=format_date(self.env, other.date),
                    start=_hhmm(other.start_time),
                    end=_hhmm(other.end_time),
                )
            )

    @api.constrains("match_id")
    def _check_match_open_for_encounters(self):
        self._check_match_ongoing(self.env._("log a meeting"))

    def _check_match_ongoing(self, action):
        """A meeting dated before its match was closed is written up and confirmed late: what
        counts is the match's state on the meeting's date."""
        late = self.filtered(
            lambda e: (
                e.match_id.state == "closed"
                and e.match_id.date_closed
                and e.date
                and e.date <= e.match_id.date_closed
            )
        )
        return super(MentoringEncounter, self - late)._check_match_ongoing(action)

    def _progress_problem(self):
        self.ensure_one()
        if not self.progress:
            return self.env._(
                "Record the progress made at the meeting on %(date)s.", date=self._date_in_words()
            )
        if self.progress == "no_action" and not self.no_action_reason:
            return self.env._(
                "The meeting on %(date)s says “No action taken”: choose the reason.",
                date=self._date_in_words(),
            )
        needs_text = self.progress in ("considerable", "some_steps") or (
            self.progress == "no_action" and self.no_action_reason == "other"
        )
        if needs_text and not (self.progress_explanation or "").strip():
            return self.env._(
                "The meeting on %(date)s needs a few words in “Explanation or steps taken”: "
                "explain the progress, list the steps, or say what the other reason was.",
                date=self._date_in_words(),
            )
        return False

    def _locked_records(self):
        """A confirmed or cancelled meeting keeps its note (`_documentation_fields`) and is never
        deleted; its day and time still move, re-billed (see write)."""
        return self.filtered(lambda e: e.sudo().state != "draft")

    def _check_not_locked(self, vals=None):
        if vals is not None and not self._documentation_fields & set(vals):
            return
        super()._check_not_locked(vals)

    def _locked_message(self, locked, deleting):
        if deleting:
            return self.env._(
                "A confirmed, cancelled or signed meeting is part of the record and cannot be "
                "deleted. Cancel it instead: it stays on the record, marked cancelled."
            )
        return self.env._(
            "This meeting is confirmed: its goal, progress, place and signatures are kept as they "
            "were. Cancel it and set it back to draft to correct them."
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        """Only a plain draft is deleted: not one that was ever confirmed (set back to draft to
        correct it) nor one that carries a signature. Confirmed and cancelled ones are locked."""
        kept = self._locked_records() | self.sudo().filtered(
            lambda e: e.was_confirmed or any(e._is_signed_by(role) for role in e._signature_roles)
        )
        if kept:
            raise UserError(self._locked_message(kept, deleting=True))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_override_by_coordinator(vals)
        return super().create(vals_list)

    @api.constrains("goal_id", "match_id")
    def _check_goal_of_the_match(self):
        for encounter in self:
            goal = encounter.sudo().goal_id
            if goal and goal.match_id != encounter.match_id:
                raise ValidationError(self.env._("Choose a goal from this match's individual plan."))

    def write(self, vals):
        self._check_override_by_coordinator(vals)
        self._check_not_locked(vals)
        rebill = (
            self.filtered(lambda e: e.state == "confirmed") if BILLING_FIELDS & set(vals) else self.browse()
        )
        if rebill:
            rebill.check_access("write")
            rebill._check_not_invoiced(self.env._("change"))
            old_days = {(e.mentee_id.id, e.date) for e in rebill}
        res = super().write(vals)
        if rebill:
            rebill._sync_billing(also_days=old_days)
        return res

    def action_confirm(self):
        """Confirm the note of a valid meeting as documented. Billing records what it cannot bill
        and never refuses: the mentor is not the one to fix an authorisation."""
        drafts = self.filtered(lambda e: e.state == "draft")
        if drafts != self:
            raise UserError(self.env._("This meeting is already confirmed or cancelled."))
        drafts._check_match_ongoing(self.env._("confirm a meeting"))
        drafts._check_agreement_or_introductory()
        drafts.check_access("write")
        drafts._sync_billing(confirming=True)
        drafts._advance_goals()
        return True

    def _paper_locations(self):
        """The places as the printed Encounter Form words them (seed 000)."""
        return PAPER_LOCATIONS

    def _advance_goals(self):
        """A confirmed meeting moves its goal on: “Met goal” achieves it, progress or steps taken
        put it in progress. A goal never moves back, nor out of paused or changed."""
        for encounter in self.sorted("date"):
            # sudo: the meeting was confirmed by someone allowed to; its goal follows it, and
            # the goal belongs to the same match (see _check_goal_of_the_match).
            goal = encounter.sudo().goal_id
            target = GOAL_STATUS_AFTER.get(encounter.sudo().progress)
            if goal and target and goal.status in GOAL_STATUS_BEFORE[target]:
                goal.status = target

    def _check_agreement_or_introductory(self):
        """Before the agreement is signed, a match allows only the programme's number of
        introductory contacts."""
        matches = self.match_id
        signed = matches._signed_agreement_match_ids()
        unsigned = matches.filtered(lambda m: m.id not in signed)
        if not unsigned:
            return
        already = dict(
            self.sudo()._read_group(
                [("match_id", "in", unsigned.ids), ("state", "=", "confirmed")],
                ["match_id"],
                ["__count"],
            )
        )
        in_batch = Counter(e.match_id.id for e in self)
        for match in unsigned:
            batch = in_batch[match.id]
            allowed = match.program_id.intro_contact_limit
            if already.get(match, 0) + batch > allowed:
                raise UserError(
                    self.env._(
                        "%(match)s: no signed agreement yet. Before it is signed, the programme "
                        "allows %(allowed)s first meeting(s). Sign the agreement together first.",
                        match=match.display_name,
                        allowed=allowed,
                    )
                )

    def action_cancel(self):
        to_cancel = self.filtered(lambda e: e.state != "cancelled")
        if any(e.state == "confirmed" for e in to_cancel):
            to_cancel.filtered(lambda e: e.state == "confirmed").match_id._check_acts_for(
                self.env._("cancel a confirmed meeting")
            )
        to_cancel._check_not_invoiced(self.env._("cancel"))
        to_cancel._check_not_claimed()
        to_cancel._write_checked({"state": "cancelled"})
        to_cancel._sync_billing()
        return True

    def _check_not_claimed(self):
        """A meeting on a submitted or approved monthly timesheet stays as it was claimed."""
        sheets = (
            self.env["mentoring.monthly.timesheet"]
            .sudo()
            .search([("claimed_encounter_ids", "in", self.ids), ("state", "!=", "draft")])
        )
        if sheets:
            raise UserError(
                self.env._(
                    "This meeting is on the monthly timesheet %(sheet)s, already submitted. Send the "
                    "timesheet back to draft first.",
                    sheet=sheets[0].name,
                )
            )

    def action_reset_to_draft(self):
        if any(encounter.state != "cancelled" for encounter in self):
            raise UserError(self.env._("Only a cancelled encounter can go back to draft."))
        self._write_checked({"state": "draft"})
        return True

    @api.model
    def _new_record_domain(self, name):
        if name == "match_id":
            # The form lists every readable ongoing match: a supervisor logs the meetings they
            # attend with the mentors they supervise (their own rule lets them create those).
            return [("state", "in", ("introduced", "active"))]
        return super()._new_record_domain(name)

    @api.model
    def _new_record_unavailable_help(self):
        return self.env._(
            "You log the meetings of an ongoing match: your own as its peer mentor, one of a mentor "
            "you supervise, or one of a programme you coordinate, and you have none now. If you "
            "expected to have a mentee, ask your programme's coordinator."
        )
