from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

DEFAULT_CONFIDENTIALITY = (
    "We will respect each other's confidentiality and will not disclose personal details or "
    "what we talk about without the other's permission. Written records are kept in a secure "
    "place and are seen only by the two of us, the supervisor and the programme coordinator."
)
DEFAULT_CONFIDENTIALITY_LIMITS = (
    "Confidentiality may be breached only where there is an actual or potential risk to the "
    "safety of a child or adult, a breach of the code of conduct, of ethics or of the duty of "
    "care, or a legal duty to report. Where possible the other party is told first."
)
CONTACT_FREQUENCIES = [
    ("weekly", "Weekly"),
    ("fortnightly", "Every two weeks"),
    ("monthly", "Monthly"),
    ("as_agreed", "As agreed"),
]


class MentoringProgram(models.Model):
    _name = "mentoring.program"
    _description = "Mentoring Programme"
    _inherit = ["mentoring.guard.mixin", "mail.thread"]
    _order = "name"
    _protected_fields = frozenset({"match_ids"})
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    program_type = fields.Selection(
        [("person", "Person to person"), ("organization", "Organisation to organisation")],
        string="Type",
        required=True,
        default="person",
    )
    coordinator_ids = fields.Many2many(
        "res.users",
        "mentoring_program_coordinator_rel",
        "program_id",
        "user_id",
        string="Coordinators",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        help="Coordinators see and manage every record of this programme.",
    )
    duration_months = fields.Integer(
        "Default duration (months)", default=12, help="Planned length of a new match."
    )
    contact_frequency = fields.Selection(
        CONTACT_FREQUENCIES,
        string="Expected contact",
        required=True,
        default="monthly",
    )
    max_mentees_per_mentor = fields.Integer(
        "Mentees per mentor",
        default=2,
        help="Guidance on how many mentees one mentor supports at a time. "
        "A mentor's own capacity can differ; a coordinator can override it on a match.",
    )
    intro_contact_limit = fields.Integer(
        "Introductory contacts",
        default=1,
        help="How many encounters can be confirmed before the agreement is signed.",
    )
    opt_out_notice_hours = fields.Integer(
        "No-fault opt-out notice (hours)",
        default=48,
        help="Within how many hours the coordinator is told when either party opts out.",
    )
    require_mentee_signature = fields.Boolean(
        "Mentee signs encounters", default=True, help="Encounter records carry the mentee's signature."
    )
    confidentiality_statement = fields.Text(default=DEFAULT_CONFIDENTIALITY, translate=True)
    confidentiality_limits = fields.Text(
        "Limits of confidentiality", default=DEFAULT_CONFIDENTIALITY_LIMITS, translate=True
    )
    active = fields.Boolean(default=True)
    product_id = fields.Many2one(
        "product.product",
        string="Service product",
        domain=[("type", "=", "service")],
        check_company=True,
        help="The service billed to payers, invoiced on timesheets. Leave empty when the "
        "programme is not billed.",
    )
    group_product_id = fields.Many2one(
        "product.product",
        string="Group session product",
        domain=[("type", "=", "service")],
        check_company=True,
        help="Optional: the service billed for group sessions, with its own code modifier (e.g. "
        "HQ) and rate. Payers authorise it separately.",
    )
    billing_profile_id = fields.Many2one(
        "mentoring.billing.profile",
        string="Default billing profile",
        check_company=True,
        help="Used for payers without a billing profile of their own.",
    )
    certification_rule_id = fields.Many2one(
        "mentoring.certification.rule",
        string="Certification rules",
        tracking=True,
        help="What mentors of this programme need to become and stay certified.",
    )
    oversight_user_ids = fields.Many2many(
        "res.users",
        "mentoring_program_oversight_rel",
        "program_id",
        "user_id",
        string="Oversight body",
        domain=[("share", "=", False)],
        help="People of the oversight body (e.g. a state council) who receive this programme's "
        "internship files, evaluations and exit interviews.",
    )
    mentor_ids = fields.Many2many(
        "mentoring.mentor", "mentoring_mentor_program_rel", "program_id", "mentor_id", string="Mentors"
    )
    match_ids = fields.One2many("mentoring.match", "program_id", string="Matches")
    match_count = fields.Integer(compute="_compute_match_count")
    # Drop-downs offer the programmes a user may enrol people in and match within.
    user_is_coordinator = fields.Boolean(
        "I coordinate it", compute="_compute_user_is_coordinator", search="_search_user_is_coordinator"
    )

    _code_company_uniq = models.Constraint(
        "UNIQUE(code, company_id)", "A programme code must be unique within the agency."
    )
    _limits_not_negative = models.Constraint(
        "CHECK(max_mentees_per_mentor >= 0 AND intro_contact_limit >= 0 AND duration_months >= 0)",
        "Mentees per mentor, introductory contacts and duration cannot be negative.",
    )

    @api.depends("match_ids")
    def _compute_match_count(self):
        counts = dict(
            self.env["mentoring.match"]._read_group(
                [("program_id", "in", self.ids)], ["program_id"], ["__count"]
            )
        )
        for program in self:
            program.match_count = counts.get(program, 0)

    @api.depends_context("uid")
    def _compute_user_is_coordinator(self):
        for program in self:
            program.user_is_coordinator = program._user_coordinates()

    def _search_user_is_coordinator(self, operator, value):
        if operator != "in":
            return NotImplemented
        user = self.env.user
        if self.env.su or user.has_group("peer_mentoring.group_manager"):
            return Domain.TRUE
        if user.has_group("peer_mentoring.group_coordinator"):
            return Domain("coordinator_ids", "in", user.ids)
        return Domain.FALSE

    def write(self, vals):
        res = super().write(vals)
        if "coordinator_ids" in vals:
            self.sudo().match_ids._prune_relationship_followers()
        return res

    @api.constrains("mentor_ids")
    def _check_mentors_keep_ongoing_matches(self):
        removed = (
            self.env["mentoring.match"]
            .sudo()
            .search([("program_id", "in", self.ids), ("state", "in", ("introduced", "active", "on_hold"))])
            .filtered(lambda m: m.mentor_id not in m.program_id.mentor_ids)
        )
        if removed:
            raise ValidationError(
                self.env._(
                    "%(mentor)s still has ongoing matches in %(program)s: close them before taking "
                    "the mentor out of the programme.",
                    mentor=removed[0].mentor_id.name,
                    program=removed[0].program_id.name,
                )
            )

    @api.constrains("product_id", "group_product_id", "billing_profile_id")
    def _check_billing_units(self):
        """Each payer's unit agrees with the unit of the service it is billed: the programme's
        default profile with its products, each authorisation's profile with its service."""
        authorizations = (
            self.env["mentoring.authorization"]
            .sudo()
            .search([("program_id", "in", self.ids), ("state", "!=", "cancelled")])
        )
        for program in self:
            profile = program.billing_profile_id
            if profile:
                for product in program.product_id | program.group_product_id:
                    profile._raise_unless_billable(product)
        authorizations._check_billing_units()

    def _user_coordinates(self):
        """Whether the current user coordinates every programme of `self` (a programme
        manager coordinates them all). Asked of the user, not of the environment: callers often
        hold these programmes through sudo()."""
        user = self.env.user
        if user._is_superuser() or user.has_group("peer_mentoring.group_manager"):
            return True
        if not user.has_group("peer_mentoring.group_coordinator"):
            return False
        return all(user in program.sudo().coordinator_ids for program in self)

    def _user_acts_for(self, subjects=None):
        """Whether the current user may decide on a record of these programmes: they coordinate
        every one of them (a programme manager all of them) and they are not its subject.
        `subjects` are the logins the record is about (a mentor's user): being a coordinator of
        some programme never lets anyone approve, unlock or change the status of what concerns
        themselves. Asked of the user, not of the environment, like `_user_coordinates`."""
        user = self.env.user
        if user._is_superuser():
            return True
        if subjects and user in subjects:
            return False
        return self._user_coordinates()

    def _check_user_acts_for(self, action, subjects=None):
        """Refuse, in plain words, unless the current user acts for these programmes."""
        user = self.env.user
        if self._user_acts_for(subjects):
            return
        if subjects and user in subjects and not user._is_superuser():
            raise UserError(
                self.env._(
                    "This concerns you: someone else must %(action)s. Ask another coordinator of the "
                    "programme.",
                    action=action,
                )
            )
        raise UserError(
            self.env._(
                "Only a coordinator of %(programs)s can %(action)s.",
                programs=", ".join(self.sudo().mapped("name")) or self.env._("the programme"),
                action=action,
            )
        )

    def _billing_profile_for(self, payer):
        """The payer's own billing profile, else this programme's default."""
        return payer.mentoring_billing_profile_id or self.billing_profile_id

    def _service_product(self, group_session):
        """The service billed for an individual or a group session of this programme."""
        return self.group_product_id if group_session else self.product_id

    def action_view_matches(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("peer_mentoring.mentoring_match_action")
        action["domain"] = [("program_id", "=", self.id)]
        action["context"] = {"default_program_id": self.id}
        return action
