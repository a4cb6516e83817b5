from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MentoringInternshipLine(models.Model):
    """A row of the internship time and activity log (seed 000): date, activity, hours, the
    peer mentor's initials. Written by the intern or the supervisor while the internship is in
    progress; once the supervisor has reviewed and locked it, it stays as it was."""

    _name = "mentoring.internship.line"
    _description = "Internship Log Line"
    # New is offered only where the user has something to pick here (mentoring.new.offer.mixin).
    _new_record_needs = ("internship_id",)
    _inherit = ["mentoring.guard.mixin", "mentoring.new.offer.mixin"]
    _order = "date desc, id desc"
    _protected_fields = frozenset({"locked", "locked_by_id"})
    _scope_fields = frozenset({"internship_id"})

    internship_id = fields.Many2one(
        "mentoring.internship",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("state", "=", "in_progress")],
    )
    mentor_id = fields.Many2one(related="internship_id.mentor_id", store=True, index=True)
    program_id = fields.Many2one(related="internship_id.program_id", store=True)
    company_id = fields.Many2one(related="internship_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    activity_id = fields.Many2one(
        "mentoring.internship.activity",
        required=True,
        domain=[("from_meetings", "=", False)],
    )
    is_face_to_face = fields.Boolean(related="activity_id.is_face_to_face", string="Face to face")
    hours = fields.Float(required=True)
    initials = fields.Char(
        "Peer mentor initials",
        compute="_compute_initials",
        store=True,
        readonly=False,
        help="The peer mentor's initials, as on the paper log.",
    )
    note = fields.Char()
    locked = fields.Boolean(readonly=True, copy=False, help="Reviewed by the supervisor: no longer changes.")
    locked_by_id = fields.Many2one("res.users", string="Reviewed by", readonly=True, copy=False)

    _hours_positive = models.Constraint(
        "CHECK(hours > 0 AND hours <= 24)", "Log between a few minutes and 24 hours on a line."
    )

    @api.depends("internship_id")
    def _compute_initials(self):
        for line in self:
            if not line.initials:
                line.initials = line.internship_id.mentor_initials

    @api.constrains("activity_id")
    def _check_not_from_meetings(self):
        for line in self:
            if line.activity_id.from_meetings:
                raise ValidationError(
                    self.env._(
                        "“%(activity)s” comes from the meetings you confirm: log the meeting (Log a "
                        "meeting) and its time counts here once, by itself.",
                        activity=line.activity_id.name,
                    )
                )

    @api.constrains("date", "internship_id")
    def _check_date_in_internship(self):
        for line in self:
            start = line.internship_id.date_start
            if start and line.date < start:
                raise ValidationError(
                    self.env._("The internship started on %(start)s: log time from that day on.", start=start)
                )

    def _check_open(self, action):
        if self.env.su:
            return
        if any(line.locked for line in self):
            raise UserError(
                self.env._(
                    "The supervisor has reviewed and locked this line of the log: it cannot %(action)s.",
                    action=action,
                )
            )
        if any(line.internship_id.state != "in_progress" for line in self):
            raise UserError(self.env._("Time is logged only while the internship is in progress."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_open(self.env._("be added"))
        return lines

    def write(self, vals):
        if "internship_id" in vals and not self.env.su:
            if any(line.internship_id.id != vals["internship_id"] for line in self):
                raise UserError(self.env._("A line stays in its internship's log."))
        self._check_open(self.env._("change"))
        return super().write(vals)

    def _locked_records(self):
        return self.filtered(lambda line: line.locked or line.sudo().internship_id.state != "in_progress")

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open(self):
        self._check_open(self.env._("be deleted"))

    def _lock(self):
        """Called by the internship's actions, which checked who acts."""
        self.filtered(lambda line: not line.locked).sudo().write(
            {"locked": True, "locked_by_id": self.env.uid}
        )

    @api.model
    def _new_record_unavailable_help(self):
        return self.env._(
            "The internship log is kept by an intern and their supervisor while the internship is "
            "in progress, and you have no internship in progress. When a coordinator starts your "
            "internship, or one of an intern you supervise, log its time here."
        )
