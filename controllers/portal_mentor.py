from datetime import date as date_type

from dateutil.relativedelta import relativedelta

from odoo import fields, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from ..models.mentoring_encounter import LOCATION_TYPES, NO_ACTION_REASONS, PROGRESS
from ..models.mentoring_encounter_portal_mentor import PORTAL_DURATIONS
from .portal import MentoringPortal

# The meeting's places in the meeting's own words (the saved meeting reads what was chosen),
# each with its picture (Font Awesome).
PLACE_PICTURES = {
    "agency": "fa-building",
    "community": "fa-tree",
    "virtual": "fa-video-camera",
    "phone": "fa-phone",
}
PLACES = [(key, label, PLACE_PICTURES[key]) for key, label in LOCATION_TYPES]
PROGRESS_PICTURES = {
    "met": "fa-trophy",
    "considerable": "fa-line-chart",
    "some_steps": "fa-shoe-prints fa-level-up",
    "no_action": "fa-pause-circle",
}


class MentoringPortalMentor(MentoringPortal):
    """/my/mentor: volunteer and carer mentors on the portal log their meetings and send their
    monthly timesheet. Each page checks that the login is a portal mentor's
    (`mentoring.mentor._portal_mentor`); records are read with the login's own rights
    (security/portal_mentor_rules.xml); saving goes through the models' methods, which check who
    acts again."""

    def _mentoring_records(self):
        # "My mentoring" is the page of the person mentored. A carer is never a person mentored
        # (models/mentoring_mentor_portal.py): their meetings are on /my/mentor, not listed there
        # as if they were about them.
        records = super()._mentoring_records()
        if request.env["mentoring.mentor"]._portal_mentor():
            records = {kind: found.browse() for kind, found in records.items()}
        return records

    def _mentoring_record(self, kind, record_id):
        if request.env["mentoring.mentor"]._portal_mentor():
            return None
        return super()._mentoring_record(kind, record_id)

    @http.route()
    def portal_my_mentoring_everything(self, **kw):
        if request.env["mentoring.mentor"]._portal_mentor():
            return request.redirect("/my/mentor")
        return super().portal_my_mentoring_everything(**kw)

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        mentor = request.env["mentoring.mentor"]._portal_mentor()
        if not counters:
            # The home page itself (the counters' answer must name counters only): the card is
            # shown to every portal mentor, with or without a mentee now, for their timesheets.
            values["is_portal_mentor"] = bool(mentor)
        if "mentor_count" in counters:
            values["mentor_count"] = len(mentor._portal_matches()) if mentor else 0
        return values

    def _portal_mentor_values(self, page_name, **values):
        mentor = request.env["mentoring.mentor"]._portal_mentor()
        result = self._prepare_portal_layout_values()
        result.update({"page_name": page_name, "mentor": mentor, **values})
        return result

    @http.route("/my/mentor", type="http", auth="user", website=True)
    def portal_my_mentor(self, logged=None, sent=None, **kw):
        mentor = request.env["mentoring.mentor"]._portal_mentor()
        if not mentor:
            return request.redirect("/my")
        # Read as the mentor: their rules give the meetings of their own matches.
        meetings = request.env["mentoring.encounter"].search([("state", "!=", "cancelled")], limit=10)
        return request.render(
            "peer_mentoring.portal_my_mentor",
            self._portal_mentor_values(
                "mentor",
                meetings=meetings,
                matches=mentor._portal_matches(),
                logged=logged == "1",
                this_month=fields.Date.context_today(mentor).replace(day=1),
            ),
        )

    @http.route("/my/mentor/log", type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_my_mentor_log(self, **post):
        mentor = request.env["mentoring.mentor"]._portal_mentor()
        if not mentor:
            return request.redirect("/my")
        problem = False
        if request.httprequest.method == "POST":
            try:
                meeting, problem = request.env["mentoring.encounter"]._portal_log_meeting(post)
            except (AccessError, UserError) as error:
                meeting, problem = None, str(error)
            if meeting:
                return request.redirect("/my/mentor?logged=1")
        matches = mentor._portal_matches()
        today = fields.Date.context_today(mentor)
        answers = {
            "date": today.isoformat(),
            "duration": "60",
            "match_id": str(matches.id) if len(matches) == 1 else "",
            **{k: v for k, v in post.items() if isinstance(v, str)},
        }
        # The goals of each relationship, read as the mentor (security/portal_mentor_rules.xml).
        goals = request.env["mentoring.goal"].search(
            [("match_id", "in", matches.ids), ("plan_state", "!=", "superseded")]
        )
        return request.render(
            "peer_mentoring.portal_mentor_log",
            self._portal_mentor_values(
                "mentor_log",
                matches=matches,
                goals=goals,
                answers=answers,
                problem=problem,
                today=today,
                places=PLACES,
                durations=PORTAL_DURATIONS,
                progress=[(key, label, PROGRESS_PICTURES[key]) for key, label in PROGRESS],
                reasons=NO_ACTION_REASONS,
            ),
        )

    def _month_from(self, month):
        """ "2026-11" -> the month's first day (this month when absent or wrong)."""
        today = fields.Date.context_today(request.env["mentoring.mentor"])
        try:
            return date_type.fromisoformat(f"{month}-01")
        except (TypeError, ValueError):
            return today.replace(day=1)

    @http.route("/my/mentor/timesheet", type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_my_mentor_timesheet(self, month=None, **post):
        mentor = request.env["mentoring.mentor"]._portal_mentor()
        if not mentor:
            return request.redirect("/my")
        first = self._month_from(month)
        problem = False
        sent_now = False
        if request.httprequest.method == "POST":
            try:
                request.env["mentoring.monthly.timesheet"]._portal_submit_month(first)
                sent_now = True
            except (AccessError, UserError) as error:
                problem = str(error)
        sheet = request.env["mentoring.monthly.timesheet"]._portal_month(first)
        if sheet and sheet.state != "draft":
            meetings = sheet.claimed_encounter_ids
            waiting = request.env["mentoring.encounter"]
        else:
            month_meetings = request.env["mentoring.encounter"].search(
                [
                    ("date", ">=", first),
                    ("date", "<", first + relativedelta(months=1)),
                    ("state", "in", ("draft", "confirmed")),
                ],
                order="date, start_time",
            )
            meetings = month_meetings.filtered(lambda m: m.state == "confirmed")
            waiting = month_meetings - meetings
        this_month = fields.Date.context_today(mentor).replace(day=1)
        return request.render(
            "peer_mentoring.portal_mentor_timesheet",
            self._portal_mentor_values(
                "mentor_timesheet",
                sheet=sheet,
                first=first,
                meetings=meetings,
                waiting=waiting,
                total_minutes=sum(meetings.mapped("duration_minutes")),
                problem=problem,
                sent_now=sent_now,
                previous_month=first - relativedelta(months=1),
                next_month=first + relativedelta(months=1) if first < this_month else False,
            ),
        )
