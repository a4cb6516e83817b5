from odoo import api, fields, models
from odoo.exceptions import UserError


class MentoringGuardMixin(models.AbstractModel):
    """What any client may send to a mentoring record, whatever the screens show.

    - Protected fields (states, who approved, derived links, billing results) are written only
      by the model's own action methods, which check who acts and then write with sudo(). A
      client that writes them directly, over RPC or through a form, is refused.
    - Every link a client sets to another mentoring record must point to a record that client
      may read: otherwise reading one's own record would return the other record's name."""

    _name = "mentoring.guard.mixin"
    _description = "Mentoring Write Guard"
    # Fields only the model's action methods write; add the model's own on each model.
    _protected_fields = frozenset()
    # Records that belong to programmes (`program_ids`: mentors, mentees): a client adds or
    # removes only the programmes its user coordinates, as the model's
    # `_check_may_change_programmes(added, removed)` says.
    _programme_membership = False

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
                # A client may create a record in its first state, as the form's defaults do.
                defaults = self.default_get(list(sent))
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

    def _check_relational_targets(self, vals_list):
        """Links to mentoring records point only to records the writer may read."""
        if self.env.su:
            return
        for vals in vals_list:
            for name, value in vals.items():
                field = self._fields.get(name)
                if not field or field.type not in ("many2one", "many2many", "one2many"):
                    continue
                if not field.comodel_name.startswith("mentoring."):
                    continue
                ids = self._relational_ids(field, value)
                if ids:
                    self.env[field.comodel_name].browse(ids).check_access("read")

    def _programmes_in_vals(self, vals, field_name="program_ids"):
        """The programmes a create would link, from the values or the defaults."""
        value = vals.get(field_name) or self.default_get([field_name]).get(field_name)
        ids = self._relational_ids(self._fields[field_name], value)
        return self.env["mentoring.program"].browse(ids)

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
        self._check_relational_targets([vals])
        track = self._programme_membership and "program_ids" in vals and not self.env.su
        before = {record: record.sudo().program_ids for record in self} if track else {}
        res = super().write(vals)
        for record, programs in before.items():
            now = record.sudo().program_ids
            record._check_may_change_programmes(added=now - programs, removed=programs - now)
        return res

    def _write_checked(self, vals):
        """For action methods: the acting user must be allowed to change these records (ACL
        and record rules); then the protected values are written with their name on it."""
        self.check_access("write")
        return self.sudo().write(vals)
