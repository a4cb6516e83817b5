from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_datetime

from .mentoring_mentor import ONGOING_MATCH_STATES

INTRODUCTION_BUSINESS_DAYS = 3
# Endings after which the coordinator is offered another mentor, never the same one again.
REMATCH_REASONS = ("conflict", "no_fault_opt_out")
OPT_OUT_PARTIES = [
    ("mentor", "The mentor organisation"),
    ("mentee", "The mentee organisation"),
    ("both", "Both organisations"),
]


class MentoringMatch(models.Model):
    """Provider-to-provider mentoring (seed 002) on a match: the introduction is due within
    three business days of the agency's working calendar; a no-fault opt-out is told to the
    programme within the agreed hours; a match that ended in conflict or opt-out is followed by
    one with another mentor (seed 001)."""

    _inherit = "mentoring.match"

    is_organisation_programme = fields.Boolean(compute="_compute_is_organisation_programme")
    introduction_due_date = fields.Date(
        "Introduce by",
        readonly=True,
        copy=False,
        tracking=True,
        help="Organisations are introduced within three business days of the match being "
        "proposed (the agency's working calendar and public holidays).",
    )
    date_introduced = fields.Date("Introduced on", readonly=True, copy=False)
    opt_out_party = fields.Selection(OPT_OUT_PARTIES, string="Opted out", readonly=True, copy=False)
    opt_out_on = fields.Datetime("Opted out on", readonly=True, copy=False)
    opt_out_told_on = fields.Datetime(
        "Programme told on", readonly=True, copy=False, help="When the programme was told of the opt-out."
    )
    opt_out_told_by_id = fields.Many2one("res.users", string="Told by", readonly=True, copy=False)
    opt_out_notice_hours = fields.Integer("Notice (hours)", readonly=True, copy=False)
    opt_out_told_late = fields.Boolean(
        "Told after the notice period", compute="_compute_opt_out_told_late", store=True
    )
    previous_match_id = fields.Many2one(
        "mentoring.match",
        string="Follows on from",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The match this one follows, after it ended in a conflict or a no-fault opt-out.",
    )
    # The mentors this mentee worked with in a match that ended in conflict or opt-out: another
    # mentor is found for them.
    excluded_mentor_ids = fields.Many2many("mentoring.mentor", compute="_compute_excluded_mentor_ids")
    worksheet_count = fields.Integer(compute="_compute_worksheet_count")
    # The opt-out button shows to who may tell the programme: the mentor organisation of the
    # match and the programme's coordinators.
    user_may_opt_out = fields.Boolean(compute="_compute_user_may_opt_out")

    @api.depends("program_id.program_type")
    def _compute_is_organisation_programme(self):
        for match in self:
            match.is_organisation_programme = match.program_id.program_type == "organization"

    @api.depends("opt_out_on", "opt_out_told_on", "opt_out_notice_hours")
    def _compute_opt_out_told_late(self):
        for match in self:
            match.opt_out_told_late = bool(
                match.opt_out_on
                and match.opt_out_told_on
                and match.opt_out_told_on > match.opt_out_on + timedelta(hours=match.opt_out_notice_hours)
            )

    @api.depends("mentee_id")
    def _compute_excluded_mentor_ids(self):
        for match in self:
            match.excluded_mentor_ids = match.mentee_id._ended_in_rematch_mentors()

    @api.depends_context("uid")
    def _compute_user_may_opt_out(self):
        for match in self:
            match.user_may_opt_out = match._user_speaks_for_a_party()

    def _user_speaks_for_a_party(self):
        """The current user is the match's mentor or coordinates its programme."""
        self.ensure_one()
        return self.sudo().mentor_id.user_id == self.env.user or self.program_id._user_coordinates()

    def _compute_worksheet_count(self):
        counts = dict(
            self.env["mentoring.worksheet"]._read_group(
                [("match_id", "in", self.ids)], ["match_id"], ["__count"]
            )
        )
        for match in self:
            match.worksheet_count = counts.get(match._origin, 0)

    def _protected_field_names(self):
        return super()._protected_field_names() | {
            "introduction_due_date",
            "date_introduced",
            "opt_out_party",
            "opt_out_on",
            "opt_out_told_on",
            "opt_out_told_by_id",
            "opt_out_notice_hours",
            "previous_match_id",
        }

    @api.constrains("mentee_id", "previous_match_id")
    def _check_rematch_follows_the_same_mentee(self):
        # Another mentor, not the one it ended with: a hard rule of every match
        # (mentoring_match_hard_rules.py), asked of a rematch as of any match.
        for match in self.filtered("previous_match_id"):
            if match.previous_match_id.mentee_id != match.mentee_id:
                raise ValidationError(
                    self.env._("A match follows on from an earlier match of the same mentee.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        matches = super().create(vals_list)
        matches.filtered(
            lambda m: m.state == "draft" and m.is_organisation_programme
        )._schedule_introduction()
        return matches

    # Introduction within three business days -------------------------------------------------

    def _business_days_after(self, day, count):
        """The `count`-th working day after `day` (not counting `day` itself) in the company's
        working calendar: weekends and public holidays (calendar leaves without a resource) are
        skipped."""
        self.ensure_one()
        company = self.company_id
        calendar = company.resource_calendar_id.sudo()
        if not calendar:
            due = day
            while count:
                due += timedelta(days=1)
                count -= due.weekday() < 5
            return due
        tz = pytz.timezone(calendar.tz or "UTC")
        start = tz.localize(datetime.combine(day + timedelta(days=1), time.min))
        public_holidays = [("time_type", "=", "leave"), ("company_id", "in", [company.id, False])]
        end = calendar.plan_days(count, start, compute_leaves=True, domain=public_holidays)
        return end.astimezone(tz).date()

    def _schedule_introduction(self):
        today = fields.Date.context_today(self)
        for match in self:
            due = match._business_days_after(today, INTRODUCTION_BUSINESS_DAYS)
            match.sudo().write({"introduction_due_date": due})
            match.sudo().activity_schedule(
                "peer_mentoring.mail_activity_type_introduction",
                date_deadline=due,
                user_id=(match.coordinator_id or self.env.user).id,
            )

    def action_introduce(self):
        res = super().action_introduce()
        today = fields.Date.context_today(self)
        self.sudo().write({"date_introduced": today})
        self.sudo().activity_feedback(["peer_mentoring.mail_activity_type_introduction"])
        return res

    def action_cancel(self):
        res = super().action_cancel()
        self.sudo().activity_unlink(["peer_mentoring.mail_activity_type_introduction"])
        return res

    def action_reset_to_draft(self):
        # Proposed again: the three business days start again from today.
        res = super().action_reset_to_draft()
        self.filtered("is_organisation_programme")._schedule_introduction()
        return res

    # No-fault opt-out ------------------------------------------------------------------------

    def _opt_out_hours(self):
        """The notice the parties agreed (their signed agreement), else the programme's."""
        self.ensure_one()
        signed = self.sudo().agreement_ids.filtered(lambda a: a.state == "signed")[:1]
        return signed.opt_out_notice_hours or self.sudo().program_id.opt_out_notice_hours

    def _check_may_record_opt_out(self):
        self.check_access("read")
        for match in self:
            if match.state not in ONGOING_MATCH_STATES:
                raise UserError(
                    self.env._(
                        "%(match)s is not ongoing: only an ongoing mentorship can be ended by an opt-out.",
                        match=match.display_name,
                    )
                )
            if not match._user_speaks_for_a_party():
                raise UserError(
                    self.env._(
                        "Only the mentor of %(match)s or a coordinator of its programme can record "
                        "an opt-out.",
                        match=match.display_name,
                    )
                )
            if match.opt_out_told_on:
                raise UserError(
                    self.env._("The opt-out of %(match)s is already recorded.", match=match.display_name)
                )

    def _record_opt_out(self, party, opted_out_on=None):
        """A party ended the mentorship on a no-fault basis: the programme is told now. Records
        who and when, the closure reason and when the programme was told, and gives the
        coordinator an activity due when the notice period ends, to finalise the mentorship."""
        self._check_may_record_opt_out()
        now = fields.Datetime.now()
        opted_out_on = opted_out_on or now
        if opted_out_on > now:
            raise UserError(self.env._("An opt-out cannot be dated in the future."))
        parties = dict(self._fields["opt_out_party"]._description_selection(self.env))
        for match in self:
            hours = match._opt_out_hours()
            match.sudo().write(
                {
                    "closure_reason": "no_fault_opt_out",
                    "opt_out_party": party,
                    "opt_out_on": opted_out_on,
                    "opt_out_told_on": now,
                    "opt_out_told_by_id": self.env.uid,
                    "opt_out_notice_hours": hours,
                }
            )
            deadline = opted_out_on + timedelta(hours=hours)
            coordinator = match.coordinator_id or match.sudo().program_id.coordinator_ids[:1]
            local_deadline = fields.Datetime.context_timestamp(
                match.with_user(coordinator) if coordinator else match, deadline
            )
            match.sudo().activity_schedule(
                "peer_mentoring.mail_activity_type_opt_out",
                date_deadline=local_deadline.date(),
                user_id=(coordinator or self.env.user).id,
            )
            match.sudo().message_post(
                body=self.env._(
                    "No-fault opt-out: %(party)s chose to end this mentorship. Ending a mentorship "
                    "is nobody's failure. The programme was told on %(told)s (within %(hours)s "
                    "hours of the opt-out: %(in_time)s).",
                    party=parties[party].lower(),
                    told=format_datetime(self.env, now),
                    hours=hours,
                    in_time=self.env._("no") if match.opt_out_told_late else self.env._("yes"),
                ),
                author_id=self.env.user.partner_id.id,
            )

    def action_open_opt_out_wizard(self):
        self._check_may_record_opt_out()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("No-fault opt-out"),
            "res_model": "mentoring.match.opt.out",
            "view_mode": "form",
            "target": "new",
            "context": {"default_match_id": self.id},
        }

    def _close(self, reason, note):
        res = super()._close(reason, note)
        self.sudo().activity_feedback(["peer_mentoring.mail_activity_type_opt_out"])
        self.env["mentoring.worksheet"].search(
            [("match_id", "in", self.ids), ("state", "=", "draft")]
        )._send_to_programme()
        return res

    def _prune_relationship_followers(self):
        res = super()._prune_relationship_followers()
        self.env["mentoring.worksheet"].sudo().search([("match_id", "in", self.ids)])._prune_followers()
        return res

    def action_view_worksheets(self):
        return self._action_open_related("peer_mentoring.mentoring_worksheet_action")

    # Rematch ---------------------------------------------------------------------------------

    def action_find_another_mentor(self):
        """The ranked Find a mentor screen for the same mentee and programme: every mentor they
        already ended a match with in conflict or opt-out is left out (and says so), and the
        match proposed from it follows on from this one."""
        self.ensure_one()
        self._check_acts_for(self.env._("find another mentor"))
        return self.env["mentoring.match.finder"]._action_open(
            self.mentee_id, program=self.program_id, previous_match=self
        )
