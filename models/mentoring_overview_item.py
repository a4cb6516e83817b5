from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL, format_date

from ..tools.serialise import serialise_on

NO_CONTACT_DAYS = 30
REVIEW_SOON_DAYS = 7
EXPIRY_SOON_DAYS = 14

KINDS = [
    ("no_contact", "No meeting for 30 days"),
    ("agreement", "Agreement to sign"),
    ("plan_review", "Plan due for review"),
    ("authorization", "Authorisation low or expiring"),
    ("billing", "Meeting billing could not bill"),
]

# The board has few columns so that it fits a 1366 px screen: each kind of card goes in one.
COLUMNS = [
    ("contact", "Get in touch"),
    ("paper", "Sign or review"),
    ("units", "Units and billing"),
]
KIND_COLUMNS = {
    "no_contact": "contact",
    "agreement": "paper",
    "plan_review": "paper",
    "authorization": "units",
    "billing": "units",
}


class MentoringOverviewItem(models.Model):
    """The coordinator's home: one card for each thing that needs doing in their programmes.

    Read from the records themselves at every search (a query, not a copy), so it is never out
    of date and needs no scheduled job. Record rules limit it to the coordinator's programmes.

    One card per thing to do: a match has at most one card per kind, and a "No meeting for 30
    days" card that another card of the same match covers (`_no_contact_covered`) is left out,
    its fact shown on that card."""

    _name = "mentoring.overview.item"
    _description = "Mentoring: Needs Doing"
    _auto = False
    _order = "due_date, id"

    kind = fields.Selection(KINDS, readonly=True)
    board_column = fields.Selection(COLUMNS, "Column", readonly=True)
    program_id = fields.Many2one("mentoring.program", string="Programme", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    match_id = fields.Many2one("mentoring.match", readonly=True)
    res_model = fields.Char(readonly=True)
    res_id = fields.Integer(readonly=True)
    due_date = fields.Date("Since / due", readonly=True)
    detail = fields.Char(readonly=True)
    kind_rank = fields.Integer(readonly=True)
    fact = fields.Char(compute="_compute_fact", help="The fact that put the card on the board.")

    @api.model
    def _kind_columns(self):
        return dict(KIND_COLUMNS)

    @api.model
    def _no_contact_covered(self):
        """SQL condition on the match `m` under which another card of the same match covers its
        "No meeting for 30 days" card. A condition on the row itself, not a search of the other
        cards: the view then refers to its rows once, so PostgreSQL plans it as one query and
        applies the record rules inside it (issue 21)."""
        return SQL("FALSE")

    @api.model
    def _items_query(self):
        """The things to do, one row each: kind_rank, kind, program_id, company_id, match_id,
        res_model, res_id, due_date, detail (extensions append rows in this order)."""
        return SQL(
            """
                SELECT 1 AS kind_rank, 'no_contact' AS kind, m.program_id, m.company_id, m.id AS match_id,
                       'mentoring.match' AS res_model, m.id AS res_id,
                       COALESCE(m.last_meeting_date, m.date_start) AS due_date,
                       m.name AS detail
                  FROM mentoring_match m
                 WHERE m.active AND m.state IN %(ongoing)s
                   AND COALESCE(m.last_meeting_date, m.date_start) < CURRENT_DATE - %(no_contact)s
                   AND NOT (%(covered)s)
             UNION ALL
                SELECT 2, 'agreement', m.program_id, m.company_id, m.id,
                       'mentoring.match', m.id, m.date_start, m.name
                  FROM mentoring_match m
                 WHERE m.active AND m.state IN %(ongoing)s
                   AND m.has_signed_agreement IS NOT TRUE
             UNION ALL
                SELECT 3, 'plan_review', p.program_id, p.company_id, p.match_id,
                       'mentoring.plan', p.id, p.next_review_date, p.name
                  FROM mentoring_plan p
                  JOIN mentoring_match m ON m.id = p.match_id AND m.state IN %(ongoing)s
                 WHERE p.state = 'signed' AND p.next_review_date <= CURRENT_DATE + %(review)s
             UNION ALL
                SELECT 4, 'authorization', a.program_id, a.company_id, NULL,
                       'mentoring.authorization', a.id, a.date_to, a.name
                  FROM mentoring_authorization a
                 WHERE a.state IN ('approved', 'exhausted')
                   AND (a.usage_warned OR a.state = 'exhausted' OR a.date_to <= CURRENT_DATE + %(expiry)s)
             UNION ALL
                SELECT 5, 'billing', e.program_id, e.company_id, e.match_id,
                       'mentoring.encounter', e.id, e.date,
                       (SELECT m.name FROM mentoring_match m WHERE m.id = e.match_id) || ' – ' || e.name
                  FROM mentoring_encounter e
                 WHERE e.state = 'confirmed' AND e.needs_billing_attention AND e.match_id IS NOT NULL
            """,
            ongoing=SQL("('introduced', 'active')"),
            no_contact=NO_CONTACT_DAYS,
            covered=self._no_contact_covered(),
            review=REVIEW_SOON_DAYS,
            expiry=EXPIRY_SOON_DAYS,
        )

    @property
    def _table_query(self):
        columns = SQL(" ").join(
            SQL("WHEN %s THEN %s", kind, column) for kind, column in self._kind_columns().items()
        )
        return SQL(
            """
            SELECT items.res_id * 10 + items.kind_rank AS id, items.*,
                   CASE items.kind %(columns)s END AS board_column
              FROM (%(items)s) items
            """,
            items=self._items_query(),
            columns=columns,
        )

    # The facts are read with sudo: the card itself is already limited to the coordinator's
    # programmes by its record rules, and shows only dates and counts of the records behind it.
    @api.depends("kind", "res_id")
    @api.depends_context("uid", "lang")
    def _compute_fact(self):
        known = self._facts_known()
        for item in self:
            method = getattr(item, f"_fact_{item.kind}", None)
            item.fact = method(known) if method else False

    def _facts_known(self):
        """What the facts of these cards need, read once for all of them."""
        agreements = self.filtered(lambda item: item.kind == "agreement")
        drafts = (
            self.env["mentoring.agreement"]
            .sudo()
            .search([("match_id", "in", agreements.match_id.ids), ("state", "=", "draft")], order="version")
        )
        # The records behind the cards, read together (one query each, not one per card).
        authorizations = self.env["mentoring.authorization"].sudo().browse(self._res_ids("authorization"))
        encounters = self.env["mentoring.encounter"].sudo().browse(self._res_ids("billing"))
        return {
            "last_meetings": self._last_meeting_dates(),
            # The latest draft of each match (the search is by version, the last one wins).
            "drafts": {draft.match_id.id: draft for draft in drafts},
            "authorizations": {
                auth.id: (auth.units_remaining, auth.units_authorized, auth.date_to)
                for auth in authorizations
            },
            "billing_reasons": {encounter.id: encounter.not_billed_reason for encounter in encounters},
        }

    def _res_ids(self, kind):
        return [item.res_id for item in self if item.kind == kind]

    def _last_meeting_dates(self):
        # Stored on the match by confirming and cancelling meetings (mentoring_match_last_meeting).
        return {match.id: match.last_meeting_date for match in self.match_id.sudo()}

    def _days_ago(self, day):
        return (fields.Date.context_today(self) - day).days

    def _no_meeting_fact(self, known):
        """Days since the match's last meeting (or its start, when none was held)."""
        match = self.match_id.sudo()
        last = known["last_meetings"].get(match.id)
        if last:
            return self.env._(
                "%(days)s days since the last meeting (%(date)s)",
                days=self._days_ago(last),
                date=format_date(self.env, last),
            )
        if not match.date_start:
            return self.env._("No meeting yet")
        return self.env._(
            "No meeting in the %(days)s days since the start (%(date)s)",
            days=self._days_ago(match.date_start),
            date=format_date(self.env, match.date_start),
        )

    def _fact_no_contact(self, known):
        return self._no_meeting_fact(known)

    def _fact_agreement(self, known):
        draft = known["drafts"].get(self.match_id.id)
        if not draft:
            return self.env._("No agreement written yet: a new one is started when you open this card")
        missing = draft._missing_to_sign()
        if not missing:
            return self.env._("Version %(v)s is complete: sign it", v=draft.version)
        return self.env._(
            "Version %(v)s still needs %(missing)s", v=draft.version, missing=", ".join(missing)
        )

    def _fact_plan_review(self, known):
        day = self.due_date
        if day < fields.Date.context_today(self):
            return self.env._("Review overdue since %(date)s", date=format_date(self.env, day))
        return self.env._("Review due on %(date)s", date=format_date(self.env, day))

    def _fact_authorization(self, known):
        left, total, date_to = known["authorizations"][self.res_id]
        units = (
            self.env._("No unit left of %(total)s", total=f"{total:g}")
            if left <= 0
            else self.env._("%(left)s of %(total)s units left", left=f"{left:g}", total=f"{total:g}")
        )
        days, day = -self._days_ago(date_to), format_date(self.env, date_to)
        if days < 0:
            ends = self.env._("ended on %(date)s", date=day)
        elif days == 0:
            ends = self.env._("ends today, %(date)s", date=day)
        elif days == 1:
            ends = self.env._("ends tomorrow, %(date)s", date=day)
        else:
            ends = self.env._("ends on %(date)s, in %(days)s days", date=day, days=days)
        return self.env._("%(units)s · %(ends)s", units=units, ends=ends)

    def _fact_billing(self, known):
        reason = known["billing_reasons"].get(self.res_id)
        return reason or self.env._("Billing could not bill this meeting")

    @api.model
    def get_empty_list_help(self, help_message):
        """An empty board says why, and what to do next: either the user coordinates no
        programme (nothing can come here), or everything is up to date."""
        # The web client reads the action with sudo: ask as the user.
        Program = self.env["mentoring.program"].with_user(self.env.user)
        programs = Program.search([("user_is_coordinator", "in", [True])])
        if not programs:
            return self._help_html(
                "o_view_nocontent_empty_folder",
                self.env._("You coordinate no programme yet"),
                self.env._(
                    "Needs doing lists the work of the programmes you coordinate. Ask a programme "
                    "manager to add you to the coordinators of your programme."
                ),
                "peer_mentoring.mentoring_program_action",
                self.env._("See the programmes"),
            )
        names = ", ".join(programs.mapped("name"))
        return self._help_html(
            "o_view_nocontent_smiling_face",
            self.env._("Nothing needs doing in your programmes right now"),
            self.env._(
                "Every ongoing match of %(programs)s has a signed agreement, a meeting in the last "
                "%(days)s days and no check-in due; no plan review is near, no authorisation is "
                "running low or ending, and billing billed every meeting. Each of those shows "
                "here as a card when it comes. Next: find a mentor for the mentees waiting for one.",
                programs=names if len(programs) <= 3 else self.env._("your %s programmes", len(programs)),
                days=NO_CONTACT_DAYS,
            ),
            "peer_mentoring.mentoring_mentee_action",
            self.env._("Open the mentees"),
        )

    def _help_html(self, face, title, why, action_xmlid, link):
        return Markup('<p class="%s">%s</p><p>%s</p><p><a href="/odoo/action-%s">%s</a></p>') % (
            face,
            title,
            why,
            action_xmlid,
            link,
        )

    # Opening a card: the record where the work is done.
    def _draft_agreement(self, agreements):
        return agreements.search(
            [("match_id", "=", self.match_id.id), ("state", "=", "draft")], order="version desc", limit=1
        )

    def _open_agreement(self):
        """The agreement to sign: the latest draft, or a new one, made with the user's rights
        through the agreement's own create (its access rules and checks). A card opened twice at
        once (a double click) makes one draft: both requests write the match's row first, and
        the retried one finds the other's draft."""
        Agreement = self.env["mentoring.agreement"]
        serialise_on(self.match_id.sudo())
        agreement = self._draft_agreement(Agreement) or Agreement.create({"match_id": self.match_id.id})
        return self._form_action("mentoring.agreement", agreement.id)

    def _form_action(self, model, res_id):
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "res_id": res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_open(self):
        self.ensure_one()
        opener = getattr(self, f"_open_{self.kind}", None)
        if opener:
            return opener()
        return self._form_action(self.res_model, self.res_id)
