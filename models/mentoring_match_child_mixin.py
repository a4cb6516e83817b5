from odoo import api, fields, models
from odoo.exceptions import UserError


class MentoringMatchChildMixin(models.AbstractModel):
    """Records that belong to one match (agreement, plan, goal, encounter).

    They carry the match's company, mentor, mentee and programme as stored fields so that
    record rules, search filters and group-bys need no join through the match, and they follow
    the match's rule that a closed relationship is read-only except for a coordinator."""

    _name = "mentoring.match.child.mixin"
    _description = "Record of a Mentoring Match"
    _inherit = ["mentoring.guard.mixin", "mentoring.new.offer.mixin"]
    _check_company_auto = True
    _scope_fields = frozenset({"match_id"})
    # New is offered only where the user has something to pick here (mentoring.new.offer.mixin).
    _new_record_needs = ("match_id",)

    # No check_company: the company comes from the match (a new record has none until its match
    # is chosen, and the drop-down must not filter on that emptiness).
    match_id = fields.Many2one(
        "mentoring.match",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("user_may_add_records", "=", True)],
    )
    # Computed when the record is created, not on a later flush: SQL reports over these records
    # (the billing entries) read the column directly.
    company_id = fields.Many2one(related="match_id.company_id", store=True, index=True, precompute=True)
    mentor_id = fields.Many2one(related="match_id.mentor_id", store=True, index=True)
    mentee_id = fields.Many2one(related="match_id.mentee_id", store=True, index=True)
    program_id = fields.Many2one(related="match_id.program_id", store=True, index=True)
    # The forms print the person's name from here: after a match closes, its mentor keeps the
    # history of what they wrote, not access to the person's record.
    mentee_name = fields.Char("Mentee's name", related="match_id.mentee_id.name")

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.match_id._check_editable()
        return records

    def write(self, vals):
        if (
            "match_id" in vals
            and not self.env.su
            and any(record.match_id.id != vals["match_id"] for record in self)
        ):
            # Record rules are checked before a write, not after: moving a record to another
            # match would put it where its author may not look.
            raise UserError(
                self.env._("A record stays with its match. Create a new one for the other match.")
            )
        self.match_id._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_if_match_editable(self):
        self.match_id._check_editable()

    def message_post(self, **kwargs):
        if not self.env.su:
            self.match_id._check_editable()
        return super().message_post(**kwargs)

    def _check_match_ongoing(self, action):
        closed = self.match_id.filtered(lambda m: m.state not in ("introduced", "active"))
        if closed:
            raise UserError(
                self.env._(
                    "You can %(action)s only for a match that is introduced or active; "
                    "%(matches)s is not. Change the match's status first.",
                    action=action,
                    matches=", ".join(closed.mapped("display_name")),
                )
            )

    @api.model
    def _new_record_unavailable_help(self):
        return self.env._(
            "You add these to an ongoing match of your own, as its peer mentor, or to a match of a "
            "programme you coordinate, and you have none now. The ones you may read (for example "
            "those of the mentors you supervise) are listed here. If you expected to have a mentee, "
            "ask your programme's coordinator."
        )
