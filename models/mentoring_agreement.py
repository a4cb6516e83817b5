from odoo import api, fields, models

from .mentoring_program import CONTACT_FREQUENCIES


class MentoringAgreement(models.Model):
    """The mentoring agreement both parties sign (seeds 001 and 002)."""

    _name = "mentoring.agreement"
    _description = "Mentoring Agreement"
    _inherit = ["mentoring.signed.document.mixin", "mentoring.thread.mixin", "mail.activity.mixin"]
    _order = "match_id, version desc"
    _signature_roles = ("mentor", "mentee", "coordinator")

    name = fields.Char(compute="_compute_name", store=True)
    previous_id = fields.Many2one("mentoring.agreement", string="Previous version", readonly=True, copy=False)
    purpose = fields.Text(help="Why the mentor and mentee are meeting.")
    development_goals = fields.Text(help="Skills and knowledge the mentee wants to develop.")
    skill_areas = fields.Text(help="Skill areas to be enhanced or developed.")
    ground_rules = fields.Text(help="Including behaviour and personal responsibility.")
    contact_face_to_face = fields.Boolean("Face-to-face")
    contact_phone = fields.Boolean("Phone")
    contact_email = fields.Boolean("Email")
    contact_video = fields.Boolean("Video call")
    contact_other = fields.Char("Other contact")
    contact_frequency = fields.Selection(
        CONTACT_FREQUENCIES, compute="_compute_contact_frequency", store=True, readonly=False
    )
    hours_per_month = fields.Float("Hours per month")
    duration_months = fields.Integer(
        "Duration (months)", compute="_compute_duration_months", store=True, readonly=False
    )
    others_roles = fields.Text("Role of others", help="E.g. what the coordinator does.")
    boundaries = fields.Text()
    recording = fields.Text(help="What is written down, by whom, and who receives a copy.")
    confidentiality_statement = fields.Text(
        compute="_compute_confidentiality_statement", store=True, readonly=False
    )
    confidentiality_limits = fields.Text(
        "Limits of confidentiality", compute="_compute_confidentiality_limits", store=True, readonly=False
    )
    problem_resolution = fields.Text(
        default="If we cannot resolve a disagreement ourselves, we will ask the coordinator "
        "for a three-way meeting. Either of us may end the relationship without blame "
        "(no-fault opt-out)."
    )
    opt_out_notice_hours = fields.Integer(
        "Opt-out notice (hours)", compute="_compute_opt_out_notice_hours", store=True, readonly=False
    )
    coordinator_signature = fields.Binary("Coordinator signature", copy=False, attachment=True)
    coordinator_signed_by = fields.Char("Coordinator signed by", copy=False)
    coordinator_signed_on = fields.Date("Coordinator signed on", copy=False)
    # The coordinator's signature block is for a coordinator of the programme to fill in.
    user_coordinates_programme = fields.Boolean(compute="_compute_user_coordinates_programme")

    _required_to_sign = {"purpose": "Purpose", "development_goals": "Development goals"}

    @api.depends("match_id.name", "version")
    def _compute_name(self):
        for agreement in self:
            agreement.name = self.env._(
                "Agreement %(match)s (v%(version)s)",
                match=agreement.match_id.name or "",
                version=agreement.version,
            )

    @api.depends("program_id")
    @api.depends_context("uid")
    def _compute_user_coordinates_programme(self):
        for agreement in self:
            agreement.user_coordinates_programme = agreement.program_id._user_coordinates()

    # One compute per field: Odoo leaves every field of a shared compute alone once any of
    # them is given on create, and each of these may be typed in independently.
    def _default_from_program(self, field):
        for agreement in self:
            if not agreement[field]:
                agreement[field] = agreement.program_id[field]

    @api.depends("program_id")
    def _compute_contact_frequency(self):
        self._default_from_program("contact_frequency")

    @api.depends("program_id")
    def _compute_duration_months(self):
        self._default_from_program("duration_months")

    @api.depends("program_id")
    def _compute_confidentiality_statement(self):
        self._default_from_program("confidentiality_statement")

    @api.depends("program_id")
    def _compute_confidentiality_limits(self):
        self._default_from_program("confidentiality_limits")

    @api.depends("program_id")
    def _compute_opt_out_notice_hours(self):
        self._default_from_program("opt_out_notice_hours")

    def _default_signer_name(self, role):
        if role == "coordinator":
            return self.match_id.coordinator_id.name
        return super()._default_signer_name(role)
