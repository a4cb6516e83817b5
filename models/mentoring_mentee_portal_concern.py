from odoo import api, models
from odoo.exceptions import AccessError, UserError

# What the person can say, in their own plain words, and the type of concern each is.
PORTAL_CONCERNS = {
    "unsafe": ("peer_mentoring.safeguarding_type_safety", False),
    "hurt": ("peer_mentoring.safeguarding_type_disclosure", False),
    "mentor_hurt": ("peer_mentoring.safeguarding_type_allegation", True),
    "mentor_not_ok": ("peer_mentoring.safeguarding_type_boundary", False),
}


class MentoringMentee(models.Model):
    """The person mentored (or their representative) raises a safeguarding concern from the
    portal. It goes through the same raise screen as staff use
    (wizard/mentoring_safeguarding_raise.py), run with sudo() once the acting login is known to
    be the person's own or their representative's: the concern is read by the safeguarding
    lead only; the person gets its reference and nothing else."""

    _inherit = "mentoring.mentee"

    @api.model
    def _portal_mentees_of_user(self):
        """The people whose portal the current portal login opens (sudo records)."""
        partner = self.env.user.partner_id
        if not self.env.user._is_portal():
            return self.browse()
        return (
            self.sudo()
            .with_context(active_test=False)
            .search(["|", ("partner_id", "=", partner.id), ("representative_partner_ids", "in", partner.id)])
        )

    def _portal_raise_concern(self, choice, description, occurred_on=None, danger=False):
        """Raise a concern about this person from the portal; return its reference."""
        self.ensure_one()
        if self not in self._portal_mentees_of_user():
            raise AccessError(
                self.env._("You can tell us a worry only about yourself or the person you represent.")
            )
        if choice not in PORTAL_CONCERNS:
            raise UserError(self.env._("Choose what your worry is about."))
        description = (description or "").strip()
        if not description:
            raise UserError(self.env._("Write what happened, in your own words."))
        type_xmlid, about_mentor = PORTAL_CONCERNS[choice]
        mentee = self.sudo()
        matches = mentee.match_ids.sorted(lambda m: (m.state in ("introduced", "active", "on_hold"), m.id))
        match = matches[-1:] if matches else matches
        concern_type = self.env.ref(type_xmlid)
        if self.env.user.partner_id != mentee.partner_id:
            description = self.env._(
                "Told by %(name)s, representative of the person:\n%(text)s",
                name=self.env.user.partner_id.name,
                text=description,
            )
        screen = (
            self.env["mentoring.safeguarding.raise"]
            .sudo()
            .create(
                {
                    "type_id": concern_type.id,
                    "description": description[:10000],
                    "occurred_on": occurred_on or False,
                    "immediate_danger": bool(danger),
                    "steps_taken": self.env._("Raised by the person on the portal."),
                    "match_id": match.id,
                    "subject_mentor_id": match.mentor_id.id if about_mentor and match else False,
                }
            )
        )
        screen.action_submit()
        return screen.concern_reference
