from odoo import api, fields, models
from odoo.exceptions import UserError

# Fields the mail and activity machinery writes on any record, locked or not.
BOOKKEEPING_PREFIXES = ("message_", "activity_", "website_message")

# The addon's models that do not inherit the guard, and why they need none. Each is written
# only by managers (tests/test_guard_coverage.py checks the access rights say so); every other
# model of the addon, wizards included, inherits the guard. A new model joins the guard by
# adding "mentoring.guard.mixin" to its _inherit (and declaring its protected and scope fields),
# or is added here with its reason.
GUARD_ALLOW_LIST = {
    # Read-only queries over other records: nobody has write, create or delete rights on them.
    "mentoring.billing.entry": "a read-only view of confirmed meetings' billing facts",
    "mentoring.overview.item": "a read-only query of what needs doing, rebuilt at each search",
    "mentoring.mentee.waiting": "a read-only query of who waits for a mentor, rebuilt at each search",
    # Configuration: every user reads it, only managers change it, and it names nobody.
    "mentoring.billing.profile": "payers' billing rules, changed by accounting managers",
    "mentoring.certification.rule": "a certification board's numbers, changed by managers",
    "mentoring.evaluation.template": "a blank evaluation form, changed by managers",
    "mentoring.evaluation.question": "a question of a blank form, changed by managers",
    "mentoring.internship.activity": "the list of internship activities, changed by managers",
    "mentoring.knowledge.topic": "the knowledge survey's topics, changed by managers",
    "mentoring.glossary.term": "hard words in plain words for the Help page, changed by managers",
    # Bookkeeping of the scheduled jobs: administrators only, names nobody.
    "mentoring.job.checkpoint": "where a daily job's run stopped, for administrators only",
}


class MentoringGuardMixin(models.AbstractModel):
    """What any client may send to a mentoring record, whatever the screens show.

    - Protected fields (states, who approved, derived links, billing results) are written only
      by the model's own action methods, which check who acts and then write with sudo(). A
      client that writes them directly, over RPC or through a form, is refused.
    - Every link a client sets to another mentoring record must point to a record that client
      may read: otherwise reading one's own record would return the other record's name.
    - Scope fields (who the record is about, what it belongs to, the dates that decide what it
      counts) are set when the record is made. Afterwards a client changes them only while the
      record is in one of `_scope_open_states` (a draft nobody has acted on), and then must
      still be allowed to write the record after the change.
    - A record in one of `_locked_states` is kept as it is: a client neither changes it
      (beyond `_writable_when_locked`) nor deletes it. Write and delete ask the same
      `_locked_records()`, so a state cannot lock the one and leave the other open.

    Every model of the addon inherits this mixin or is on GUARD_ALLOW_LIST below (the suite
    fails on a model that is neither: tests/test_guard_coverage.py)."""

    _name = "mentoring.guard.mixin"
    _description = "Mentoring Write Guard"
    # Fields only the model's action methods write; add the model's own on each model.
    _protected_fields = frozenset()
    # Records that belong to programmes (`program_ids`: mentors, mentees): a client adds or
    # removes only the programmes its user coordinates, as the model's
    # `_check_may_change_programmes(added, removed)` says.
    _programme_membership = False
    # Fields that decide who may read the record or what it counts; see the class docstring.
    _scope_fields = frozenset()
    _scope_open_states = frozenset()
    # States in which the record is kept as it is (no client write, no delete).
    _locked_states = frozenset()
    _writable_when_locked = frozenset()

    # Forms read this to show a user only what they may change: the same access rights and
    # record rules that refuse a write decide it, so a form never offers what saving refuses.
    can_edit = fields.Boolean(compute="_compute_can_edit")

    @api.depends_context("uid")
    def _compute_can_edit(self):
        writable = self._origin._filtered_access("write")
        may_create = self.browse().has_access("create")
        for record in self:
            record.can_edit = record._origin in writable if record._origin else may_create

    def _protected_field_names(self):
        """Protected fields plus every field that is derived (related or computed without a way
        to type it in): their values come from elsewhere, never from a client."""
        derived = {
            name
            for name, field in self._fields.items()
            if field.related or (field.compute and field.readonly and not field.inverse)
        }
        return set(self._protected_fields) | derived

    def _check_protected_fields(self, vals_list, creating=False):
        if self.env.su:
            return
        protected = self._protected_field_names()
        for vals in vals_list:
            sent = protected & set(vals)
            if creating and sent:
                # A client may create a record in its first state, as the form's defaults do;
                # the defaults it sends in the context are client input, not defaults.
                defaults = self._server_defaults(list(sent))
                sent = {f for f in sent if vals[f] and vals[f] != defaults.get(f)}
            if sent:
                labels = ", ".join(sorted(self._fields[f]._description_string(self.env) for f in sent))
                raise UserError(
                    self.env._(
                        "%(fields)s of a %(model)s cannot be set directly: use the buttons on the "
                        "form (they check who may do what).",
                        fields=labels,
                        model=self._description,
                    )
                )

    def _server_defaults(self, field_names):
        context = {k: v for k, v in self.env.context.items() if not k.startswith("default_")}
        # The whole context is replaced on purpose: merging (`**context`) would keep the client's
        # default_ keys this drops.
        return self.with_context(context).default_get(field_names)  # pylint: disable=context-overridden

    def _check_relational_targets(self, vals_list):
        """Links to mentoring records point only to records the writer may read (one access
        check per linked model for the whole batch)."""
        if self.env.su:
            return
        linked = {}
        for vals in vals_list:
            for name, value in vals.items():
                field = self._fields.get(name)
                if not field or field.type not in ("many2one", "many2many", "one2many"):
                    continue
                if not field.comodel_name.startswith("mentoring."):
                    continue
                linked.setdefault(field.comodel_name, set()).update(self._relational_ids(field, value))
        for model, ids in linked.items():
            if ids:
                self.env[model].browse(ids).check_access("read")

    def _scope_changes(self, vals):
        """The records of `self` whose scope fields `vals` would change."""
        sent = self._scope_fields & set(vals)
        if not sent or self.env.su:
            return self.browse()
        changed = self.browse()
        for record in self.sudo():
            for name in sent:
                field = self._fields[name]
                if field.type in ("many2many", "one2many"):
                    new = self._ids_after_commands(record[name].ids, vals[name])
                    if new != set(record[name].ids):
                        changed |= record
                        break
                    continue
                new = field.convert_to_record(field.convert_to_cache(vals[name], record), record)
                if new != record[name]:
                    changed |= record
                    break
        return changed.sudo(False)

    def _check_scope_fields(self, vals):
        """Scope fields move only on records still open for it; returns those records, whose
        access is checked again after the write."""
        changed = self._scope_changes(vals)
        if not changed:
            return changed
        state = self._fields.get("state")
        fixed = changed.filtered(lambda r: not state or r.sudo().state not in self._scope_open_states)
        if fixed:
            labels = ", ".join(
                sorted(self._fields[f]._description_string(self.env) for f in self._scope_fields & set(vals))
            )
            raise UserError(
                self.env._(
                    "%(fields)s of a %(model)s stay as they were when it was made: they decide "
                    "who reads it and what it counts. Make a new one instead.",
                    fields=labels,
                    model=self._description,
                )
            )
        return changed

    def _locked_records(self):
        """The records of `self` kept as they are: no client changes or deletes them. By
        default those in `_locked_states`; a model whose lock depends on something else (its
        parent's state) overrides this."""
        if not self._locked_states:
            return self.browse()
        return self.filtered(lambda r: r.sudo().state in self._locked_states)

    def _locked_message(self, locked, deleting):
        names = ", ".join(locked.sudo().mapped("display_name"))
        if deleting:
            return self.env._("%(records)s is kept as a record: it cannot be deleted.", records=names)
        return self.env._("%(records)s is kept as it is: it can no longer be changed.", records=names)

    def _check_not_locked(self, vals=None):
        if self.env.su:
            return
        if vals is not None:
            changed = {f for f in vals if not f.startswith(BOOKKEEPING_PREFIXES)} - self._writable_when_locked
            if not changed:
                return
        locked = self._locked_records()
        if locked:
            raise UserError(self._locked_message(locked, deleting=vals is None))

    # Named to run after the models' own delete checks (Odoo runs them by name), whose words
    # are more precise.
    @api.ondelete(at_uninstall=False)
    def _unlink_unless_locked(self):
        self._check_not_locked()

    def _programmes_in_vals(self, vals, field_name="program_ids"):
        """The programmes a create would link, from the values or the defaults."""
        value = vals.get(field_name) or self.default_get([field_name]).get(field_name)
        ids = self._relational_ids(self._fields[field_name], value)
        return self.env["mentoring.program"].browse(ids)

    @staticmethod
    def _ids_after_commands(ids, commands):
        """The ids an x2many holds after `commands` (a row created counts as a change)."""
        ids = set(ids)
        for command in commands or ():
            if not isinstance(command, (list, tuple)):
                ids.add(command)
            elif command[0] == 0:  # create
                ids.add(None)
            elif command[0] in (2, 3):  # delete, unlink
                ids.discard(command[1])
            elif command[0] == 4:  # link
                ids.add(command[1])
            elif command[0] == 5:  # clear
                ids.clear()
            elif command[0] == 6:  # set
                ids = set(command[2] or ())
        return ids

    @staticmethod
    def _relational_ids(field, value):
        if field.type == "many2one":
            return [value] if value else []
        ids = []
        for command in value or ():
            if isinstance(command, (list, tuple)):
                if command[0] in (1, 4) and command[1]:  # update, link
                    ids.append(command[1])
                elif command[0] == 6:  # set
                    ids.extend(command[2] or ())
            elif isinstance(command, int):
                ids.append(command)
        return ids

    @api.model_create_multi
    def create(self, vals_list):
        self._check_protected_fields(vals_list, creating=True)
        self._check_relational_targets(vals_list)
        if self._programme_membership and not self.env.su:
            for vals in vals_list:
                self._check_may_change_programmes(added=self._programmes_in_vals(vals))
        return super().create(vals_list)

    def write(self, vals):
        self._check_protected_fields([vals])
        self._check_not_locked(vals)
        moved = self._check_scope_fields(vals)
        self._check_relational_targets([vals])
        track = self._programme_membership and "program_ids" in vals and not self.env.su
        before = {record: record.sudo().program_ids for record in self} if track else {}
        res = super().write(vals)
        if moved:
            # Moved within its scope: the writer must still be allowed to write it there.
            moved.check_access("write")
        for record, programs in before.items():
            now = record.sudo().program_ids
            record._check_may_change_programmes(added=now - programs, removed=programs - now)
        return res

    def _write_checked(self, vals):
        """For action methods: the acting user must be allowed to change these records (ACL
        and record rules); then the protected values are written with their name on it."""
        self.check_access("write")
        return self.sudo().write(vals)
