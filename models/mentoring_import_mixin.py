from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date


class MentoringImportMixin(models.AbstractModel):
    """What the addon adds to Odoo's importer (base_import) for an agency moving in.

    - The import screen offers the model's template (each model's `get_import_templates`).
    - A record made by an import says so in its chatter.
    - Import-only fields (`_import_fields`) carry what the agency already has: a status, the
      date it was reached, a paper agreement. They are not stored: `create` takes them out
      of the values and hands them to `_apply_import_values`, which checks who acts and then
      goes through the model's own guarded path (the same one the buttons take). They are
      refused on an existing record, so an import never moves a record on."""

    _name = "mentoring.import.mixin"
    _description = "Mentoring Import"
    _import_fields = frozenset()

    def _compute_import_fields(self):
        for record in self:
            for name in self._import_fields:
                record[name] = False

    def _inverse_import_fields(self):
        """Never reached: `create` takes the values out first, `write` refuses them."""

    @api.model
    def _import_template(self, file_name, label):
        """One template of static/xls/ as the import screen offers it."""
        return [{"label": label, "template": f"/peer_mentoring/static/xls/{file_name}"}]

    @api.model_create_multi
    def create(self, vals_list):
        # The importer sends the same values again, row by row, after a failed batch: they are
        # copied, not changed.
        vals_list = [dict(vals) for vals in vals_list]
        import_values = [
            {name: vals.pop(name) for name in self._import_fields & set(vals)} for vals in vals_list
        ]
        records = super().create(vals_list)
        for record, values in zip(records, import_values, strict=True):
            if any(values.values()):
                # Values as the fields hold them (the importer sends dates as text).
                values = {
                    name: record._fields[name].convert_to_cache(value, record)
                    for name, value in values.items()
                }
                record._apply_import_values(values)
        if self.env.context.get("import_file"):
            records._log_imported()
        return records

    def write(self, vals):
        sent = self._import_fields & set(vals)
        if sent and any(vals[name] for name in sent):
            labels = ", ".join(sorted(self._fields[name]._description_string(self.env) for name in sent))
            raise UserError(
                self.env._(
                    "%(fields)s can be given only when a %(model)s is imported as a new record. "
                    "To change an existing one, use the buttons on its form.",
                    fields=labels,
                    model=self._description,
                )
            )
        return super().write({name: value for name, value in vals.items() if name not in sent})

    def _convert_records(self, records, *, log=lambda a: None, savepoint):
        """What Odoo's importer only warns of, and goes on with, stops a moving-in file: above
        all a name that fits several records ("Found multiple matches"), where the importer
        would take the first, and with it perhaps another person's mentor or payer."""

        def strict_log(message):
            if message.get("type") == "warning":
                message = dict(
                    message,
                    type="error",
                    message=self.env._(
                        "%(problem)s Each name must fit one record: make the names distinct, or give "
                        "the record's database ID instead (column “%(column)s/Database ID”).",
                        problem=message.get("message", ""),
                        column=message.get("field_name") or self._column_label(message.get("field")),
                    ),
                )
            log(message)

        return super()._convert_records(records, log=strict_log, savepoint=savepoint)

    def _column_label(self, field_name):
        field = self._fields.get(field_name or "")
        return field._description_string(self.env) if field else field_name or ""

    def _apply_import_values(self, values):
        """Bring one newly made record to what the agency already has (`values`: the import-only
        fields sent). Each model checks who acts, then takes its own guarded path."""
        raise NotImplementedError

    def _check_not_imported_twice(self, domain, message):
        """A file imported twice would record a person twice (and book an authorisation twice):
        a record the new one would repeat stops the row. Later files name these records, so
        two of one name would stop them anyway."""
        if self.search_count(domain, limit=1):
            raise ValidationError(message)

    def _log_imported(self):
        body = self.env._(
            "Imported by %(user)s on %(date)s.",
            user=self.env.user.name,
            date=format_date(self.env, fields.Date.context_today(self)),
        )
        for record in self:
            record.sudo()._message_log(body=body)

    def _check_import_date(self, day, label):
        """A date of the past the agency records (a status reached, a paper signed)."""
        if day and day > fields.Date.context_today(self):
            raise ValidationError(
                self.env._(
                    "%(label)s %(day)s is in the future: give the day it happened.",
                    label=label,
                    day=format_date(self.env, day),
                )
            )
