from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

TRAINING_KINDS = [
    ("introductory", "Introductory peer-mentor training"),
    ("continuing", "Continuing education"),
    ("ethics", "Ethics"),
    ("peer", "Peer-specific"),
    ("supervision", "Supervision training"),
    ("other", "Other"),
]
# What counts towards a certification cycle's continuing education hours; ethics and
# peer-specific hours also count towards their own minimums.
CE_KINDS = ("continuing", "ethics", "peer", "supervision")


class MentoringMentorTraining(models.Model):
    """A course a mentor took: recorded by the mentor (or their coordinator) and approved by the
    mentor's supervisor or a coordinator. Only approved training counts for compliance."""

    _name = "mentoring.mentor.training"
    _description = "Peer Mentor Training"
    # New is offered only where the user has something to pick here (mentoring.new.offer.mixin).
    _new_record_needs = ("mentor_id",)
    _inherit = ["mentoring.guard.mixin", "mail.thread", "mentoring.new.offer.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _protected_fields = frozenset({"state", "approved_by_id", "approved_on"})
    _scope_fields = frozenset({"mentor_id"})

    mentor_id = fields.Many2one(
        "mentoring.mentor",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env["mentoring.mentor"].search([("user_id", "=", self.env.uid)], limit=1),
        # The mentors whose training the user may record (as the record rules let them): their
        # own profile, a coordinator's programmes' mentors, any for a manager; not a supervisor's.
        domain=[("user_may_claim_time", "=", True)],
    )
    company_id = fields.Many2one(related="mentor_id.company_id", store=True, index=True)
    name = fields.Char("Course", required=True, tracking=True)
    provider = fields.Char("Given by", help="Who ran the course.")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    hours = fields.Float(required=True, tracking=True, digits=(6, 2))
    kind = fields.Selection(TRAINING_KINDS, required=True, default="continuing", tracking=True)
    certificate = fields.Binary(attachment=True)
    certificate_name = fields.Char("Certificate file name")
    expiry_date = fields.Date(
        "Valid until", tracking=True, help="Leave empty when the training does not expire."
    )
    state = fields.Selection(
        [("submitted", "To approve"), ("approved", "Approved"), ("refused", "Refused")],
        default="submitted",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", string="Approved by", readonly=True, tracking=True)
    approved_on = fields.Date(readonly=True)
    note = fields.Text()
    can_approve = fields.Boolean(compute="_compute_can_approve")

    _hours_positive = models.Constraint("CHECK(hours > 0)", "Training hours must be more than zero.")

    @api.depends_context("uid")
    def _compute_can_approve(self):
        for training in self:
            training.can_approve = not training._approval_refusal()

    @api.constrains("date", "expiry_date")
    def _check_expiry_after_date(self):
        for training in self:
            if training.expiry_date and training.expiry_date < training.date:
                raise ValidationError(
                    self.env._("%(course)s cannot expire before it took place.", course=training.name)
                )

    def write(self, vals):
        if not self.env.su:
            decided = self.filtered(lambda t: t.state != "submitted" and not t._user_acts_for_mentor())
            if decided:
                raise UserError(
                    self.env._(
                        "%(course)s has been approved or refused: ask your coordinator to change it.",
                        course=decided[0].name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_submitted(self):
        if self.env.su:
            return
        if any(t.state != "submitted" and not t._user_acts_for_mentor() for t in self):
            raise UserError(self.env._("Approved or refused training stays on record."))

    def _user_acts_for_mentor(self):
        """A coordinator of one of the mentor's programmes who is not the mentor: the one who
        changes a decided record (being a coordinator elsewhere is not enough)."""
        self.ensure_one()
        mentor = self.mentor_id.sudo()
        programs = mentor._governing_programs()
        return any(program._user_acts_for(mentor.user_id) for program in programs) or (
            not programs and programs._user_acts_for(mentor.user_id)
        )

    def _approval_refusal(self):
        """Why the current user may not approve or refuse this training, or False."""
        self.ensure_one()
        mentor = self.mentor_id.sudo()
        user = self.env.user
        if mentor.user_id == user:
            return self.env._("You cannot approve or refuse your own training.")
        supervises = mentor.supervisor_id.user_id == user
        coordinates = self._user_acts_for_mentor()
        if not (supervises or coordinates):
            return self.env._(
                "Only %(mentor)s's supervisor or a coordinator of their programme can approve their training.",
                mentor=mentor.name,
            )
        return False

    def _decide(self, state):
        for training in self:
            refusal = training._approval_refusal()
            if refusal:
                raise UserError(refusal)
        self._write_checked(
            {
                "state": state,
                "approved_by_id": self.env.uid if state == "approved" else False,
                "approved_on": fields.Date.context_today(self) if state == "approved" else False,
            }
        )

    def action_approve(self):
        self._decide("approved")

    def action_refuse(self):
        self._decide("refused")

    def action_reset(self):
        self._decide("submitted")

    @api.model
    def _new_record_unavailable_help(self):
        return self.env._(
            "Training is recorded by the peer mentor who took it, or by a coordinator for the "
            "mentors of their programmes, and you have no mentor profile to record it for. The "
            "training you may read (for example of the mentors you supervise) is listed here."
        )
