from odoo import fields, models

CONCERN = "mentoring.safeguarding.concern"


class MentoringSafeguardingRaiseMixin(models.AbstractModel):
    """What a match, a mentor and a meeting show about safeguarding: a "Raise a concern" button
    for every mentoring role, and to coordinators (field groups) only whether a concern is open.
    The count is made with sudo and gives nothing but yes or no."""

    _name = "mentoring.safeguarding.raise.mixin"
    _description = "Raise a Safeguarding Concern From a Record"
    # The concern field that points to records of the inheriting model.
    _concern_link = None

    has_open_concern = fields.Boolean(
        "Open safeguarding concern",
        compute="_compute_has_open_concern",
        groups="peer_mentoring.group_coordinator",
    )

    def _compute_has_open_concern(self):
        open_ids = set()
        if self.ids:
            concerns = (
                self.env[CONCERN]
                .sudo()
                .search([(self._concern_link, "in", self.ids), ("state", "=", "open")])
            )
            open_ids = set(concerns.mapped(f"{self._concern_link}.id"))
        for record in self:
            record.has_open_concern = record.id in open_ids

    def _raise_concern_defaults(self):
        return {}

    def action_raise_concern(self):
        self.ensure_one()
        self.check_access("read")
        return self.env["mentoring.safeguarding.raise"]._open_form(self._raise_concern_defaults())
