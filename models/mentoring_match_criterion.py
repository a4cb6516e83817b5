import numpy as np

from odoo import api, fields, models
from odoo.tools import SQL

CRITERIA = [
    ("language", "Language"),
    ("gender", "Gender preference"),
    ("interests", "Shared interests"),
    ("experience", "Fostering type and experience"),
    ("area", "Area (close enough to meet)"),
    ("availability", "Hours per month"),
    ("communication", "Preferred communication"),
    ("strengths", "Knowledge strengths vs needs"),
]
# (code, weight, must) a new programme starts with, by programme type (seeds 000, 001, 002).
DEFAULT_CRITERIA = {
    "person": [
        ("language", 3, False),
        ("gender", 2, False),
        ("interests", 3, False),
        ("experience", 3, False),
        ("area", 2, False),
        ("availability", 1, False),
        ("communication", 1, False),
    ],
    "organization": [
        ("language", 1, False),
        ("interests", 2, False),
        ("experience", 2, False),
        ("area", 1, False),
        ("availability", 3, False),
        ("communication", 2, False),
        ("strengths", 4, False),
    ],
}


def many2many_ids(records, field_name):
    """{record id: [tag ids]} of a many2many field, read in one query from its relation table
    (reading 500 records' tags through the ORM costs more than the whole scoring)."""
    field = records._fields[field_name]
    records.flush_model([field_name])
    records.env.cr.execute(
        SQL(
            "SELECT %s, %s FROM %s WHERE %s = ANY(%s)",
            SQL.identifier(field.column1),
            SQL.identifier(field.column2),
            SQL.identifier(field.relation),
            SQL.identifier(field.column1),
            list(records.ids),
        )
    )
    tags = {record_id: [] for record_id in records.ids}
    for record_id, tag_id in records.env.cr.fetchall():
        tags[record_id].append(tag_id)
    return tags


# While the engine evaluates a pool, the plain columns of its mentees and mentors are read once.
COLUMNS_MEMO = "peer_mentoring.matching_columns"
PLAIN_COLUMNS = ("varchar", "int4", "float8", "numeric", "bool", "date", "timestamp")


def _read_columns(records, field_names):
    records.flush_model(field_names)
    records.env.cr.execute(
        SQL(
            "SELECT id, %s FROM %s WHERE id = ANY(%s)",
            SQL(", ").join(SQL.identifier(name) for name in field_names),
            SQL.identifier(records._table),
            list(records.ids),
        )
    )
    rows = {row[0]: row[1:] for row in records.env.cr.fetchall()}
    return {
        name: [rows[record_id][i] if record_id in rows else None for record_id in records.ids]
        for i, name in enumerate(field_names)
    }


def stored_values(records, field_name):
    """A stored column's values for `records`, in their order, from the database (the ORM's
    record-by-record getter is the slowest part of scoring hundreds of mentors). During an
    evaluation, every plain column of the records is read in one query, once."""
    memo = records.env.cr.cache.get(COLUMNS_MEMO)
    if memo is None:
        return _read_columns(records, [field_name])[field_name]
    key = (records._name, records._ids)
    if key not in memo:
        names = [
            name
            for name, field in records._fields.items()
            if field.store
            and field.column_type
            and field.column_type[0] in PLAIN_COLUMNS
            and not field.translate
        ]
        memo[key] = _read_columns(records, names)
    if field_name not in memo[key]:
        memo[key].update(_read_columns(records, [field_name]))
    return memo[key][field_name]


def _incidence(records, tags, index):
    """A 0/1 matrix (records × index) of which of the indexed tags each record has."""
    matrix = np.zeros((len(records), len(index)))
    for row, record_id in enumerate(records.ids):
        for tag_id in tags[record_id]:
            if tag_id in index:  # the mentor's other tags do not count
                matrix[row, index[tag_id]] = 1.0
    return matrix


class MentoringMatchCriterion(models.Model):
    """One thing a programme weighs when it matches a mentee with a mentor.

    Pluggable: a module adds a code with `code = fields.Selection(selection_add=[...],
    ondelete={...})` and a method `_score_<code>(mentees, mentors)` that returns, for every
    (mentee, mentor) pair, how well the pair meets the criterion: a float array of shape
    (len(mentees), len(mentors)) from 0 (not met) to 1 (fully met), NaN where it does not apply
    (the mentee stated nothing). It may read data in batches only: one call scores a whole pool.
    An optional `_explain_<code>(mentee, mentor)` says in a few words why, for one pair.
    A criterion's points are weight × fraction; a must excludes the mentors who do not meet it
    at all (fraction 0)."""

    _name = "mentoring.match.criterion"
    _description = "Matching Criterion"
    _inherit = ["mentoring.guard.mixin"]
    _order = "program_id, sequence, id"
    _scope_fields = frozenset({"program_id"})

    program_id = fields.Many2one("mentoring.program", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="program_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    code = fields.Selection(CRITERIA, string="Criterion", required=True)
    weight = fields.Float(default=1.0, digits=(16, 1), help="Points a mentor gets who fully meets it.")
    is_must = fields.Boolean("Must", help="Mentors who do not meet it at all are not proposed.")
    active = fields.Boolean(default=True)

    _code_program_uniq = models.Constraint(
        "UNIQUE(program_id, code)", "Each criterion can be set only once per programme."
    )
    _weight_not_negative = models.Constraint("CHECK(weight >= 0)", "A criterion's weight cannot be negative.")

    @api.depends("code")
    def _compute_display_name(self):
        labels = dict(self._fields["code"]._description_selection(self.env))
        for criterion in self:
            criterion.display_name = labels.get(criterion.code, "")

    @api.model_create_multi
    def create(self, vals_list):
        criteria = super().create(vals_list)
        for program in criteria.program_id:
            added = criteria.filtered(lambda c, p=program: c.program_id == p)
            program.sudo()._message_log(
                body=self.env._(
                    "Matching criteria added: %(criteria)s.",
                    criteria=", ".join(f"{c.display_name} ({c._summary()})" for c in added),
                )
            )
        return criteria

    def write(self, vals):
        before = {c: c._summary() for c in self}
        res = super().write(vals)
        for criterion, summary in before.items():
            if criterion._summary() != summary:
                criterion._log_change(self.env._("was %(before)s", before=summary))
        return res

    def unlink(self):
        for criterion in self:
            criterion._log_change(self.env._("removed"))
        return super().unlink()

    def _summary(self):
        self.ensure_one()
        state = self.env._("must") if self.is_must else self.env._("weight %(w)s", w=self.weight)
        return state if self.active else self.env._("off")

    def _log_change(self, what):
        """Criteria are edited on the programme form: its chatter keeps who changed what."""
        self.program_id.sudo()._message_log(
            body=self.env._(
                "Matching criterion %(criterion)s: %(summary)s (%(what)s).",
                criterion=self.display_name,
                summary=self._summary(),
                what=what,
            )
        )

    # Scoring: each returns fractions (mentees × mentors), NaN where the mentee stated nothing.

    def _score(self, mentees, mentors):
        self.ensure_one()
        result = np.asarray(getattr(self, f"_score_{self.code}")(mentees, mentors), dtype=float)
        return result.reshape(len(mentees), len(mentors))

    def _shared_tags(self, mentees, mentors, field_name, share=True):
        """Share of the mentee's tags the mentor has (or 1 when any is shared, `share=False`)."""
        wanted_tags = many2many_ids(mentees, field_name)
        index = {tag_id: i for i, tag_id in enumerate({t for tags in wanted_tags.values() for t in tags})}
        wanted = _incidence(mentees, wanted_tags, index)
        offered = _incidence(mentors, many2many_ids(mentors, field_name), index)
        shared = wanted @ offered.T
        counts = wanted.sum(axis=1)[:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            fraction = shared / counts if share else (shared > 0).astype(float)
        fraction[(counts == 0).ravel()] = np.nan
        return fraction

    @staticmethod
    def _same_value(wanted, offered, not_stated=(False, None, "", "none")):
        """1 where the mentor's value equals the mentee's, NaN where the mentee stated none."""
        wanted = np.array([w if w not in not_stated else "" for w in wanted], dtype=object)
        offered = np.array([o or None for o in offered], dtype=object)
        fraction = (wanted[:, None] == offered[None, :]).astype(float)
        fraction[wanted == ""] = np.nan
        return fraction

    def _score_language(self, mentees, mentors):
        return self._shared_tags(mentees, mentors, "language_ids", share=False)

    def _score_interests(self, mentees, mentors):
        return self._shared_tags(mentees, mentors, "interest_ids")

    def _score_experience(self, mentees, mentors):
        return self._shared_tags(mentees, mentors, "experience_ids")

    def _score_gender(self, mentees, mentors):
        return self._same_value(
            stored_values(mentees, "mentor_gender_preference"), stored_values(mentors, "gender")
        )

    def _score_area(self, mentees, mentors):
        normal = lambda area: (area or "").strip().casefold()  # noqa: E731
        return self._same_value(
            [normal(a) for a in stored_values(mentees, "area")],
            [normal(a) for a in stored_values(mentors, "area")],
        )

    def _score_communication(self, mentees, mentors):
        return self._same_value(
            stored_values(mentees, "preferred_communication"),
            stored_values(mentors, "preferred_communication"),
        )

    def _score_availability(self, mentees, mentors):
        wanted = np.array([float(h or 0) for h in stored_values(mentees, "hours_per_month")])
        offered = np.array([float(h or 0) for h in stored_values(mentors, "hours_per_month")])
        fraction = (offered[None, :] >= wanted[:, None]).astype(float)
        fraction[wanted <= 0] = np.nan
        return fraction

    # Explanations, for one pair on the screen.

    def _explain(self, mentee, mentor, fraction):
        self.ensure_one()
        if np.isnan(fraction):
            return self.env._("not stated for this mentee")
        explain = getattr(self, f"_explain_{self.code}", None)
        return explain(mentee, mentor) if explain else self.env._("%(p)s%% met", p=round(fraction * 100))

    def _explain_tags(self, mentee, mentor, field_name):
        wanted = mentee[field_name]
        shared = wanted & mentor[field_name]
        if not shared:
            return self.env._("none in common")
        return self.env._(
            "%(n)s of %(total)s in common: %(names)s",
            n=len(shared),
            total=len(wanted),
            names=", ".join(shared.mapped("name")),
        )

    def _explain_language(self, mentee, mentor):
        shared = mentee.language_ids & mentor.language_ids
        if not shared:
            return self.env._("no language in common")
        return self.env._("both speak %(names)s", names=", ".join(shared.mapped("name")))

    def _explain_interests(self, mentee, mentor):
        return self._explain_tags(mentee, mentor, "interest_ids")

    def _explain_experience(self, mentee, mentor):
        return self._explain_tags(mentee, mentor, "experience_ids")

    def _selection_label(self, record, field_name):
        value = record[field_name]
        return dict(record._fields[field_name]._description_selection(self.env)).get(value) or self.env._(
            "not stated"
        )

    def _explain_gender(self, mentee, mentor):
        return self.env._(
            "prefers %(wanted)s; mentor: %(offered)s",
            wanted=self._selection_label(mentee, "mentor_gender_preference").lower(),
            offered=self._selection_label(mentor, "gender").lower(),
        )

    def _explain_area(self, mentee, mentor):
        return self.env._("%(wanted)s; mentor: %(offered)s", wanted=mentee.area, offered=mentor.area or "-")

    def _explain_communication(self, mentee, mentor):
        return self.env._(
            "prefers %(wanted)s; mentor: %(offered)s",
            wanted=self._selection_label(mentee, "preferred_communication").lower(),
            offered=self._selection_label(mentor, "preferred_communication").lower(),
        )

    def _explain_availability(self, mentee, mentor):
        return self.env._(
            "wants %(wanted)s h a month; mentor offers %(offered)s",
            wanted=f"{mentee.hours_per_month:g}",
            offered=f"{mentor.hours_per_month:g}",
        )
