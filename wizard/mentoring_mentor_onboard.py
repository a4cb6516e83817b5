from dateutil.relativedelta import relativedelta

from odoo import Command, fields, models
from odoo.exceptions import UserError


class MentoringMentorOnboard(models.TransientModel):
    """HR makes an employee a peer mentor: the mentor profile is created as an applicant or an
    intern in one programme, then Odoo's plan launcher opens with the "Peer mentor onboarding"
    plan on the employee.

    HR officers have no access to mentor profiles, mentees or meetings, and get none: this
    wizard creates the one profile (of an employee they may edit, in the programme they chose,
    with no mentee) as the system, after checking who asks. Coordinators go on from there."""

    _name = "mentoring.mentor.onboard"
    _description = "Make an Employee a Peer Mentor"
    _inherit = ["mentoring.guard.mixin"]
    _scope_fields = frozenset({"employee_id"})

    employee_id = fields.Many2one("hr.employee", required=True, readonly=True)
    program_id = fields.Many2one("mentoring.program", string="Programme", required=True)
    state = fields.Selection(
        [("applicant", "Applicant"), ("intern", "Intern (the internship starts today)")],
        string="Starts as",
        default="intern",
        required=True,
    )
    supervisor_id = fields.Many2one("hr.employee", help="The peer mentor supervisor, if already chosen.")
    plan_id = fields.Many2one(
        "mail.activity.plan",
        string="Onboarding plan",
        default=lambda self: self.env.ref("peer_mentoring.mail_activity_plan_peer_mentor_onboarding", False),
        domain=[("res_model", "=", "hr.employee")],
    )

    def _check_may_onboard(self):
        """HR staff onboard employees they may edit; coordinators, into programmes they coordinate."""
        self.program_id.check_access("read")
        if self.env["mentoring.match"]._is_coordinator() and self.program_id._user_coordinates():
            return
        if not self.env.user.has_group("hr.group_hr_user"):
            raise UserError(
                self.env._("Only HR staff and the programme's coordinators make employees peer mentors.")
            )
        self.employee_id.check_access("write")

    def _check_eligible(self):
        employee = self.employee_id
        rule = self.program_id.sudo().certification_rule_id
        today = fields.Date.context_today(self)
        if (
            rule.min_age
            and employee.sudo().birthday
            and employee.sudo().birthday + relativedelta(years=rule.min_age) > today
        ):
            raise UserError(
                self.env._(
                    "%(name)s is under %(min)s: the rules %(rule)s ask for at least %(min)s years of age.",
                    name=employee.name,
                    min=rule.min_age,
                    rule=rule.name,
                )
            )
        existing = (
            self.env["mentoring.mentor"]
            .sudo()
            .with_context(active_test=False)
            .search([("employee_id", "=", employee.id)])
        )
        if existing:
            raise UserError(self.env._("%(name)s is a peer mentor already.", name=employee.name))
        if self.state == "intern":
            self._check_internship_can_start()

    def _check_internship_can_start(self):
        """An intern's internship starts today: it needs the programme's certification rules
        (they say how many hours it takes) and a supervisor (who follows it and decides)."""
        missing = []
        if not self.program_id.sudo().certification_rule_id:
            missing.append(
                self.env._(
                    "the programme %(program)s has no certification rules (a coordinator chooses them on "
                    "the programme, page Certification and oversight); they say how many hours the "
                    "internship takes",
                    program=self.program_id.name,
                )
            )
        if not self.supervisor_id:
            missing.append(self.env._("choose the supervisor, who follows the internship and decides on it"))
        if missing:
            raise UserError(
                self.env._(
                    "The internship of %(name)s cannot start today: %(missing)s. Or make them an "
                    "applicant for now.",
                    name=self.employee_id.name,
                    missing="; ".join(missing),
                )
            )

    def action_confirm(self):
        self.ensure_one()
        self._check_may_onboard()
        self._check_eligible()
        mentor = (
            self.env["mentoring.mentor"]
            .sudo()
            .create(
                {
                    "employee_id": self.employee_id.id,
                    "program_ids": [Command.set(self.program_id.ids)],
                    "supervisor_id": self.supervisor_id.id,
                    "company_id": self.employee_id.company_id.id,
                    "state": self.state,
                }
            )
        )
        if self.state == "intern":
            self.env["mentoring.mentor.credential"].sudo().create(
                {
                    "mentor_id": mentor.id,
                    "state": "intern",
                    "previous_state": "applicant",
                    "date_from": fields.Date.context_today(self),
                }
            )
            # The internship the intern works through, started today, as a coordinator's
            # Start the internship would (who acts was checked above).
            internship = (
                self.env["mentoring.internship"]
                .sudo()
                .create(
                    {
                        "mentor_id": mentor.id,
                        "program_id": self.program_id.id,
                        "company_id": self.program_id.sudo().company_id.id or mentor.company_id.id,
                    }
                )
            )
            internship._start()
        body = self.env._(
            "Made a peer mentor (%(state)s) in %(program)s by %(user)s.",
            state=self.env._("an intern, the internship started today")
            if self.state == "intern"
            else self.env._("an applicant"),
            program=self.program_id.name,
            user=self.env.user.name,
        )
        if self.state == "intern":
            internship.message_post(body=body, author_id=self.env.user.partner_id.id)
        mentor.message_post(body=body)
        # A coordinator who is not HR staff may not write on employees: their note is posted for them.
        self.employee_id.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)
        if not self.plan_id or not self.employee_id.has_access("write"):
            return {"type": "ir.actions.act_window_close"}
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Launch onboarding"),
            "res_model": "mail.activity.schedule",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": "hr.employee",
                "active_id": self.employee_id.id,
                "active_ids": self.employee_id.ids,
                "default_plan_id": self.plan_id.id,
                "plan_mode": True,
            },
        }
