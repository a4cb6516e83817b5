from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mentoring_signed_document_mixin import _BOOKKEEPING_PREFIXES

SUPERVISION_MODALITIES = [
    ("face_to_face", "Face-to-face"),
    ("video", "Video call"),
    ("phone", "Phone"),
]

DEFAULT_OBJECTIVES = (
    "Reflect on my practice as a peer mentor; grow my skills and knowledge (formative); keep to "
    "the values, ethics and policies of peer mentoring (normative); look after my own wellbeing "
    "in the role (restorative)."
)
DEFAULT_CANCELLATION = (
    "Whoever needs to cancel a session tells the other at least 24 hours ahead, unless there is "
    "an emergency, and offers a new date within two weeks. The supervisor records each "
    "cancellation and the new date."
)
DEFAULT_CONFIDENTIALITY = (
    "What we talk about in supervision stays between us, so that we can speak frankly about "
    "practice. Session records are read only by the two of us and the programme managers; in a "
    "group session, what concerns one mentor is recorded apart and read only by that mentor "
    "and the supervisor."
)
DEFAULT_CONFIDENTIALITY_LIMITS = (
    "Confidentiality is limited where there is a serious concern about: a breach of the agency's "
    "code of conduct; a breach of professional ethics; a breach of duty of care; the safety of "
    "the peer mentor or of a person they support; or something the law says must be reported. "
    "The supervisor first tells the peer mentor of the concern and encourages them to take it "
    "to their line manager within an agreed time. If the peer mentor cannot or will not, the "
    "supervisor involves the line manager as soon as practical, and tells the peer mentor "
    "before doing so."
)
DEFAULT_RECORD_KEEPING = (
    "The supervisor keeps a record of each session: date and time, agenda, outcomes, action "
    "plan and the date of the next session. Each of us confirms attendance at every session. "
    "The peer mentor may keep their own notes and reflections on supervision."
)
DEFAULT_SUPERVISOR_RESPONSIBILITIES = (
    "Make the purpose of supervision, what is expected and the limits of confidentiality clear; "
    "agree goals for sessions and review progress; keep sessions safe, structured and regular; "
    "give constructive feedback; challenge practice that does not fit peer support values; "
    "keep the records; take part in supervision themselves."
)
DEFAULT_MENTOR_RESPONSIBILITIES = (
    "Attend supervision regularly and on time; bring topics and questions to each session; "
    "agree goals for supervision with the supervisor; carry out the agreed action plan; "
    "raise difficulties with supervision openly."
)


def check_supervisor_is_self(records, vals):
    """Record rules are checked before a write, not after: a supervisor who hands a record to
    another supervisor would give them notes about mentors they do not supervise. Only the
    supervisor themselves, or a programme manager, is put on a supervision record."""
    env = records.env
    if env.su or "supervisor_id" not in vals or env.user.has_group("peer_mentoring.group_manager"):
        return
    employee = env["hr.employee"].sudo().browse(vals["supervisor_id"])
    if employee.user_id != env.user:
        raise UserError(
            env._(
                "You can record supervision only in your own name. Ask a programme manager to change the supervisor."
            )
        )


def check_supervisor_set(records):
    if records.filtered(lambda r: not r.supervisor_id):
        raise ValidationError(
            records.env._(
                "Supervision is recorded in the supervisor's name, and your login is not linked to "
                "an employee. Ask HR to link it, then record the supervision."
            )
        )


class MentoringSupervisionAgreement(models.Model):
    """The written supervision agreement between a supervisor and a peer mentor (seed 004):
    what supervision is for, how often and how it happens, what is kept confidential and
    when it is not, who keeps which records. Both sign it; renegotiating makes a new version."""

    _name = "mentoring.supervision.agreement"
    _description = "Supervision Agreement"
    _inherit = [
        "mentoring.guard.mixin",
        "mentoring.signature.mixin",
        "mentoring.thread.mixin",
        "mail.activity.mixin",
    ]
    _order = "mentor_id, version desc"
    _check_company_auto = True
    _scope_fields = frozenset({"mentor_id", "supervisor_id"})
    _scope_open_states = frozenset({"draft"})
    _locked_states = frozenset({"signed", "superseded"})
    _signature_roles = ("supervisor", "mentor")
    # The signature mixin also carries a mentee's block; no mentee signs a supervision agreement.
    _protected_fields = frozenset(
        {
            "state",
            "version",
            "previous_id",
            "date_signed",
            "mentee_signature",
            "mentee_signed_by",
            "mentee_signed_on",
        }
    )
    _required_to_sign = {"objectives": "Objectives", "review_date": "Review date"}

    name = fields.Char(compute="_compute_name", store=True)
    mentor_id = fields.Many2one(
        "mentoring.mentor", string="Peer mentor", required=True, index=True, ondelete="restrict"
    )
    supervisor_id = fields.Many2one(
        "hr.employee",
        index=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
        help="Whoever records the agreement: their login's employee.",
    )
    company_id = fields.Many2one(related="mentor_id.company_id", store=True, index=True, precompute=True)
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "mentoring.supervision.agreement", string="Previous version", readonly=True, copy=False
    )
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("superseded", "Superseded")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    date_signed = fields.Date(readonly=True, copy=False, tracking=True)
    date_start = fields.Date("Supervision starts on", default=fields.Date.context_today)
    location = fields.Char(help="Where sessions usually take place.")
    objectives = fields.Text(default=DEFAULT_OBJECTIVES)
    frequency_days = fields.Integer(
        "Every (days)",
        compute="_compute_frequency_days",
        store=True,
        readonly=False,
        help="How often we meet; defaults to the cadence the programme's rules ask for the mentor's stage.",
    )
    session_hours = fields.Float("Length of a session (hours)", default=1.0)
    modality = fields.Selection(SUPERVISION_MODALITIES, default="face_to_face", required=True)
    modality_notes = fields.Char(
        "Other ways we may meet", help="E.g. video call when travel is not possible."
    )
    group_supervision = fields.Boolean(
        "Group supervision too", help="The mentor also takes part in group supervision (co-reflection)."
    )
    cancellation = fields.Text("Cancelling a session", default=DEFAULT_CANCELLATION)
    confidentiality = fields.Text(default=DEFAULT_CONFIDENTIALITY)
    confidentiality_limits = fields.Text("Limits of confidentiality", default=DEFAULT_CONFIDENTIALITY_LIMITS)
    record_keeping = fields.Text("Record keeping", default=DEFAULT_RECORD_KEEPING)
    supervisor_responsibilities = fields.Text(default=DEFAULT_SUPERVISOR_RESPONSIBILITIES)
    mentor_responsibilities = fields.Text(
        "Peer mentor's responsibilities", default=DEFAULT_MENTOR_RESPONSIBILITIES
    )
    review_date = fields.Date(
        default=lambda self: fields.Date.context_today(self) + relativedelta(months=6),
        help="When we look at how supervision is going and whether this agreement needs changing.",
    )
    supervisor_signature = fields.Binary("Supervisor signature", copy=False, attachment=True)
    supervisor_signed_by = fields.Char("Supervisor signed by", copy=False)
    supervisor_signed_on = fields.Date("Supervisor signed on", copy=False)
    # Forms show each signature block only to whom may fill it in.
    user_is_supervisor = fields.Boolean(compute="_compute_user_roles")
    user_is_mentor = fields.Boolean(compute="_compute_user_roles")

    _length_positive = models.Constraint(
        "CHECK(session_hours >= 0 AND frequency_days >= 0)",
        "The length of a session and the days between sessions cannot be negative.",
    )

    @api.constrains("supervisor_id")
    def _check_supervisor_set(self):
        check_supervisor_set(self)

    @api.depends("mentor_id.name", "version")
    def _compute_name(self):
        for agreement in self:
            agreement.name = self.env._(
                "Supervision agreement %(mentor)s (v%(version)s)",
                mentor=agreement.mentor_id.name or "",
                version=agreement.version,
            )

    @api.depends("mentor_id")
    def _compute_frequency_days(self):
        for agreement in self:
            if not agreement.frequency_days and agreement.mentor_id:
                agreement.frequency_days = agreement.mentor_id._supervision_cadence_days()

    @api.depends("supervisor_id", "mentor_id")
    @api.depends_context("uid")
    def _compute_user_roles(self):
        is_manager = self.env.user.has_group("peer_mentoring.group_manager")
        for agreement in self:
            agreement.user_is_supervisor = (
                is_manager or agreement.sudo().supervisor_id.user_id == self.env.user
            )
            agreement.user_is_mentor = is_manager or agreement.sudo().mentor_id.user_id == self.env.user

    def _may_sign_as(self, role):
        """Each party signs for themselves; a programme manager may record a signature given
        on paper. The supervisor never signs for the mentor, nor the mentor for the supervisor."""
        self.ensure_one()
        if self.env.user.has_group("peer_mentoring.group_manager"):
            return True
        return self.sudo()[f"{role}_id"].user_id == self.env.user

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_supervisor_is_self(self, vals)
        records = super().create(vals_list)
        records._check_mentor_writes(vals_list)
        return records

    def write(self, vals):
        if not self.env.su:
            changed = [f for f in vals if not f.startswith(_BOOKKEEPING_PREFIXES)]
            frozen = self.filtered(lambda a: a.state != "draft")
            if frozen and changed:
                raise UserError(
                    self.env._(
                        "%(docs)s is signed and can no longer be changed. Use “New version” to "
                        "renegotiate it.",
                        docs=", ".join(frozen.mapped("display_name")),
                    )
                )
            self._check_mentor_writes([vals] * len(self))
            check_supervisor_is_self(self, vals)
        return super().write(vals)

    def _check_mentor_writes(self, vals_list):
        """The supervisor writes the agreement; the mentor reads it and signs their block."""
        if self.env.su:
            return
        own = self._role_fields("mentor")
        for agreement, vals in zip(self, vals_list, strict=True):
            if agreement.user_is_supervisor:
                continue
            # Another role's signature is refused by the signature rules, in their words.
            signatures = self._role_fields("supervisor") | self._role_fields("mentee")
            other = {f for f in vals if not f.startswith(_BOOKKEEPING_PREFIXES)} - own - signatures
            if other:
                raise UserError(
                    self.env._(
                        "Your supervisor writes the supervision agreement; you can sign it. Talk "
                        "with them about anything you would like changed."
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda a: a.state != "draft"):
            raise UserError(
                self.env._("A signed supervision agreement is kept as a record: it cannot be deleted.")
            )

    def action_sign(self):
        for agreement in self:
            if agreement.state != "draft":
                raise UserError(self.env._("%(doc)s is already signed.", doc=agreement.display_name))
            missing = [label for field, label in self._required_to_sign.items() if not agreement[field]]
            missing += [
                self.env._("the %(role)s's signature", role=role)
                for role in self._signature_roles
                if not agreement._is_signed_by(role)
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(doc)s cannot be signed yet. Fill in: %(missing)s.",
                        doc=agreement.display_name,
                        missing=", ".join(missing),
                    )
                )
        earlier = self.search(
            [("mentor_id", "in", self.mentor_id.ids), ("state", "=", "signed"), ("id", "not in", self.ids)]
        )
        earlier._write_checked({"state": "superseded"})
        for agreement in earlier:
            agreement.message_post(body=self.env._("Superseded by a newly signed version."))
        self._write_checked({"state": "signed", "date_signed": fields.Date.context_today(self)})

    def action_new_version(self):
        """Renegotiate: a draft copy for both to sign; signing it supersedes this one."""
        self.ensure_one()
        if self.state == "draft":
            raise UserError(self.env._("This version is still a draft: change it directly."))
        if not self.user_is_supervisor:
            raise UserError(self.env._("Only the supervisor starts a new version of the agreement."))
        self.check_access("write")
        latest = self.sudo().search([("mentor_id", "=", self.mentor_id.id)], order="version desc", limit=1)
        new = self.sudo().copy({"version": latest.version + 1, "previous_id": self.id}).sudo(False)
        self.message_post(body=self.env._("New version %(v)s started.", v=new.version))
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }
