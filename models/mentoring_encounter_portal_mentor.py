from datetime import date as date_type

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .mentoring_encounter import NO_ACTION_REASONS, PROGRESS

# How long, in the portal's plain words (minutes).
PORTAL_DURATIONS = (30, 45, 60, 90, 120)
PORTAL_PLACES = ("agency", "community", "virtual", "phone")


class MentoringEncounter(models.Model):
    """*Log a meeting* for volunteer and carer mentors on the portal
    (controllers/portal_mentor.py). The portal user has no right to create a meeting: this
    method checks who acts (the portal login of the match's own mentor, the match under way),
    takes only the answers of the screen, and creates a draft with sudo(). The coordinator
    checks and confirms it in the back office."""

    _inherit = "mentoring.encounter"

    @api.model
    def _portal_log_meeting(self, answers):
        """Create the carer's draft meeting from the portal's answers (strings, as posted).
        Returns (meeting, problem): the meeting made, or the first thing to fix in plain words."""
        mentor = self.env["mentoring.mentor"]._portal_mentor()
        if not mentor:
            raise AccessError(self.env._("Only a mentor with their own portal login logs a meeting here."))
        values, problem = self._portal_meeting_values(mentor, answers)
        if problem:
            return self.browse(), problem
        meeting = self.sudo().with_context(mail_create_nosubscribe=True).create(values)
        meeting.message_post(
            body=self.env._(
                "Logged on the portal by the mentor, %(name)s, with their own login. Check it and confirm it.",
                name=mentor.name,
            ),
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        # The coordinator finds it in their activities; no name in the summary (it travels).
        if meeting.match_id.coordinator_id:
            meeting.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=meeting.match_id.coordinator_id.id,
                summary=self.env._("Check and confirm a meeting logged on the portal"),
            )
        return meeting.with_env(self.env), False

    @api.model
    def _portal_meeting_values(self, mentor, answers):
        """The meeting's values from the answers, or the first problem, in the screen's order."""
        _ = self.env._
        match_id = _to_int(answers.get("match_id"))
        match = mentor._portal_matches().filtered(lambda m: m.id == match_id)
        if not match:
            return {}, _("Choose who you met.")
        day = _to_date(answers.get("date"))
        if not day or day > fields.Date.context_today(self):
            return {}, _("Choose the day of the meeting: today or a day before.")
        start = _to_hours(answers.get("start_time"))
        if start is None:
            return {}, _("Write the time the meeting started, like 10:30.")
        minutes = _to_int(answers.get("duration"))
        if minutes not in PORTAL_DURATIONS:
            return {}, _("Choose how long you met.")
        end = start + minutes / 60
        if end > 24:
            return {}, _("A meeting ends by midnight. Check the start time.")
        place = answers.get("location_type")
        if place not in PORTAL_PLACES:
            return {}, _("Choose where you met.")
        goals = (
            self.env["mentoring.goal"]
            .sudo()
            .search([("match_id", "=", match.id), ("plan_state", "!=", "superseded")])
        )
        goal = goals.filtered(lambda g: g.id == _to_int(answers.get("goal_id")))
        if goals and not goal:
            return {}, _("Choose the goal you worked on.")
        progress = answers.get("progress")
        if progress not in dict(PROGRESS):
            return {}, _("Choose how it went.")
        reason = answers.get("no_action_reason") if progress == "no_action" else False
        if progress == "no_action" and reason not in dict(NO_ACTION_REASONS):
            return {}, _("Choose why no step was taken.")
        explanation = (answers.get("progress_explanation") or "").strip()[:2000]
        needs_text = progress in ("considerable", "some_steps") or reason == "other"
        if needs_text and not explanation:
            return {}, _("Write a few words in the box “Tell us more”.")
        return {
            "match_id": match.id,
            "date": day,
            "start_time": start,
            "end_time": end,
            "location_type": place,
            "goal_id": goal.id,
            "progress": progress,
            "no_action_reason": reason,
            "progress_explanation": explanation if needs_text else False,
            "next_steps": (answers.get("next_steps") or "").strip()[:2000] or False,
        }, False


def _to_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _to_date(value):
    try:
        return date_type.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _to_hours(value):
    """ "10:30" -> 10.5, or None."""
    try:
        hours, minutes = (int(part) for part in (value or "").split(":")[:2])
    except ValueError:
        return None
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        return None
    return hours + minutes / 60
