from odoo import api, fields, models
from odoo.exceptions import UserError


class MentoringMatch(models.Model):
    """A match closes only through its closure record (mentoring.match.closure): the Close
    button opens it, and `_close`, which every way of closing calls (the record's button, the
    older close screen, the demo), refuses a match whose closure steps are not all recorded.
    Writing the status directly is refused by `write` (mentoring_match.py)."""

    _inherit = "mentoring.match"

    closure_id = fields.Many2one(
        "mentoring.match.closure",
        compute="_compute_closure_id",
        string="Closure record",
        groups="peer_mentoring.group_coordinator",
    )

    @api.depends_context("uid")
    def _compute_closure_id(self):
        closures = self.env["mentoring.match.closure"].search([("match_id", "in", self.ids)])
        by_match = {closure.match_id.id: closure for closure in closures}
        for match in self:
            match.closure_id = by_match.get(match.id, False)

    def action_open_close_wizard(self):
        """Close: the closure steps, on the match's closure record (made on first use)."""
        self.ensure_one()
        self._check_state(("introduced", "active", "on_hold"), self.env._("close"))
        self._check_acts_for(self.env._("close a match"))
        Closure = self.env["mentoring.match.closure"]
        closure = Closure.search([("match_id", "=", self.id)], limit=1)
        if not closure:
            reason = self.closure_reason or False
            closure = Closure.create({"match_id": self.id, "closure_reason": reason})
        return closure._action_open_form()

    def action_open_closure(self):
        self.ensure_one()
        return self.closure_id._action_open_form()

    # The base closes one match at a time, with its own closure's reason, and returns nothing.
    # pylint: disable-next=missing-return
    def _close(self, reason=None, note=None):
        """Close with the closure record's reason and note (a reason or note given here is
        written on the record first), once every closure step is recorded."""
        self._check_state(("introduced", "active", "on_hold"), self.env._("close"))
        self._check_acts_for(self.env._("close a match"))
        closures = self.env["mentoring.match.closure"].sudo().search([("match_id", "in", self.ids)])
        undocumented = self - closures.match_id.sudo(False)
        if undocumented:
            raise UserError(
                self.env._(
                    "%(matches)s cannot be closed yet: press Close on the match and record the "
                    "closure steps (kind of ending, the talk with each side, contact after "
                    "closure, rematch decision).",
                    matches=", ".join(undocumented.mapped("display_name")),
                )
            )
        for closure in closures:
            vals = {}
            if reason and reason != closure.closure_reason:
                vals["closure_reason"] = reason
            if note and note != closure.closure_note:
                vals["closure_note"] = note
            if vals:
                closure.write(vals)
        closures = closures.sudo(False)
        closures._check_complete()
        for closure in closures:
            match = closure.match_id
            # An opt-out nobody told the programme about yet is recorded now, when the closure
            # says who opted out (the older close screen records it itself).
            if closure.closure_reason == "no_fault_opt_out" and closure.opt_out_party:
                if not match.opt_out_told_on:
                    match._record_opt_out(closure.opt_out_party, fields.Datetime.now())
            super(MentoringMatch, match)._close(closure.closure_reason, closure.closure_note)
        closures._finish()
