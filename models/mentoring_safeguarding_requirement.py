from datetime import datetime, time, timedelta

import pytz

from odoo import fields, models

NOTIFICATION_METHODS = [
    ("phone", "By phone"),
    ("written", "In writing"),
    ("online", "Online form or portal"),
    ("in_person", "In person"),
]


class MentoringSafeguardingRequirement(models.Model):
    """Who must be told about a concern, how, and by when: one row per duty, per jurisdiction
    and concern type (data, so an agency adds its own state's or authority's rules)."""

    _name = "mentoring.safeguarding.requirement"
    _inherit = ["mentoring.guard.mixin"]
    _description = "Safeguarding Notification Rule"
    _order = "jurisdiction_id, sequence, id"

    name = fields.Char(
        "Who must be told",
        required=True,
        translate=True,
        help="E.g. the local authority designated officer (LADO).",
    )
    sequence = fields.Integer(default=10)
    jurisdiction_id = fields.Many2one(
        "mentoring.safeguarding.jurisdiction", required=True, ondelete="cascade", index=True
    )
    type_ids = fields.Many2many(
        "mentoring.safeguarding.type",
        "mentoring_sg_requirement_type_rel",
        "requirement_id",
        "type_id",
        string="For concerns of type",
        required=True,
        help="The notification is due for every concern of these types.",
    )
    method = fields.Selection(NOTIFICATION_METHODS, "How", required=True, default="written")
    deadline_unit = fields.Selection(
        [
            ("immediately", "Immediately"),
            ("hours", "Hours (on the clock)"),
            ("working_days", "Working days (agency calendar)"),
        ],
        "Deadline in",
        required=True,
        default="hours",
    )
    deadline_value = fields.Integer(
        "Deadline",
        default=24,
        help="Hours count every hour, nights and weekends too. A working day ends when the "
        "agency's working day ends; weekends and public holidays of the agency's working-time "
        "calendar do not count, nor the day the concern was raised.",
    )
    legal_basis = fields.Char(help="E.g. the regulation or statute that sets this duty.")
    active = fields.Boolean(default=True)

    _deadline_positive = models.Constraint(
        "CHECK (deadline_value >= 0)", "A notification deadline cannot be negative."
    )

    def _deadline_from(self, raised_at, company):
        """When this notification is due for a concern raised at `raised_at` (naive UTC), as
        naive UTC. Working days are counted on the company's working-time calendar (weekends and
        its public holidays are not working days), from the day after the concern was raised, and
        end when the last working day's hours end."""
        self.ensure_one()
        if self.deadline_unit == "immediately":
            return raised_at
        if self.deadline_unit == "hours":
            return raised_at + timedelta(hours=self.deadline_value)
        calendar = company.resource_calendar_id or self.env.ref("resource.resource_calendar_std")
        tz = pytz.timezone(calendar.tz or "UTC")
        local_day = pytz.utc.localize(raised_at).astimezone(tz).date()
        start = tz.localize(datetime.combine(local_day + timedelta(days=1), time.min))
        # The end of each working day (its last working hour), in order, after leaves and holidays.
        ends = {}
        for _start, stop, _meta in calendar._work_intervals_batch(start, start + timedelta(days=60), tz=tz)[
            False
        ]:
            ends[stop.date()] = max(stop, ends.get(stop.date(), stop))
        days = sorted(ends)
        wanted = max(self.deadline_value, 1)
        if len(days) < wanted:
            # A calendar with no working hours: count calendar days rather than never.
            return raised_at + timedelta(days=wanted)
        return ends[days[wanted - 1]].astimezone(pytz.utc).replace(tzinfo=None)
