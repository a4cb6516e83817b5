from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.mentoring_encounter import LOCATION_TYPES, NO_ACTION_REASONS, PROGRESS, just_ended_hour

# The meeting's own places and words, in the order of the screen.
PLACES = [(key, dict(LOCATION_TYPES)[key]) for key in ("agency", "community", "virtual", "phone")]
DURATIONS = [("30", "30 minutes"), ("45", "45 minutes"), ("60", "60 minutes")]
# A meeting is logged only while the relationship is under way (the encounter's own rule).
LOGGABLE_MATCH_STATES = ("introduced", "active")


class MentoringEncounterLog(models.TransientModel):
    """Log a meeting: the peer mentor's one screen to record and sign a meeting.

    Plain words, big choices, the mentee filled in when there is one, and one "Save and sign"
    that creates the meeting as the mentor and confirms it with the encounter's own
    action_confirm (so every rule and every access check of the encounter applies). What
    stops the save is shown on the screen, in words that say what to do, instead of an error
    dialog."""

    _name = "mentoring.encounter.log"
    _description = "Log a Meeting"
    _inherit = ["mentoring.guard.mixin"]

    def _loggable_matches(self):
        """The user's own relationships that are under way, read with the user's rights."""
        return self.env["mentoring.match"].search(
            [("mentor_id.user_id", "=", self.env.uid), ("state", "in", LOGGABLE_MATCH_STATES)]
        )

    def _default_mentee(self):
        mentees = self._loggable_matches().mentee_id
        return mentees if len(mentees) == 1 else False

    def _default_start_time(self):
        """The meeting just ended: it started an hour (the default length) before now, in the
        user's timezone, now taken down to five minutes (a meeting is signed once it has ended)."""
        return just_ended_hour(self)[1]

    available_mentee_ids = fields.Many2many("mentoring.mentee", compute="_compute_available_mentee_ids")
    has_mentees = fields.Boolean(compute="_compute_available_mentee_ids")
    mentee_id = fields.Many2one(
        "mentoring.mentee", string="Who did you meet?", default=lambda self: self._default_mentee()
    )
    match_id = fields.Many2one("mentoring.match", compute="_compute_match_id")
    mentee_name = fields.Char(compute="_compute_names")
    mentor_name = fields.Char(compute="_compute_names")
    date = fields.Date("Day", default=lambda self: just_ended_hour(self)[0])
    start_time = fields.Float("Start", default=lambda self: self._default_start_time())
    duration = fields.Selection(DURATIONS, string="How long?", default="60")
    end_time = fields.Float("End")
    location_type = fields.Selection(PLACES, string="Where did you meet?")
    goal_id = fields.Many2one(
        "mentoring.goal",
        string="Which goal did you work on?",
        compute="_compute_goal_id",
        store=True,
        readonly=False,
    )
    has_goals = fields.Boolean(compute="_compute_has_goals")
    progress = fields.Selection(PROGRESS, string="How did it go?")
    no_action_reason = fields.Selection(NO_ACTION_REASONS, string="Why was no step taken?")
    progress_explanation = fields.Text("Tell us more")
    next_steps = fields.Text("What will you work on before the next meeting?")
    mentor_signature = fields.Binary("Your signature", attachment=False)
    mentee_signature = fields.Binary("Your mentee's signature", attachment=False)
    problem = fields.Text(readonly=True)

    def _compute_display_name(self):
        self.display_name = self.env._("Log a meeting")

    def _compute_available_mentee_ids(self):
        mentees = self._loggable_matches().mentee_id
        for wizard in self:
            wizard.available_mentee_ids = mentees
            wizard.has_mentees = bool(mentees)

    @api.depends("mentee_id")
    def _compute_match_id(self):
        match_of = {}
        for match in self._loggable_matches():
            match_of.setdefault(match.mentee_id, match)
        for wizard in self:
            wizard.match_id = match_of.get(wizard.mentee_id, False)

    @api.depends("mentee_id")
    def _compute_names(self):
        mentor = self._loggable_matches().mentor_id[:1]
        for wizard in self:
            wizard.mentee_name = wizard.mentee_id.name
            wizard.mentor_name = mentor.name or self.env.user.name

    def _current_goals(self):
        self.ensure_one()
        if not self.match_id:
            return self.env["mentoring.goal"]
        return self.env["mentoring.goal"].search(
            [("match_id", "=", self.match_id.id), ("plan_state", "!=", "superseded")]
        )

    @api.depends("mentee_id")
    def _compute_goal_id(self):
        for wizard in self:
            goals = wizard._current_goals()
            if wizard.goal_id not in goals:
                wizard.goal_id = goals if len(goals) == 1 else False

    @api.depends("mentee_id")
    def _compute_has_goals(self):
        for wizard in self:
            wizard.has_goals = bool(wizard._current_goals())

    @api.onchange("start_time", "duration")
    def _onchange_duration(self):
        if self.duration:
            self.end_time = self.start_time + int(self.duration) / 60

    @api.onchange("end_time")
    def _onchange_end_time(self):
        minutes = str(round((self.end_time - self.start_time) * 60))
        self.duration = minutes if minutes in dict(DURATIONS) else False

    @api.model
    def default_get(self, fields):
        values = super().default_get(fields)
        if "end_time" in fields and "start_time" in values and values.get("duration"):
            values["end_time"] = min(24.0, values["start_time"] + int(values["duration"]) / 60)
        return values

    def action_save_and_sign(self):
        """Create the meeting as the mentor and confirm it; on a problem, say it on the screen."""
        self.ensure_one()
        problem = self._problem()
        if not problem:
            try:
                with self.env.cr.savepoint():
                    encounter = self.env["mentoring.encounter"].create(self._prepare_encounter_values())
                    encounter.action_confirm()
            except AccessError:
                raise
            except UserError as error:  # ValidationError included: the rules' own plain words
                problem = error.args[0]
        if problem:
            self.problem = problem
            return False  # the screen reloads and shows the problem
        return self._action_open_logged(encounter)

    def _needs_explanation(self):
        return self.progress in ("considerable", "some_steps") or (
            self.progress == "no_action" and self.no_action_reason == "other"
        )

    def _problem(self):
        """The first thing to fix on the screen, in the order the screen asks, or False."""
        self.ensure_one()
        _ = self.env._
        if not self.has_mentees:
            return _("You have nobody to log a meeting with right now. Your coordinator can help.")
        if not self.match_id:
            return _("Choose who you met.")
        if not self.date or self.date > fields.Date.context_today(self):
            return _("Choose the day of the meeting: today or a day before.")
        if self.end_time <= self.start_time:
            return _("The meeting must end after it starts. Check the end time.")
        if self.start_time < 0 or self.end_time > 24:
            return _("A meeting ends by midnight (24:00). Check the start and end times.")
        if not self.location_type:
            return _("Choose where you met.")
        if self.has_goals and not self.goal_id:
            return _("Choose the goal you worked on.")
        if not self.progress:
            return _("Choose how it went.")
        if self.progress == "no_action" and not self.no_action_reason:
            return _("Choose why no step was taken.")
        if self._needs_explanation() and not (self.progress_explanation or "").strip():
            return _("Write a few words in the box “Tell us more”.")
        if not self.mentor_signature:
            return _("Sign in the box “Your signature”.")
        return False

    def _prepare_encounter_values(self):
        self.ensure_one()
        return {
            "match_id": self.match_id.id,
            "date": self.date,
            "start_time": self.start_time,
            "end_time": self.end_time,
            "location_type": self.location_type,
            "goal_id": self.goal_id.id,
            "progress": self.progress,
            "no_action_reason": self.progress == "no_action" and self.no_action_reason,
            "progress_explanation": self._needs_explanation() and self.progress_explanation,
            "next_steps": self.next_steps,
            "mentor_signature": self.mentor_signature,
            "mentee_signature": self.mentee_signature,
        }

    def _action_open_logged(self, encounter):
        """The saved meeting, confirmed, with its Print button; breadcrumbs start afresh."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Meeting saved"),
            "res_model": "mentoring.encounter",
            "res_id": encounter.id,
            "views": [(self.env.ref("peer_mentoring.mentoring_encounter_view_form_logged").id, "form")],
            "target": "main",
        }

    @api.model
    def _action_mentoring_home(self):
        """What the Mentoring app opens: a peer mentor's day starts with "Log a meeting"; every
        other role gets the first menu it may open, as the web client would."""
        user = self.env.user
        if user.has_group("peer_mentoring.group_mentor") and not user.has_group(
            "peer_mentoring.group_supervisor"
        ):
            return self.env["ir.actions.act_window"]._for_xml_id(
                "peer_mentoring.mentoring_encounter_log_action"
            )
        visible = self.env["ir.ui.menu"]._visible_menu_ids()
        log_menu = self.env.ref("peer_mentoring.mentoring_encounter_log_menu")
        pending = list(self.env.ref("peer_mentoring.mentoring_menu_root").child_id - log_menu)
        while pending:
            menu = pending.pop(0)
            if menu.id not in visible:
                continue
            if menu.action:
                return menu.action.sudo()._get_action_dict()
            pending[:0] = list(menu.child_id)
        return False
