from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from ..tools.serialise import serialise_on
from .mentoring_mentor import ONGOING_MATCH_STATES

CLOSURE_REASONS = [
    ("planned_end", "Planned end"),
    ("goals_met", "Goals met"),
    ("no_fault_opt_out", "No-fault opt-out"),
    ("conflict", "Conflict"),
    ("mentor_unavailable", "Mentor unavailable"),
    ("allegation", "Allegation"),
    ("other", "Other"),
]

# Kanban columns shown folded: relationships that have ended.
FOLDED_STATES = ("closed", "cancelled")
# The button that moves a match into each status (closing asks for a reason: its own wizard).
STATE_ACTIONS = {
    "draft": "action_reset_to_draft",
    "introduced": "action_introduce",
    "active": "action_activate",
    "on_hold": "action_hold",
    "cancelled": "action_cancel",
}


class MentoringMatch(models.Model):
    _name = "mentoring.match"
    _description = "Mentoring Match"
    # New is offered only where the user has something to pick here (mentoring.new.offer.mixin).
    _new_record_needs = ("program_id", "mentor_id", "mentee_id")
    _inherit = [
        "mentoring.guard.mixin",
        "mentoring.thread.mixin",
        "mail.activity.mixin",
        "mentoring.new.offer.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _protected_fields = frozenset(
        {
            "state",
            "closure_reason",
            "closure_note",
            "date_closed",
            "agreement_ids",
            "plan_ids",
            "goal_ids",
            "encounter_ids",
        }
    )
    # Who the relationship is between: fixed once the mentor and mentee have been introduced,
    # since every record of the match goes with it.
    _parties = frozenset({"mentor_id", "mentee_id", "program_id"})
    _scope_fields = _parties | {"company_id"}
    _scope_open_states = frozenset({"draft"})

    name = fields.Char(compute="_compute_name", store=True)
    # Drop-downs offer the programme's mentors who can mentor now, and its mentees.
    mentor_id = fields.Many2one(
        "mentoring.mentor",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('state', 'in', ('intern', 'certified'))]"
        " + (program_id and [('program_ids', 'in', program_id)] or [])",
    )
    mentee_id = fields.Many2one(
        "mentoring.mentee",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="program_id and [('program_ids', 'in', program_id)] or []",
    )
    program_id = fields.Many2one(
        "mentoring.program",
        string="Programme",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain=[("user_is_coordinator", "=", True)],
    )
    # The user's company until a programme is chosen, so that the drop-downs (which keep to the
    # match's company) offer something; the programme's check_company keeps the two equal.
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    coordinator_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    supervisor_id = fields.Many2one(
        "hr.employee",
        compute="_compute_supervisor_id",
        store=True,
        readonly=False,
        check_company=True,
        tracking=True,
    )
    date_start = fields.Date("Planned start", default=fields.Date.context_today, tracking=True)
    date_end = fields.Date(
        "Planned end", compute="_compute_date_end", store=True, readonly=False, tracking=True
    )
    state = fields.Selection(
        [
            ("draft", "Proposed"),
            ("introduced", "Introduced"),
            ("active", "Active"),
            ("on_hold", "On hold"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        group_expand="_expand_states",
    )
    closure_reason = fields.Selection(CLOSURE_REASONS, tracking=True)
    closure_note = fields.Text(groups="peer_mentoring.group_mentor")
    date_closed = fields.Date(readonly=True, copy=False)
    capacity_override_reason = fields.Text(
        tracking=True,
        groups="peer_mentoring.group_mentor",
        help="Why this mentor takes more mentees than their capacity. Only a coordinator can record it.",
    )
    agreement_ids = fields.One2many("mentoring.agreement", "match_id", string="Agreements")
    plan_ids = fields.One2many("mentoring.plan", "match_id", string="Individual plans")
    goal_ids = fields.One2many("mentoring.goal", "match_id", string="Goals")
    encounter_ids = fields.One2many("mentoring.encounter", "match_id", string="Encounters")
    # Stored for *Needs doing* (its "Agreement to sign" cards read a column, not every signed
    # agreement): kept by the ORM whenever an agreement is created, signed, superseded or moved.
    has_signed_agreement = fields.Boolean(compute="_compute_has_signed_agreement", store=True)
    encounter_count = fields.Integer(compute="_compute_counts")
    agreement_count = fields.Integer(compute="_compute_counts")
    plan_count = fields.Integer(compute="_compute_counts")
    color = fields.Integer()
    active = fields.Boolean(default=True, tracking=True)
    # Agreement, plan and meeting forms offer the matches a user may add records to.
    user_may_add_records = fields.Boolean(
        compute="_compute_user_may_add_records", search="_search_user_may_add_records"
    )

    _dates_ordered = models.Constraint(
        "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
        "The planned end of a match must be on or after its planned start.",
    )

    @api.depends("mentor_id.name", "mentee_id.name")
    def _compute_name(self):
        for match in self:
            if match.mentor_id and match.mentee_id:
                match.name = f"{match.mentor_id.name} & {match.mentee_id.name}"
            else:
                match.name = self.env._("New match")

    def _expand_states(self, states, domain):
        """Kanban columns: every status the search allows, with matches or not. A filter on the
        status (e.g. Open) leaves out the columns it excludes instead of showing them empty."""
        state_domain = Domain(domain).map_conditions(
            lambda condition: condition if condition.field_expr == "state" else Domain.TRUE
        )
        return [
            value
            for value, _label in self._fields["state"].selection
            if value in states or self.new({"state": value}).filtered_domain(state_domain)
        ]

    def _web_read_group_format(self, groupby, aggregates, groups):
        # A selection has no "folded" flag of its own, as stages do: ended matches are folded.
        result = super()._web_read_group_format(groupby, aggregates, groups)
        if groupby and groupby[0] == "state":
            for group in result:
                if group["state"] in FOLDED_STATES:
                    group["__fold"] = True
        return result

    @api.depends_context("uid")
    def _compute_user_may_add_records(self):
        allowed = self.filtered_domain(self._user_may_add_records_domain())
        for match in self:
            match.user_may_add_records = match in allowed

    def _search_user_may_add_records(self, operator, value):
        if operator != "in":
            return NotImplemented
        return self._user_may_add_records_domain()

    def _user_may_add_records_domain(self):
        """Who may add agreements, plans and meetings (as the record rules and the closed-match
        check let them): the match's mentor while it is ongoing, a coordinator of its programme,
        a programme manager; not a supervisor."""
        own = Domain("mentor_id.user_id", "=", self.env.uid) & Domain("state", "in", ONGOING_MATCH_STATES)
        return own | Domain("program_id.user_is_coordinator", "=", True)

    @api.depends("mentor_id.supervisor_id")
    def _compute_supervisor_id(self):
        for match in self:
            match.supervisor_id = match.mentor_id.supervisor_id

    @api.depends("date_start", "program_id.duration_months")
    def _compute_date_end(self):
        for match in self:
            months = match.program_id.duration_months
            if match.date_start and months and not match.date_end:
                match.date_end = match.date_start + relativedelta(months=months)

    @api.depends("agreement_ids.state")
    def _compute_has_signed_agreement(self):
        signed = self._signed_agreement_match_ids()
        for match in self:
            match.has_signed_agreement = match.id in signed

    @api.depends("encounter_ids", "agreement_ids", "plan_ids")
    def _compute_counts(self):
        for field, model in (
            ("encounter_count", "mentoring.encounter"),
            ("agreement_count", "mentoring.agreement"),
            ("plan_count", "mentoring.plan"),
        ):
            counts = dict(
                self.env[model]._read_group([("match_id", "in", self.ids)], ["match_id"], ["__count"])
            )
            for match in self:
                match[field] = counts.get(match, 0)

    def _signed_agreement_match_ids(self):
        groups = (
            self.env["mentoring.agreement"]
            .sudo()
            ._read_group([("match_id", "in", self.ids), ("state", "=", "signed")], ["match_id"])
        )
        return {match.id for (match,) in groups}

    @api.constrains("mentor_id", "mentee_id", "program_id")
    def _check_programme_membership(self):
        for match in self:
            if match.program_id not in match.mentor_id.program_ids:
                raise ValidationError(
                    self.env._(
                        "%(mentor)s is not a mentor of the programme %(program)s. Add the "
                        "programme to the mentor's profile first.",
                        mentor=match.mentor_id.name,
                        program=match.program_id.name,
                    )
                )
            if match.mentee_id.program_ids and match.program_id not in match.mentee_id.program_ids:
                raise ValidationError(
                    self.env._(
                        "%(mentee)s is not enrolled in the programme %(program)s.",
                        mentee=match.mentee_id.name,
                        program=match.program_id.name,
                    )
                )

    @api.constrains("state", "mentor_id", "capacity_override_reason")
    def _check_mentor_capacity(self):
        """Capacity holds whoever writes (the system too): asked as the hard rules ask it."""
        ongoing = self.filtered(lambda m: m.state in ONGOING_MATCH_STATES and not m.capacity_override_reason)
        if not ongoing:
            return
        # Two coordinators introducing matches of one mentor at the same moment each count in
        # their own snapshot, where the other's match is not ongoing yet. Both write the
        # mentor's row first: PostgreSQL refuses the second (serialization failure), and Odoo's
        # retry of that request counts the first one's match.
        serialise_on(ongoing.sudo().mentor_id)
        ongoing._raise_hard_rule_problems("start", rules={"no_free_place"})

    @api.onchange("mentor_id")
    def _onchange_mentor_id_warn_capacity(self):
        """Say so while proposing: the capacity itself is enforced when the match is introduced."""
        mentor = self.mentor_id
        if not mentor or self.capacity_override_reason:
            return None
        proposals = self.sudo().search_count(
            [("mentor_id", "=", mentor.id), ("state", "=", "draft"), ("id", "!=", self._origin.id)]
        )
        ongoing = mentor.sudo().ongoing_match_count
        if ongoing + proposals < mentor.capacity:
            return None
        return {
            "warning": {
                "title": self.env._("%(mentor)s has no free place", mentor=mentor.name),
                "message": self.env._(
                    "%(mentor)s supports %(ongoing)s mentee(s) and has %(proposals)s other "
                    "proposal(s); their capacity is %(capacity)s. You can propose this match, but "
                    "it can be introduced only if a place frees up or a coordinator records a "
                    "capacity override reason.",
                    mentor=mentor.name,
                    ongoing=ongoing,
                    proposals=proposals,
                    capacity=mentor.capacity,
                ),
            }
        }

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            action = self.env._("record a capacity override reason")
            for vals in vals_list:
                if vals.get("capacity_override_reason"):
                    self._check_is_coordinator(action)
                    mentor = self.env["mentoring.mentor"].sudo().browse(vals.get("mentor_id"))
                    program = self.env["mentoring.program"].browse(vals.get("program_id"))
                    program._check_user_acts_for(action, mentor.user_id)
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and not self.env.su:
            # A card dropped in another column of the kanban writes `state`: it runs the same
            # button, with the same checks, as the form.
            vals = dict(vals)
            state = vals.pop("state")
            res = self.write(vals) if vals else True
            self._move_to(state)
            return res
        if "capacity_override_reason" in vals:
            self._check_acts_for(self.env._("record a capacity override reason"))
        if not self.env.su:
            self._check_editable()
            if self._parties & set(vals) and any(match.state != "draft" for match in self):
                raise UserError(
                    self.env._(
                        "The mentor, mentee and programme of a match are fixed once they have been "
                        "introduced. Close or cancel this match and propose a new one."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_proposals(self):
        started = self.filtered(lambda m: m.state not in ("draft", "cancelled"))
        if started:
            raise UserError(
                self.env._(
                    "%(matches)s has started and cannot be deleted. Close or cancel it, or "
                    "archive it, so that its history is kept.",
                    matches=", ".join(started.mapped("display_name")),
                )
            )

    def _is_coordinator(self):
        return self.env.su or self.env.user.has_group("peer_mentoring.group_coordinator")

    def _check_is_coordinator(self, action):
        if not self._is_coordinator():
            raise UserError(self.env._("Only a programme coordinator can %(action)s.", action=action))

    def _user_acts_for_match(self):
        """The current user coordinates this match's programme and is not its mentor."""
        self.ensure_one()
        match = self.sudo()
        return match.program_id._user_acts_for(match.mentor_id.user_id)

    def _check_acts_for(self, action):
        """Decisions on a match are for a coordinator of its programme who is not its mentor
        (a coordinator elsewhere who mentors here decides nothing about their own match)."""
        if self.env.su:
            return
        self._check_is_coordinator(action)
        for match in self.sudo():
            match.program_id._check_user_acts_for(action, match.mentor_id.user_id)

    def _check_editable(self):
        """A closed relationship is part of the record: only a coordinator of its programme who
        is not its mentor changes it."""
        if self.env.su:
            return
        closed = self.filtered(lambda m: m.state == "closed")
        if closed and not all(match._user_acts_for_match() for match in closed):
            raise UserError(
                self.env._(
                    "This match is closed, so its records are read-only. Ask the programme "
                    "coordinator if something needs correcting."
                )
            )

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda m: m.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "You cannot %(action)s %(matches)s in its current status.",
                    action=action,
                    matches=", ".join(wrong.mapped("display_name")),
                )
            )

    def _set_state(self, vals):
        """Every change of status goes through here: only a coordinator who may change these
        matches moves them on."""
        self._check_acts_for(self.env._("change the status of a match"))
        self._check_editable()
        self._write_checked(vals)
        self._prune_relationship_followers()

    def _prune_relationship_followers(self):
        """Whoever lost access with this change (a mentor whose proposal was cancelled, whose
        match closed) stops following the match, the person and the match's records."""
        matches = self.sudo()
        for records in (
            matches,
            matches.mentee_id,
            matches.agreement_ids,
            matches.plan_ids,
            matches.encounter_ids,
        ):
            records._prune_followers()

    def _move_to(self, state):
        for match in self.filtered(lambda m: m.state != state):
            if state == "closed":
                raise UserError(
                    self.env._(
                        "%(match)s cannot be set directly to Closed: use its Close button, which "
                        "asks why the match ends.",
                        match=match.display_name,
                    )
                )
            if state not in STATE_ACTIONS:
                raise UserError(self.env._("A match cannot move to that status."))
            getattr(match, STATE_ACTIONS[state])()

    def action_introduce(self):
        self._check_state(("draft",), self.env._("introduce"))
        self._set_state({"state": "introduced"})

    def action_activate(self):
        self._check_state(("draft", "introduced", "on_hold"), self.env._("activate"))
        unsigned = self.filtered(lambda m: not m.has_signed_agreement)
        if unsigned:
            raise UserError(
                self.env._(
                    "%(matches)s has no signed agreement yet. Have the mentor and mentee sign "
                    "the mentoring agreement first.",
                    matches=", ".join(unsigned.mapped("display_name")),
                )
            )
        self._set_state({"state": "active"})

    def action_hold(self):
        self._check_state(("introduced", "active"), self.env._("put on hold"))
        self._set_state({"state": "on_hold"})

    def _hold(self, reason):
        """Put on hold for a reason decided elsewhere (a suspended mentor): the caller has
        checked who acts."""
        self.sudo().write({"state": "on_hold"})
        for match in self:
            match.sudo().message_post(body=self.env._("Put on hold: %(reason)s.", reason=reason))
        self._prune_relationship_followers()

    def action_open_close_wizard(self):
        self._check_state(("introduced", "active", "on_hold"), self.env._("close"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Close match"),
            "res_model": "mentoring.match.close",
            "view_mode": "form",
            "target": "new",
            "context": {"default_match_ids": self.ids},
        }

    def _close(self, reason, note):
        self._check_state(("introduced", "active", "on_hold"), self.env._("close"))
        if not reason:
            raise UserError(self.env._("Choose why the match ends before closing it."))
        if reason == "other" and not (note or "").strip():
            raise UserError(self.env._("Explain in the closure note why the match ends."))
        self._check_acts_for(self.env._("close a match"))
        self._write_checked(
            {
                "state": "closed",
                "closure_reason": reason,
                "closure_note": note,
                "date_closed": fields.Date.context_today(self),
            }
        )
        self._prune_relationship_followers()

    def action_cancel(self):
        self._check_state(("draft", "introduced"), self.env._("cancel"))
        self._set_state({"state": "cancelled"})

    def action_reset_to_draft(self):
        self._check_state(("cancelled",), self.env._("reopen"))
        self._set_state({"state": "draft"})

    def _action_open_related(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("match_id", "=", self.id)]
        action["context"] = {"default_match_id": self.id}
        return action

    def action_view_encounters(self):
        return self._action_open_related("peer_mentoring.mentoring_encounter_action")

    def action_view_agreements(self):
        return self._action_open_related("peer_mentoring.mentoring_agreement_action")

    def action_view_plans(self):
        return self._action_open_related("peer_mentoring.mentoring_plan_action")

    @api.model
    def _new_record_unavailable_help(self):
        return self.env._(
            "A match needs a programme you coordinate, with a mentee and a certified or intern "
            "mentor in it. Add the programme's mentees and mentors first (People menu), then match "
            "them here."
        )
