from collections import defaultdict
from contextvars import ContextVar

from markupsafe import Markup

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..tools.serialise import serialise_on

# Changing these on a confirmed encounter changes what is billed.
BILLING_FIELDS = {"date", "start_time", "end_time", "is_group_session", "billing_override_reason"}
BILLING_READERS = "peer_mentoring.group_coordinator,account.group_account_invoice"
# The payer, member ID, billing profile, service and mentor's credential of each meeting while
# a batch is planned: asked up to ten times per meeting, and nothing changes them meanwhile.
_PLANNING_MEMO = ContextVar("mentoring_planning_memo", default=None)


def _planning_memo(key, compute):
    memo = _PLANNING_MEMO.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _hhmm(hours):
    minutes = round(hours * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class MentoringEncounterBilling(models.AbstractModel):
    """Turns confirmed encounters into timesheet lines on the payer's authorisation.

    One timesheet line per billable encounter, on the task of the authorisation's sale order
    line, so that sale_timesheet delivers and invoices it. Units follow the payer's billing
    profile (unit, rounding, per-encounter or per-day, daily cap); the authorisation that
    expires first is drawn on first. Whole mentee-days are planned together, in one pass for a
    whole batch.

    Billing never refuses a meeting: a valid meeting is confirmed as documented, and what
    billing cannot bill (no authorisation, no units left, the daily cap, a note that lacks what
    the payer requires) is recorded as not billed and needing attention, with an activity for
    the programme's coordinator on the meeting's billing entry. Mentors never see it: they
    read neither billing entries nor their activities."""

    _name = "mentoring.encounter.billing"
    _description = "Billing of Mentoring Encounters"

    # Billing records are the coordinator's and finance's business, not the mentor's.
    timesheet_ids = fields.One2many(
        "account.analytic.line",
        "mentoring_encounter_id",
        string="Timesheet lines",
        readonly=True,
        groups=BILLING_READERS,
    )
    timesheet_id = fields.Many2one(
        "account.analytic.line",
        string="Timesheet line",
        compute="_compute_timesheet_id",
        groups=BILLING_READERS,
    )
    invoice_id = fields.Many2one("account.move", compute="_compute_timesheet_id", groups=BILLING_READERS)
    authorization_id = fields.Many2one(
        "mentoring.authorization",
        string="Authorisation",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups=BILLING_READERS,
    )
    billed_units = fields.Float(readonly=True, copy=False, digits="Product Unit")
    # Why not billed can tell the outcome of the meeting ("this outcome is not billable"):
    # coordinators read it; finance reads the neutral billing entry instead.
    not_billed_reason = fields.Char(
        "Why not billed", readonly=True, copy=False, groups="peer_mentoring.group_coordinator"
    )
    needs_billing_attention = fields.Boolean(readonly=True, copy=False, index=True)
    is_group_session = fields.Boolean(
        "Group session", help="Billed under the programme's group-session service and its authorisations."
    )
    billing_override_reason = fields.Text(
        copy=False,
        help="A coordinator's decision not to bill a meeting that falls outside the "
        "authorisation, its remaining units or the daily cap, or whose note lacks what the payer "
        "requires: it then no longer needs attention.",
    )

    @api.depends("timesheet_ids.timesheet_invoice_id")
    def _compute_timesheet_id(self):
        for encounter in self:
            # Timesheet rules would hide the line from finance, who bill from it.
            line = encounter.sudo().timesheet_ids[:1]
            encounter.timesheet_id = line
            encounter.invoice_id = line.timesheet_invoice_id.filtered(lambda m: m.state != "cancel")

    # Who is billed for what -------------------------------------------------------------------

    def _billing_coverage(self):
        """(payer, member ID) covering the meeting's date."""
        self.ensure_one()
        return _planning_memo(("coverage", self.env, self.id), lambda: self.mentee_id._coverage_on(self.date))

    def _billing_profile(self):
        self.ensure_one()
        return _planning_memo(
            ("profile", self.env, self.id),
            lambda: self.program_id._billing_profile_for(self._billing_coverage()[0]),
        )

    def _mentor_credential_on_date(self):
        self.ensure_one()
        return _planning_memo(
            ("credential", self.env, self.id), lambda: self.mentor_id._credential_on(self.date)
        )

    def _date_in_words(self):
        """The meeting's day as the reader's language writes it: only for a message shown, as
        formatting costs a language lookup per call (thousands per batch)."""
        return format_date(self.env, self.date)

    def _billing_setup_problem(self):
        """Why this encounter is not billable at all, or False when it is."""
        self.ensure_one()
        profile = self._billing_profile()
        if not self._billed_product():
            return self.env._("the programme does not bill this kind of session")
        if not self._billing_coverage()[0]:
            return self.env._("the mentee has no payer covering the meeting's date")
        if not profile:
            return self.env._("no billing profile for the payer or programme")
        if not self.mentor_id.employee_id:
            return self.env._("the mentor is not an employee")
        if self._mentor_credential_on_date() == "intern" and not profile.bill_interns:
            return self.env._("the payer does not pay for mentors in internship")
        if not profile.is_outcome_billable(self.progress):
            return self.env._("this outcome is not billable")
        return False

    def _billed_product(self):
        self.ensure_one()
        return _planning_memo(
            ("product", self.env, self.id), lambda: self.program_id._service_product(self.is_group_session)
        )

    def _documentation_gaps(self):
        """What a payer's audit would find missing from the note of a billable encounter."""
        self.ensure_one()
        checks = [
            (self.date, "date"),
            (self.end_time > self.start_time, "times"),
            (self.location_type, "location"),
            (self._billed_product(), "service"),
            (self.mentor_id.name, "mentor"),
            (self._mentor_credential_on_date() in ("certified", "intern"), "credential"),
            (self.goal_id, "goal"),
            (self.progress, "progress"),
            (self._is_signed_by("mentor"), "mentor_signature"),
        ]
        if self.program_id.require_mentee_signature:
            checks.append((self._is_signed_by("mentee"), "mentee_signature"))
        missing = [key for ok, key in checks if not ok]
        # Translated only when something is missing: thousands of meetings are checked per batch.
        labels = self._documentation_gap_labels() if missing else {}
        return [labels[key] for key in missing]

    def _documentation_gap_labels(self):
        return {
            "date": self.env._("date"),
            "times": self.env._("start and end time"),
            "location": self.env._("location"),
            "service": self.env._("service"),
            "mentor": self.env._("mentor's name"),
            "credential": self.env._("mentor's credential (certified or intern)"),
            "goal": self.env._("goal worked on"),
            "progress": self.env._("progress"),
            "mentor_signature": self.env._("mentor's signature"),
            "mentee_signature": self.env._("mentee's signature"),
        }

    def _documentation_problem(self):
        """Why a payer would refuse the note of this billable encounter, or False."""
        gaps = self._documentation_gaps()
        if not gaps:
            return False
        return self.env._(
            "The note of the meeting of %(mentee)s on %(date)s lacks what the payer requires: %(gaps)s.",
            mentee=self.mentee_id.name,
            date=self._date_in_words(),
            gaps=", ".join(gaps),
        )

    def _check_override_by_coordinator(self, vals):
        """A billing override is a coordinator's decision on a meeting of their programme, never
        on their own meeting as a mentor."""
        if not vals.get("billing_override_reason") or self.env.su:
            return
        if not self.env["mentoring.match"]._is_coordinator():
            raise UserError(self.env._("Only a programme coordinator can record a billing override reason."))
        matches = self.match_id or self.env["mentoring.match"].browse(vals.get("match_id"))
        matches._check_acts_for(self.env._("record a billing override reason"))

    def _check_not_invoiced(self, action):
        invoiced = self.sudo().filtered("invoice_id")[:1]
        if not invoiced:
            return
        values = {"action": action, "date": format_date(self.env, invoiced.date)}
        if self.env.su or self.env.user.has_groups(BILLING_READERS):
            message = self.env._(
                "You cannot %(action)s the meeting of %(date)s: it is already billed on invoice "
                "%(invoice)s. Ask finance to issue a credit note first.",
                invoice=invoiced.invoice_id.name,
                **values,
            )
        else:  # a mentor is not the one to undo an invoice: the same refusal, without billing
            message = self.env._(
                "You cannot %(action)s the meeting of %(date)s any more: it is part of a closed "
                "record. Ask your coordinator.",
                **values,
            )
        raise UserError(message)

    # Planning and writing the timesheets -----------------------------------------------------

    def _sync_billing(self, also_days=(), confirming=False):
        """Bring the timesheet lines of every mentee-day touched by `self` in line with the
        confirmed encounters of that day, and the coordinator's activities with what needs
        attention. Never raises for billing: what cannot be billed is recorded as such.
        `confirming`: `self` are being confirmed (the caller checked the user may): billed as
        such, then marked confirmed before the attention activities, which need the meeting
        confirmed. The billing and the state then reach each row in one update: a month of
        meetings is written once, not twice, with its thirteen indexes."""
        encounters = self.sudo()
        confirmed_now = encounters if confirming else encounters.browse()
        stale = encounters.filtered(lambda e: e.state != "confirmed") - confirmed_now
        days = {(e.mentee_id.id, e.date) for e in encounters} | set(also_days)
        if not days:
            return
        day_encounters = (
            encounters.search(
                [
                    ("state", "=", "confirmed"),
                    ("mentee_id", "in", list({mentee for mentee, _day in days})),
                    ("date", "in", list({day for _mentee, day in days})),
                ]
            ).filtered(lambda e: (e.mentee_id.id, e.date) in days)
            | confirmed_now
        )
        touched = day_encounters | stale
        needed_attention = touched.filtered("needs_billing_attention")
        results = day_encounters._plan_billing()
        released = stale.authorization_id
        stale.timesheet_ids.unlink()
        stale.write({"authorization_id": False, "billed_units": 0, "needs_billing_attention": False})
        day_encounters._write_billing(results)
        confirmed_now.write({"state": "confirmed", "was_confirmed": True})
        released._follow_units()
        touched._sync_attention_activities(needed_attention)

    def _plan_billing(self):
        """Units and authorisation of each encounter in `self` (whole mentee-days), or why it
        is not billed and whether that needs attention (unless a coordinator decided)."""
        Authorization = self.env["mentoring.authorization"].sudo()
        auths = Authorization.search(
            [
                ("mentee_id", "in", self.mentee_id.ids),
                # Expired since: it still covers the meetings dated inside it.
                ("state", "in", ("approved", "exhausted", "expired")),
                ("date_from", "<=", max(self.mapped("date"), default=fields.Date.today())),
                ("date_to", ">=", min(self.mapped("date"), default=fields.Date.today())),
            ],
            order="date_to, id",
        )
        if auths:
            # Two meetings of one person confirmed at the same moment each read the units left
            # in their own snapshot. Both write the authorisations' rows first: PostgreSQL
            # refuses the second (serialization failure) before it inserts anything with a
            # unique index (the usage warning's follower) that would fail it beyond Odoo's
            # retry, and the retry reads the units the first one used.
            serialise_on(auths)
        remaining = {auth.id: auth.units_remaining for auth in auths}
        for encounter in self.filtered(lambda e: e.authorization_id and not e.invoice_id):
            if encounter.authorization_id.id in remaining:
                remaining[encounter.authorization_id.id] += encounter.billed_units
        auths_by_mentee = defaultdict(list)
        for auth in auths:
            auths_by_mentee[auth.mentee_id.id].append(auth)

        by_day = defaultdict(list)
        for encounter in self.sorted(lambda e: (e.start_time, e.id)):
            by_day[(encounter.mentee_id.id, encounter.date)].append(encounter)

        results = {}
        memo = _PLANNING_MEMO.set({})
        try:
            for (mentee_id, _day), encounters in by_day.items():
                results.update(self._plan_day(encounters, auths_by_mentee[mentee_id], remaining))
        finally:
            _PLANNING_MEMO.reset(memo)
        return results

    def _plan_day(self, encounters, auths, remaining):
        """Plan one mentee-day (`encounters` in order of start) as the payer counts it.

        What is invoiced stays and counts first. A meeting that is not billed (not billable,
        an incomplete note, no authorisation, at the same time as another billed meeting of the
        person) adds no minutes. Under a per-day scope the day's minutes are rounded per service
        code, or all codes together with the unit left over going to the code with the most
        minutes, and what is invoiced already is subtracted, never exceeded. A meeting crossing
        the daily cap is billed up to it, unless the payer refuses such meetings."""
        results = {}
        minutes = defaultdict(int)  # billable minutes of the day per service (product)
        seen = defaultdict(int)  # of which planned so far: the invoiced ones first
        given = defaultdict(float)  # units of the day per service, invoiced first
        billed_times = []
        for encounter in (e for e in encounters if e.invoice_id):
            minutes[encounter._billed_product()] += encounter.duration_minutes
            seen[encounter._billed_product()] += encounter.duration_minutes
            given[encounter._billed_product()] += encounter.billed_units
            if encounter.billed_units:
                billed_times.append((encounter.start_time, encounter.end_time))
        candidates = []
        for encounter in (e for e in encounters if not e.invoice_id):
            reason = encounter._billing_setup_problem()
            if reason:
                results[encounter] = (False, 0.0, reason, False)
                continue
            profile = encounter._billing_profile()
            problem = (
                encounter._documentation_problem()
                or encounter._claim_problem()
                or encounter._concurrent_problem(billed_times, profile)
                or encounter._authorization_problem(auths, remaining, profile)
            )
            if problem:
                results[encounter] = (False, 0.0, problem, not encounter.billing_override_reason)
                continue
            billed_times.append((encounter.start_time, encounter.end_time))
            minutes[encounter._billed_product()] += encounter.duration_minutes
            candidates.append(encounter)
        targets = self._day_targets(candidates, minutes)
        last_of_service = {encounter._billed_product(): encounter for encounter in candidates}
        day_units = sum(given.values())
        for encounter in candidates:
            profile, product = encounter._billing_profile(), encounter._billed_product()
            seen[product] += encounter.duration_minutes
            if product in targets:
                target = targets[product]
                if encounter != last_of_service[product]:
                    target = min(target, profile.units_for_minutes(seen[product]))
                units = max(0.0, target - given[product])
            else:
                units = profile.units_for_minutes(encounter.duration_minutes)
            if units <= 0:
                if encounter._counts_in_the_days_units(targets):
                    reason = self.env._("counted in the day's total, billed on the day's other meetings")
                else:
                    reason = self.env._("under the minimum billable time")
                results[encounter] = (False, 0.0, reason, False)
                continue
            over = 0.0
            if profile.daily_cap_units and profile.cap_crossing == "up_to_cap":
                over = min(units, max(0.0, day_units + units - profile.daily_cap_units))
                if over == units:  # nothing left under the cap: refused with the cap's reason
                    over = 0.0
            auth, problem = encounter._pick_authorization(auths, remaining, units - over, day_units, profile)
            if problem:
                results[encounter] = (False, 0.0, problem, not encounter.billing_override_reason)
                continue
            units -= over
            remaining[auth.id] -= units
            day_units += units
            given[product] += units
            reason = over and encounter._beyond_cap_reason(units, over, profile)
            results[encounter] = (
                auth,
                units,
                reason or False,
                bool(over) and not encounter.billing_override_reason,
            )
        return results

    @api.model
    def _day_targets(self, candidates, minutes):
        """The units a day under a per-day scope is worth, per service billed that day."""
        targets = {}
        profiles = defaultdict(set)
        for encounter in candidates:
            profiles[encounter._billing_profile()].add(encounter._billed_product())
        for profile, products in profiles.items():
            if profile.rounding_scope != "day":
                continue
            if profile.day_codes == "combined":
                targets.update(profile.units_for_day({product: minutes[product] for product in products}))
            else:
                targets.update({product: profile.units_for_minutes(minutes[product]) for product in products})
        return targets

    def _counts_in_the_days_units(self, targets):
        """Whether the minutes of this meeting (of no unit of its own) count in units of the day
        billed on other meetings: of its own service, or of any when the payer combines codes."""
        self.ensure_one()
        profile = self._billing_profile()
        if profile.rounding_scope != "day":
            return False
        if profile.day_codes == "combined":
            return any(targets.values())
        return bool(targets.get(self._billed_product()))

    def _concurrent_problem(self, billed_times, profile):
        """Why this meeting is not billed as it overlaps billed time of the same person, or False."""
        self.ensure_one()
        if profile.allow_concurrent:
            return False
        for start, end in billed_times:
            if start < self.end_time and self.start_time < end:
                return self.env._(
                    "The meeting of %(mentee)s on %(date)s is at the same time as another billed "
                    "meeting of the same person (%(start)s–%(end)s): a person's minutes are billed "
                    "once, unless the payer pays for concurrent services.",
                    mentee=self.mentee_id.name,
                    date=self._date_in_words(),
                    start=_hhmm(start),
                    end=_hhmm(end),
                )
        return False

    def _authorization_problem(self, auths, remaining, profile):
        """Why no authorisation covers this meeting at all (its units aside), or False."""
        return self._pick_authorization(auths, remaining, 0.0, 0.0, profile)[1]

    def _beyond_cap_reason(self, units, over, profile):
        self.ensure_one()
        return self.env._(
            "The meeting of %(mentee)s on %(date)s goes beyond the payer's daily cap of %(cap)s "
            "units: %(units)s of its %(all)s units are billed, the rest is not.",
            mentee=self.mentee_id.name,
            date=self._date_in_words(),
            cap=profile.daily_cap_units,
            units=f"{units:g}",
            all=f"{units + over:g}",
        )

    def _claim_problem(self):
        """Why the payer would refuse the claim itself (no member ID, past its timely-filing
        deadline), or False. A meeting billed already was filed in time."""
        self.ensure_one()
        profile = self._billing_profile()
        if profile.requires_member_id and not self._billing_coverage()[1]:
            return self.env._(
                "%(mentee)s has no member ID with the payer covering %(date)s: record it on the "
                "mentee's coverage.",
                mentee=self.mentee_id.name,
                date=self._date_in_words(),
            )
        today = fields.Date.context_today(self)
        days = profile.timely_filing_days
        if days and not self.timesheet_ids and (today - self.date).days > days:
            return self.env._(
                "The meeting of %(mentee)s on %(date)s was confirmed %(late)s days after it "
                "took place, past the payer's timely-filing limit of %(days)s days.",
                mentee=self.mentee_id.name,
                date=self._date_in_words(),
                late=(today - self.date).days,
                days=days,
            )
        return False

    def _pick_authorization(self, auths, remaining, units, units_so_far, profile):
        """The authorisation that expires first and still has the units, or why there is none."""
        self.ensure_one()
        payer = self._billing_coverage()[0]
        if profile.daily_cap_units and units_so_far + units > profile.daily_cap_units:
            return False, self.env._(
                "The meeting of %(mentee)s on %(date)s goes beyond the payer's daily cap of %(cap)s units.",
                mentee=self.mentee_id.name,
                date=self._date_in_words(),
                cap=profile.daily_cap_units,
            )
        covering = [
            a
            for a in auths
            if a.program_id == self.program_id
            and a.is_group_service == self.is_group_session
            and a.payer_id == payer
            and a.date_from <= self.date <= a.date_to
        ]
        if not covering:
            return False, self.env._(
                "The meeting of %(mentee)s on %(date)s is outside every approved authorisation.",
                mentee=self.mentee_id.name,
                date=self._date_in_words(),
            )
        for auth in covering:
            if remaining[auth.id] >= units - 1e-6:
                return auth, False
        return False, self.env._(
            "The meeting of %(mentee)s on %(date)s needs %(units)s units, more than remain on "
            "authorisation %(ref)s (%(left)s).",
            mentee=self.mentee_id.name,
            date=self._date_in_words(),
            units=units,
            ref=covering[0].name,
            left=max(0.0, remaining[covering[0].id]),
        )

    def _write_billing(self, results):
        """Create, update or remove timesheet lines, then record units on the encounters in as
        few writes as there are distinct outcomes."""
        Line = self.env["account.analytic.line"].sudo()
        to_create, to_remove = [], Line
        line_name = self._timesheet_line_name()
        grouped = defaultdict(lambda: self.browse())
        for encounter, (auth, units, reason, attention) in results.items():
            line = encounter.timesheet_ids[:1]
            if units:
                vals = encounter._prepare_timesheet_values(auth, units, line_name)
                if line:
                    line.write(vals)
                else:
                    to_create.append(vals)
            elif line:
                to_remove |= line
            key = (auth.id if auth else False, units, reason or False, attention)
            grouped[key] |= encounter
        to_remove.unlink()
        Line.create(to_create)
        for (auth_id, units, reason, attention), encounters in grouped.items():
            encounters.write(
                {
                    "authorization_id": auth_id,
                    "billed_units": units,
                    "not_billed_reason": reason,
                    "needs_billing_attention": attention,
                }
            )
        authorizations = (
            self.env["mentoring.authorization"].browse({key[0] for key in grouped if key[0]}).sudo()
        )
        authorizations._check_usage_warnings()

    def _timesheet_line_name(self):
        """The timesheet line's name in the acting user's language, translated once per batch."""
        return self.env._("Peer mentoring – encounter %(date)s – %(minutes)s min")

    def _prepare_timesheet_values(self, auth, units, line_name=None):
        """A neutral line: no notes, no goals, nothing of what was said."""
        self.ensure_one()
        profile = self._billing_profile()
        return {
            "name": (line_name or self._timesheet_line_name())
            % {"date": self.date, "minutes": self.duration_minutes},
            "date": self.date,
            "employee_id": self.mentor_id.employee_id.id,
            "project_id": auth.project_id.id,
            "task_id": auth.task_id.id,
            "so_line": auth.sale_line_id.id,
            "unit_amount": profile.hours_for_units(units),
            "mentoring_encounter_id": self.id,
            "company_id": self.company_id.id,
        }

    def _sync_attention_activities(self, needed_attention):
        """One activity for the programme's coordinator per meeting that came to need attention
        (its billing entry: coordinators and finance read it, mentors do not), removed when it no
        longer does. The summary is neutral; the note gives the billing fact, not the meeting."""
        activity_type = self.env.ref("peer_mentoring.mail_activity_type_billing_attention")
        flagged = self.filtered(lambda e: e.needs_billing_attention and e not in needed_attention)
        cleared = needed_attention.filtered(lambda e: not e.needs_billing_attention)
        # Created by the system rather than the acting mentor, who could otherwise change or
        # delete an activity they may not read (mail's rule lets creators write their activities).
        Activity = self.env["mail.activity"].with_user(SUPERUSER_ID)
        if cleared:
            Activity.search(
                [
                    ("res_model", "=", "mentoring.billing.entry"),
                    ("res_id", "in", cleared.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            ).unlink()
        flagged = flagged.filtered(lambda e: e._attention_coordinator())
        if not flagged:
            return
        model_id = self.env["ir.model"]._get_id("mentoring.billing.entry")
        Activity.create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": encounter.id,
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.summary,
                    "note": Markup("<p>%s</p>") % encounter.not_billed_reason,
                    "user_id": encounter._attention_coordinator().id,
                    "date_deadline": fields.Date.context_today(self),
                    "automated": True,
                }
                for encounter in flagged
            ]
        )

    def _attention_coordinator(self):
        """The match's coordinator when they coordinate the programme, else its first one."""
        self.ensure_one()
        coordinators = self.program_id.coordinator_ids
        match_coordinator = self.match_id.coordinator_id
        return match_coordinator if match_coordinator in coordinators else coordinators[:1]
