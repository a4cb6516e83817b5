from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

# Changing these on a confirmed encounter changes what is billed.
BILLING_FIELDS = {"date", "start_time", "end_time", "is_group_session"}
BILLING_READERS = "peer_mentoring.group_coordinator,account.group_account_invoice"


class MentoringEncounterBilling(models.AbstractModel):
    """Turns confirmed encounters into timesheet lines on the payer's authorisation.

    One timesheet line per billable encounter, on the task of the authorisation's sale order
    line, so that sale_timesheet delivers and invoices it. Units follow the payer's billing
    profile (unit, rounding, per-encounter or per-day, daily cap); the authorisation that
    expires first is drawn on first. Whole mentee-days are planned together, in one pass for a
    whole batch."""

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
    invoice_id = fields.Many2one(
        "account.move", string="Invoice", compute="_compute_timesheet_id", groups=BILLING_READERS
    )
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
        help="A coordinator's reason to confirm an encounter that falls outside the "
        "authorisation, its remaining units or the daily cap. It is then not billed.",
    )

    @api.depends("timesheet_ids.timesheet_invoice_id")
    def _compute_timesheet_id(self):
        for encounter in self:
            # Timesheet rules would hide the line from finance, who bill from it.
            line = encounter.sudo().timesheet_ids[:1]
            encounter.timesheet_id = line
            encounter.invoice_id = line.timesheet_invoice_id.filtered(lambda m: m.state != "cancel")

    # Who is billed for what -------------------------------------------------------------------

    def _billing_profile(self):
        self.ensure_one()
        return self.program_id._billing_profile_for(self.mentee_id.payer_id)

    def _billing_setup_problem(self):
        """Why this encounter is not billable at all, or False when it is."""
        self.ensure_one()
        profile = self._billing_profile()
        if not self._billed_product():
            return self.env._("the programme does not bill this kind of session")
        if not self.mentee_id.payer_id:
            return self.env._("the mentee has no payer")
        if not profile:
            return self.env._("no billing profile for the payer or programme")
        if not self.mentor_id.employee_id:
            return self.env._("the mentor is not an employee")
        if self.mentor_id.state == "intern" and not profile.bill_interns:
            return self.env._("the payer does not pay for mentors in internship")
        if not profile.is_outcome_billable(self.progress):
            return self.env._("this outcome is not billable")
        return False

    def _billed_product(self):
        self.ensure_one()
        return self.program_id._service_product(self.is_group_session)

    def _documentation_gaps(self):
        """What a payer's audit would find missing from the note of a billable encounter."""
        self.ensure_one()
        checks = [
            (self.date, self.env._("date")),
            (self.end_time > self.start_time, self.env._("start and end time")),
            (self.location_type, self.env._("location")),
            (self._billed_product(), self.env._("service")),
            (self.mentor_id.name, self.env._("mentor's name")),
            (
                self.mentor_id.state in ("certified", "intern"),
                self.env._("mentor's credential (certified or intern)"),
            ),
            (self.goal_id, self.env._("goal worked on")),
            (self.progress, self.env._("progress")),
            (self._is_signed_by("mentor"), self.env._("mentor's signature")),
        ]
        if self.program_id.require_mentee_signature:
            checks.append((self._is_signed_by("mentee"), self.env._("mentee's signature")))
        return [label for ok, label in checks if not ok]

    def _check_billable_documentation(self):
        problems = []
        for encounter in self:
            if encounter._billing_setup_problem():
                continue
            gaps = encounter._documentation_gaps()
            if gaps:
                problems.append(
                    self.env._(
                        "The meeting of %(mentee)s on %(date)s is billable, so its note needs: %(gaps)s.",
                        mentee=encounter.mentee_id.name,
                        date=format_date(self.env, encounter.date),
                        gaps=", ".join(gaps),
                    )
                )
        if problems:
            raise UserError("\n".join(problems))

    def _check_override_by_coordinator(self, vals):
        if vals.get("billing_override_reason") and not self.env["mentoring.match"]._is_coordinator():
            raise UserError(self.env._("Only a programme coordinator can record a billing override reason."))

    def _check_not_invoiced(self, action):
        invoiced = self.sudo().filtered("invoice_id")
        if invoiced:
            raise UserError(
                self.env._(
                    "You cannot %(action)s the meeting of %(date)s: it is already billed on invoice "
                    "%(invoice)s. Ask finance to issue a credit note first.",
                    action=action,
                    date=format_date(self.env, invoiced[0].date),
                    invoice=invoiced[0].invoice_id.name,
                )
            )

    # Planning and writing the timesheets -----------------------------------------------------

    def _sync_billing(self, also_days=()):
        """Bring the timesheet lines of every mentee-day touched by `self` in line with the
        confirmed encounters of that day. Raises when an encounter of `self` cannot be billed
        and has no coordinator's override."""
        encounters = self.sudo()
        stale = encounters.filtered(lambda e: e.state != "confirmed")
        days = {(e.mentee_id.id, e.date) for e in encounters} | set(also_days)
        if not days:
            return
        day_encounters = encounters.search(
            [
                ("state", "=", "confirmed"),
                ("mentee_id", "in", list({mentee for mentee, _day in days})),
                ("date", "in", list({day for _mentee, day in days})),
            ]
        ).filtered(lambda e: (e.mentee_id.id, e.date) in days)
        results, problems = day_encounters._plan_billing(changing=encounters)
        if problems:
            raise UserError(
                "\n".join(problems)
                + "\n"
                + self.env._(
                    "A coordinator can record a billing override reason to confirm it as not billed."
                )
            )
        released = stale.authorization_id
        stale.timesheet_ids.unlink()
        stale.write({"authorization_id": False, "billed_units": 0, "needs_billing_attention": False})
        day_encounters._write_billing(results)
        released._follow_units()

    def _plan_billing(self, changing):
        """Units and authorisation of each encounter in `self` (whole mentee-days)."""
        Authorization = self.env["mentoring.authorization"].sudo()
        auths = Authorization.search(
            [
                ("mentee_id", "in", self.mentee_id.ids),
                ("state", "in", ("approved", "exhausted")),
                ("date_from", "<=", max(self.mapped("date"), default=fields.Date.today())),
                ("date_to", ">=", min(self.mapped("date"), default=fields.Date.today())),
            ],
            order="date_to, id",
        )
        remaining = {auth.id: auth.units_remaining for auth in auths}
        for encounter in self.filtered(lambda e: not e.invoice_id and e.authorization_id):
            if encounter.authorization_id.id in remaining:
                remaining[encounter.authorization_id.id] += encounter.billed_units
        auths_by_mentee = defaultdict(list)
        for auth in auths:
            auths_by_mentee[auth.mentee_id.id].append(auth)

        by_day = defaultdict(list)
        for encounter in self.sorted(lambda e: (e.start_time, e.id)):
            by_day[(encounter.mentee_id.id, encounter.date)].append(encounter)

        results, problems = {}, []
        for (mentee_id, _day), encounters in by_day.items():
            minutes_so_far = units_so_far = 0
            for encounter in encounters:
                if encounter.invoice_id:  # billed already: it stays as it is
                    minutes_so_far += encounter.duration_minutes
                    units_so_far += encounter.billed_units
                    continue
                reason = encounter._billing_setup_problem()
                if reason:
                    results[encounter] = (False, 0.0, reason, False)
                    continue
                profile = encounter._billing_profile()
                minutes_so_far += encounter.duration_minutes
                if profile.rounding_scope == "day":
                    units = profile.units_for_minutes(minutes_so_far) - units_so_far
                else:
                    units = profile.units_for_minutes(encounter.duration_minutes)
                if units <= 0:
                    results[encounter] = (False, 0.0, self.env._("under the minimum billable time"), False)
                    continue
                auth, problem = encounter._pick_authorization(
                    auths_by_mentee[mentee_id], remaining, units, units_so_far, profile
                )
                if problem:
                    if encounter in changing and not encounter.billing_override_reason:
                        problems.append(problem)
                    results[encounter] = (False, 0.0, problem, True)
                    continue
                remaining[auth.id] -= units
                units_so_far += units
                results[encounter] = (auth, units, False, False)
        return results, problems

    def _pick_authorization(self, auths, remaining, units, units_so_far, profile):
        """The authorisation that expires first and still has the units, or why there is none."""
        self.ensure_one()
        when = format_date(self.env, self.date)
        if profile.daily_cap_units and units_so_far + units > profile.daily_cap_units:
            return False, self.env._(
                "The meeting of %(mentee)s on %(date)s goes beyond the payer's daily cap of %(cap)s units.",
                mentee=self.mentee_id.name,
                date=when,
                cap=profile.daily_cap_units,
            )
        covering = [
            a
            for a in auths
            if a.program_id == self.program_id
            and a.is_group_service == self.is_group_session
            and a.date_from <= self.date <= a.date_to
        ]
        if not covering:
            return False, self.env._(
                "The meeting of %(mentee)s on %(date)s is outside every approved authorisation.",
                mentee=self.mentee_id.name,
                date=when,
            )
        for auth in covering:
            if remaining[auth.id] >= units - 1e-6:
                return auth, False
        return False, self.env._(
            "The meeting of %(mentee)s on %(date)s needs %(units)s units, more than remain on "
            "authorisation %(ref)s (%(left)s).",
            mentee=self.mentee_id.name,
            date=when,
            units=units,
            ref=covering[0].name,
            left=max(0.0, remaining[covering[0].id]),
        )

    def _write_billing(self, results):
        """Create, update or remove timesheet lines, then record units on the encounters in as
        few writes as there are distinct outcomes."""
        Line = self.env["account.analytic.line"].sudo()
        to_create, to_remove = [], Line
        grouped = defaultdict(lambda: self.browse())
        for encounter, (auth, units, reason, attention) in results.items():
            line = encounter.timesheet_ids[:1]
            if units:
                vals = encounter._prepare_timesheet_values(auth, units)
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

    def _prepare_timesheet_values(self, auth, units):
        """A neutral line: no notes, no goals, nothing of what was said."""
        self.ensure_one()
        profile = self._billing_profile()
        return {
            "name": self.env._(
                "Peer mentoring – encounter %(date)s – %(minutes)s min",
                date=self.date,
                minutes=self.duration_minutes,
            ),
            "date": self.date,
            "employee_id": self.mentor_id.employee_id.id,
            "project_id": auth.project_id.id,
            "task_id": auth.task_id.id,
            "so_line": auth.sale_line_id.id,
            "unit_amount": profile.hours_for_units(units),
            "mentoring_encounter_id": self.id,
            "company_id": self.company_id.id,
        }
