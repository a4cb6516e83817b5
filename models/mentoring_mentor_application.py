from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .mentoring_mentor import GENDERS

CARER_TYPES = [
    ("foster", "Foster carer"),
    ("respite", "Respite foster carer"),
    ("volunteer", "Volunteer"),
]


class MentoringMentorApplication(models.Model):
    """An application to become a peer mentor from someone who is not an employee (a foster
    carer, a volunteer): the application form of seed 001, the eligibility check against the
    programme's rules, then the recruitment plan (awareness session, interview, preparation
    training) before the mentor profile is created."""

    _name = "mentoring.mentor.application"
    _description = "Peer Mentor Application"
    # New is offered only where the user has something to pick here (mentoring.new.offer.mixin).
    _new_record_needs = ("program_id",)
    _inherit = ["mentoring.guard.mixin", "mail.thread", "mail.activity.mixin", "mentoring.new.offer.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True
    _protected_fields = frozenset({"state", "eligibility_note", "mentor_id"})
    _scope_fields = frozenset({"program_id", "company_id"})
    _scope_open_states = frozenset({"draft"})

    name = fields.Char("Full name", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    program_id = fields.Many2one(
        "mentoring.program",
        string="Programme",
        required=True,
        check_company=True,
        tracking=True,
        # HR takes applications for any programme, a coordinator for the ones they coordinate.
        domain=lambda self: self._program_domain(),
    )
    partner_id = fields.Many2one(
        "res.partner", string="Contact", tracking=True, help="Created when the application is accepted."
    )
    email = fields.Char()
    phone = fields.Char()
    address = fields.Text()
    birthdate = fields.Date("Date of birth", tracking=True)
    gender = fields.Selection(GENDERS)
    language_ids = fields.Many2many("res.lang", string="Languages spoken", context={"active_test": False})
    ethnicity = fields.Char("Ethnicity and culture", help="Only if the applicant wishes to say.")
    carer_type = fields.Selection(
        CARER_TYPES, string="Applies as", required=True, default="foster", tracking=True
    )
    approved_on = fields.Date("Approved as a carer on", tracking=True)
    fostering_years = fields.Float("Years of active fostering", tracking=True, help="Cumulative.")
    fostering_types = fields.Char(
        "Types of fostering", help="e.g. teenagers, children with disabilities, parent and child."
    )
    supervising_social_worker = fields.Char("Supervising social worker")
    previous_work = fields.Text(
        "Relevant experience", help="Work or volunteering: nursing, teaching, care..."
    )
    motivation = fields.Text("Why I would like to be a peer mentor")
    availability = fields.Text("When I can mentor")
    referees = fields.Text()
    consents_to_checks = fields.Boolean("Agrees to the checks", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Received"),
            ("not_eligible", "Not eligible"),
            ("preparing", "Recruitment steps"),
            ("accepted", "Accepted"),
            ("declined", "Declined"),
        ],
        default="draft",
        required=True,
        tracking=True,
        readonly=True,
    )
    eligibility_note = fields.Text("Eligibility", readonly=True)
    # HR staff handle applications but do not read mentor profiles.
    mentor_id = fields.Many2one(
        "mentoring.mentor",
        string="Mentor profile",
        readonly=True,
        copy=False,
        groups="peer_mentoring.group_coordinator",
    )

    def _check_may_decide(self):
        if not (self.env.user.has_group("hr.group_hr_user") or self.env["mentoring.match"]._is_coordinator()):
            raise UserError(self.env._("Only HR staff and programme coordinators handle applications."))
        self.check_access("write")

    def _eligibility_problems(self, today):
        """Each rule of the programme the applicant does not meet, in plain words."""
        self.ensure_one()
        rule = self.sudo().program_id.certification_rule_id
        if not rule:
            return []
        problems = []
        if rule.min_age:
            if not self.birthdate:
                problems.append(self.env._("The date of birth is missing: the rules ask for an age."))
            elif self.birthdate + relativedelta(years=rule.min_age) > today:
                problems.append(
                    self.env._(
                        "%(name)s is %(age)s; the rules %(rule)s ask for at least %(min)s years of age.",
                        name=self.name,
                        age=relativedelta(today, self.birthdate).years,
                        rule=rule.name,
                        min=rule.min_age,
                    )
                )
        years = {
            "foster": (rule.foster_approved_years, rule.foster_experience_years),
            "respite": (rule.respite_approved_years, rule.respite_experience_years),
        }.get(self.carer_type, (0, 0))
        label = dict(self._fields["carer_type"]._description_selection(self.env))[self.carer_type]
        approved_years, experience_years = years
        if approved_years:
            if not self.approved_on:
                problems.append(self.env._("The date of approval as a carer is missing."))
            elif self.approved_on + relativedelta(months=round(approved_years * 12)) > today:
                problems.append(
                    self.env._(
                        "A %(type)s mentor must have been approved for %(years)s years (%(rule)s); "
                        "%(name)s was approved on %(date)s.",
                        type=label.lower(),
                        years=f"{approved_years:g}",
                        rule=rule.name,
                        name=self.name,
                        date=format_date(self.env, self.approved_on),
                    )
                )
        if experience_years and self.fostering_years < experience_years:
            problems.append(
                self.env._(
                    "A %(type)s mentor needs %(years)s years of active fostering (%(rule)s); "
                    "%(name)s has %(done)s.",
                    type=label.lower(),
                    years=f"{experience_years:g}",
                    rule=rule.name,
                    name=self.name,
                    done=f"{self.fostering_years:g}",
                )
            )
        return problems

    def action_check_eligibility(self):
        """Check the application against the programme's rules; when it meets them, start the
        recruitment plan (awareness session, interview, preparation training)."""
        self._check_may_decide()
        today = fields.Date.context_today(self)
        plan = self.env.ref("peer_mentoring.mail_activity_plan_mentor_recruitment")
        for application in self:
            if application.state not in ("draft", "not_eligible"):
                raise UserError(
                    self.env._("The eligibility of %(name)s was checked already.", name=application.name)
                )
            problems = application._eligibility_problems(today)
            if problems:
                application.sudo().write({"state": "not_eligible", "eligibility_note": "\n".join(problems)})
                application.message_post(body=self.env._("Not eligible: %(why)s", why=" ".join(problems)))
                continue
            application.sudo().write(
                {"state": "preparing", "eligibility_note": self.env._("Meets the programme's rules.")}
            )
            application._launch_plan(plan)
        return True

    def _launch_plan(self, plan):
        """Odoo's own plan launcher, with the acting user for the steps assigned on demand."""
        self.env["mail.activity.schedule"].with_context(active_model=self._name, active_ids=self.ids).create(
            {"plan_id": plan.id, "plan_on_demand_user_id": self.env.uid}
        ).action_schedule_plan()

    def action_accept(self):
        """Create the mentor profile (an applicant in the programme) once every recruitment step
        is done. HR staff have no access to mentor profiles: the profile is created for them, in
        the application's programme only."""
        self._check_may_decide()
        for application in self:
            if application.state != "preparing":
                raise UserError(self.env._("Check the eligibility of %(name)s first.", name=application.name))
            if application.activity_ids:
                raise UserError(
                    self.env._(
                        "%(name)s still has recruitment steps to do: %(steps)s.",
                        name=application.name,
                        steps=", ".join(application.activity_ids.mapped("summary")),
                    )
                )
            partner = application.partner_id or self.env["res.partner"].sudo().create(
                {"name": application.name, "email": application.email, "phone": application.phone}
            )
            mentor = (
                self.env["mentoring.mentor"]
                .sudo()
                .create(
                    {
                        "partner_id": partner.id,
                        "program_ids": [Command.set(application.program_id.ids)],
                        "gender": application.gender,
                        "language_ids": [Command.set(application.language_ids.ids)],
                        "company_id": application.company_id.id,
                    }
                )
            )
            mentor.message_post(
                body=self.env._(
                    "Peer mentor profile created from the application accepted by %(user)s.",
                    user=self.env.user.name,
                )
            )
            application.sudo().write({"state": "accepted", "partner_id": partner.id, "mentor_id": mentor.id})
        return True

    def action_decline(self):
        self._check_may_decide()
        self.sudo().write({"state": "declined"})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_only_received(self):
        if any(a.state == "accepted" for a in self):
            raise UserError(self.env._("An accepted application stays on record."))

    @api.model
    def _program_domain(self):
        if self.env.user.has_group("hr.group_hr_user"):
            return []
        return [("user_is_coordinator", "=", True)]

    @api.model
    def _new_record_unavailable_help(self):
        return self.env._(
            "An application is taken by HR or by a coordinator for a programme they coordinate, and "
            "you coordinate none."
        )
