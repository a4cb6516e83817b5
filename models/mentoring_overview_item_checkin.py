from odoo import api, fields, models
from odoo.tools import SQL, format_date

from .mentoring_match_checkin import CHECKIN_SOON_DAYS, CHECKIN_STATES
from .mentoring_overview_item import NO_CONTACT_DAYS

# After the base kinds (1-5), introductions (6) and room for one more.
CHECKIN_RANK = 8
CHECKIN_KINDS = ("checkin_overdue", "checkin_due")


class MentoringOverviewItem(models.Model):
    """Needs doing: matches whose staff check-in is due within a week, or overdue.

    Getting in touch with a pair is one thing to do: a match with a check-in card has no
    separate "No meeting for 30 days" card; the check-in card tells the days since the last
    meeting instead."""

    _inherit = "mentoring.overview.item"

    kind = fields.Selection(
        selection_add=[("checkin_overdue", "Check-in overdue"), ("checkin_due", "Check-in due")]
    )

    @api.model
    def _kind_columns(self):
        return super()._kind_columns() | dict.fromkeys(CHECKIN_KINDS, "contact")

    @api.model
    def _checkin_card_condition(self):
        """The match `m` has a check-in card."""
        return SQL(
            "(m.active AND m.state IN %(states)s AND m.checkin_due_date <= CURRENT_DATE + %(soon)s)",
            states=CHECKIN_STATES,
            soon=CHECKIN_SOON_DAYS,
        )

    @api.model
    def _no_contact_covered(self):
        # NULL (no check-in due) covers nothing.
        return SQL(
            "(%s OR COALESCE(%s, FALSE))", super()._no_contact_covered(), self._checkin_card_condition()
        )

    @api.model
    def _items_query(self):
        # Same columns, in the same order, as the items of the base query.
        return SQL(
            """%(base)s
             UNION ALL
                SELECT %(rank)s,
                       CASE WHEN m.checkin_due_date < CURRENT_DATE THEN 'checkin_overdue' ELSE 'checkin_due' END,
                       m.program_id, m.company_id, m.id, 'mentoring.match', m.id, m.checkin_due_date, m.name
                  FROM mentoring_match m
                 WHERE %(has_card)s
            """,
            base=super()._items_query(),
            rank=CHECKIN_RANK,
            has_card=self._checkin_card_condition(),
        )

    def _facts_known(self):
        field = self.env["mentoring.match"]._fields["checkin_due_with"]
        return super()._facts_known() | {"checkin_sides": dict(field._description_selection(self.env))}

    def _checkin_fact(self, known, overdue):
        match = self.match_id.sudo()
        who = known["checkin_sides"].get(match.checkin_due_with, "").lower()
        day = format_date(self.env, self.due_date)
        due = (
            self.env._("With the %(who)s, overdue since %(date)s", who=who, date=day)
            if overdue
            else self.env._("With the %(who)s, due by %(date)s", who=who, date=day)
        )
        last = known["last_meetings"].get(match.id) or match.date_start
        if last and self._days_ago(last) > NO_CONTACT_DAYS:
            return f"{due} · {self._no_meeting_fact(known)}"
        return due

    def _fact_checkin_overdue(self, known):
        return self._checkin_fact(known, overdue=True)

    def _fact_checkin_due(self, known):
        return self._checkin_fact(known, overdue=False)

    def _open_checkin(self):
        """The form of a new check-in with the side that is due (the match's own action checks
        that the user acts for its programme)."""
        return self.match_id.action_new_checkin()

    def _open_checkin_overdue(self):
        return self._open_checkin()

    def _open_checkin_due(self):
        return self._open_checkin()
