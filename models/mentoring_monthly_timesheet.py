from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class MentoringMonthlyTimesheet(models.Model):
    """A mentor's monthly timesheet (seed 001: carers claim their mentoring time monthly);
    the mentor submits it and the coordinator approves it."""

    _name = "mentoring.monthly.timesheet"
    _description = "Monthly Mentoring Timesheet"
    # New is offered only where the user has something to pick here (mentoring.new.offer.mixin).
    _new_record_needs = ("mentor_id",)
    _inherit = ["mentoring.guard.mixin", "mentoring.thread.mixin", "mentoring.new.offer.mixin"]
    _order = "month desc, mentor_id"
    _protected_fields = frozenset(
        {"state", "approved_by_id", "approved_on", "submitted_on", "claimed_encounter_ids"}
    )
    _scope_fields = frozenset({"mentor_id", "month", "company_id"})
    _scope_open_states = frozenset({"draft"})
    _locked_states = frozenset({"submitted", "approved"})
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    mentor_id = fields.Many2one(
        "mentoring.mentor",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self._default_mentor_id(),
        domain=[("user_may_claim_time", "=", True)],
    )
    # Set before its parent is chosen, as on a match (see there).
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month; it is stored as the month's first day.",
    )
    encounter_ids = fields.Many2many("mentoring.encounter", compute="_compute_encounters", string="Contacts")
    # What was submitted, kept as it was: an approval covers exactly what the coordinator saw.
    claimed_encounter_ids = fields.Many2many(
        "mentoring.encounter", "mentoring_monthly_timesheet_claimed_rel", readonly=True, copy=False
    )
    total_minutes = fields.Integer(compute="_compute_encounters")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("approved", "Approved")],
        default="draft",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    # The dates the paper form's signature lines carry.
    submitted_on = fields.Date(readonly=True, copy=False)
    approved_on = fields.Date(readonly=True, copy=False)

    _mentor_month_uniq = models.Constraint(
        "UNIQUE(mentor_id, month)", "This mentor already has a timesheet for that month."
    )

    def _default_mentor_id(self):
        """A mentor claims their own time."""
        return self.env["mentoring.mentor"].search(
            [("user_id", "=", self.env.uid), ("company_id", "=", self.env.company.id)], limit=1
        )

    @api.depends("mentor_id.name", "month")
    def _compute_name(self):
        for sheet in self:
            sheet.name = (
                f"{sheet.mentor_id.name or ''} – {sheet.month.strftime('%B %Y') if sheet.month else ''}"
            )

    @api.depends("mentor_id", "month", "state", "claimed_encounter_ids")
    def _compute_encounters(self):
        for sheet in self:
            start = sheet.month
            if sheet.state != "draft":
                sheet.encounter_ids = sheet.claimed_encounter_ids.sorted(lambda e: (e.date, e.start_time))
                sheet.total_minutes = sum(sheet.encounter_ids.mapped("duration_minutes"))
                continue
            sheet.encounter_ids = (
                self.env["mentoring.encounter"].search(
                    [
                        ("mentor_id", "=", sheet.mentor_id.id),
                        ("state", "=", "confirmed"),
                        ("date", ">=", start),
                        ("date", "<", start + relativedelta(months=1)),
                    ],
                    order="date, start_time",
                )
                if start
                else False
            )
            sheet.total_minutes = sum(sheet.encounter_ids.mapped("duration_minutes"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) & {"mentor_id", "month"} and any(s.state != "draft" for s in self):
            raise UserError(self.env._("A submitted timesheet cannot be moved to another mentor or month."))
        return super().write(vals)

    def action_submit(self):
        if any(sheet.state != "draft" for sheet in self):
            raise UserError(self.env._("Only a draft timesheet can be submitted."))
        if any(not sheet.encounter_ids for sheet in self):
            raise UserError(self.env._("There is no confirmed contact in this month to claim."))
        for sheet in self:
            sheet._write_checked(
                {
                    "state": "submitted",
                    "submitted_on": fields.Date.context_today(self),
                    "claimed_encounter_ids": [Command.set(sheet.encounter_ids.ids)],
                }
            )

    def action_approve(self):
        self._check_approver(self.env._("approve a monthly timesheet"))
        if any(sheet.state != "submitted" for sheet in self):
            raise UserError(self.env._("Only a submitted timesheet can be approved."))
        self._write_checked(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "approved_on": fields.Date.context_today(self),
            }
        )

    def action_reset_to_draft(self):
        self._check_approver(self.env._("send a timesheet back to the mentor"))
        self._write_checked(
            {
                "state": "draft",
                "approved_by_id": False,
                "approved_on": False,
                "submitted_on": False,
                "claimed_encounter_ids": [Command.clear()],
            }
        )

    def _paper_signers(self):
        """The form's two signature lines: the mentor who claims the time, the coordinator who
        approves it (reports/monthly_timesheet_templates.xml)."""
        self.ensure_one()
        return [
            {
                "title": self.env._("Mentor: I claim the contacts above"),
                "name": self.mentor_id.name,
                "image": False,
                "date": self.submitted_on,
                "signed": self.state != "draft",
                "note": self.env._("Submitted on screen"),
            },
            {
                "title": self.env._("Approved by the coordinator"),
                "name": self.approved_by_id.name or "",
                "image": False,
                "date": self.approved_on,
                "signed": self.state == "approved",
                "note": self.env._("Approved on screen"),
            },
        ]

    def _check_approver(self, action):
        """A coordinator of the mentor's programmes approves, and never their own timesheet."""
        self.env["mentoring.match"]._check_is_coordinator(action)
        for sheet in self.sudo():
            programs = sheet.mentor_id._governing_programs()
            if not any(program._user_acts_for(sheet.mentor_id.user_id) for program in programs):
                programs._check_user_acts_for(action, sheet.mentor_id.user_id)
        if any(sheet.sudo().mentor_id.user_id == self.env.user for sheet in self):
            raise UserError(self.env._("Someone else must %(action)s of your own.", action=action))

    @api.model
    def _new_record_unavailable_help(self):
        return self.env._(
            "A monthly timesheet is a peer mentor's claim of their own time, or a coordinator's for "
            "the mentors of their programmes, and you have no mentor profile to claim for. The "
            "timesheets you may read (for example of the mentors you supervise) are listed here "
            "once written."
        )
