from odoo import models


class MentoringGuardMixin(models.AbstractModel):
    """What any client reads of a mentoring record: lists of linked records (one2many,
    many2many) name only records the reader may read.

    Odoo reads an x2many with the reader's record rules, but keeps one cache per transaction
    for every user and for sudo: whatever filled it first wins. Checking a record rule that
    walks a list (the mentee's rules go through `match_ids`) evaluates it with sudo, and so do
    the addon's own checks and computes. Reading `match_ids` of a mentee on its own then
    returned every match of the person, the other mentors' proposals and the other programmes'
    matches included. The ids of mentoring records sent back are filtered here with the
    reader's rights: one check per list field and batch of records, never per record."""

    _inherit = "mentoring.guard.mixin"

    def _mentoring_lists(self):
        return [
            field
            for field in self._fields.values()
            if field.type in ("one2many", "many2many") and field.comodel_name.startswith("mentoring.")
        ]

    def _check_access(self, operation):
        """Odoo checks record rules on records with sudo (`filtered_domain`): a rule that walks
        a list fills that list's cache with every record. Lists not in cache before the check
        are dropped from it after, so that the user's own read fills them with the user's
        rights (and an export or a compute after the check sees no more than the user)."""
        if self.env.su or not self._ids or not all(isinstance(id_, int) for id_ in self._ids):
            return super()._check_access(operation)
        missing = [(field, list(field._cache_missing_ids(self))) for field in self._mentoring_lists()]
        result = super()._check_access(operation)
        for field, ids in missing:
            if ids:
                # Not in cache before the check, so not a pending change: nothing is lost.
                self.browse(ids).invalidate_recordset([field.name], flush=False)
        return result

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load)
        if self.env.su or not result:
            return result
        lists = set(self._mentoring_lists())
        for name in fnames:
            field = self._fields[name]
            if field not in lists:
                continue
            ids = {id_ for vals in result for id_ in vals.get(name) or () if isinstance(id_, int)}
            if not ids:
                continue
            comodel = self.env[field.comodel_name].with_context(active_test=False)
            readable = set(comodel.browse(ids)._filtered_access("read")._ids)
            if readable == ids:
                continue
            for vals in result:
                if vals.get(name):
                    vals[name] = [id_ for id_ in vals[name] if not isinstance(id_, int) or id_ in readable]
        return result
