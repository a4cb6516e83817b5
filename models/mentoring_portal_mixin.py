from odoo import models


class MentoringPortalMixin(models.AbstractModel):
    """What a portal user (the person mentored) may read of a mentoring record.

    Record rules (security/portal_rules.xml) give a portal user their own records only; this
    gate gives them only the fields the paper form prints. Every other field (confidential
    notes, billing, member IDs, chatter, who created it) is refused to portal users, whatever
    the field's `groups=` says, on every path: read, search, group-by, export, fields_get. A
    field added later is refused until it is named here.

    Added to models that already inherit `mentoring.guard.mixin` (plan, agreement, meeting,
    goal), so it does not inherit the guard again: Python could not order the classes."""

    _name = "mentoring.portal.mixin"
    _description = "Mentoring Record Seen on the Portal"
    # The fields the printed form shows, readable by the person it is about.
    _portal_fields = frozenset()
    # What a carer or volunteer mentor on the portal reads besides (their records only, by the
    # rules of security/portal_mentor_rules.xml; models/mentoring_mentor_portal.py).
    _portal_mentor_fields = frozenset()

    def _has_field_access(self, field, operation):
        if self.env.su or not self.env.user.share:
            return super()._has_field_access(field, operation)
        # Portal users never write these records directly: signing is an action method.
        if operation != "read":
            return False
        if field.name in self._portal_fields | {"id", "display_name"}:
            return True
        return field.name in self._portal_mentor_fields and bool(
            self.env["mentoring.mentor"]._portal_mentor()
        )
