from collections import Counter

import numpy as np

from odoo import models
from odoo.tools import format_date


class MentoringMatchingReasons(models.AbstractModel):
    """Why nobody was proposed, in the words of the rule that left the mentors out: the screens
    of matching that can come up empty (Find a mentor, Propose matches) say why and what to do."""

    _inherit = "mentoring.matching"

    def _authorisation_causes(self, pool, mentees):
        """{("mentee", row): the exact cause} for mentees without an approved authorisation
        with units left on the planned start: none recorded, still a draft, expired, starting
        later or units used up (the dates in the user's format)."""
        if not mentees:
            return {}
        rows = {mentee_id: i for i, mentee_id in enumerate(pool.mentees.ids)}
        authorizations = (
            self.env["mentoring.authorization"]
            .sudo()
            .search(
                [
                    ("mentee_id", "in", [m.id for m in mentees]),
                    ("program_id", "=", pool.program.id),
                    ("state", "!=", "cancelled"),
                ]
            )
        )
        day = pool.date_start
        _ = self.env._

        def span(auth):
            return _(
                "%(start)s to %(end)s",
                start=format_date(self.env, auth.date_from),
                end=format_date(self.env, auth.date_to),
            )

        causes = {}
        for mentee in mentees:
            auths = authorizations.filtered(lambda a, mentee=mentee: a.mentee_id == mentee)
            covering = auths.filtered(lambda a: a.date_from <= day <= a.date_to)
            later = auths.filtered(lambda a: a.date_from > day).sorted("date_from")
            earlier = auths.filtered(lambda a: a.date_to < day).sorted("date_to", reverse=True)
            drafts = covering.filtered(lambda a: a.state == "draft")
            used_up = covering.filtered(lambda a: a.state in ("approved", "exhausted"))
            if drafts:
                cause = _("the authorisation of %(span)s is still a draft", span=span(drafts[0]))
            elif used_up:
                cause = _("the units of the authorisation of %(span)s are used up", span=span(used_up[0]))
            elif covering:
                cause = _("the authorisation of %(span)s has expired", span=span(covering[0]))
            elif later:
                cause = _(
                    "the authorisation starts later, on %(date)s",
                    date=format_date(self.env, later[0].date_from),
                )
            elif earlier:
                cause = _(
                    "the authorisation expired on %(date)s", date=format_date(self.env, earlier[0].date_to)
                )
            else:
                cause = _("no authorisation recorded")
            causes[("mentee", rows[mentee.id])] = cause
        return causes

    def _why_nobody(self, pool, row):
        """(why the mentee of `row` got no mentor, the rule code when one rule left them all
        out)."""
        _ = self.env._
        mentee = pool.mentee_list[row]
        count = len(pool.mentors)
        if not count:
            return (
                _(
                    "%(program)s has no mentors yet: add the programme to a certified mentor's profile.",
                    program=pool.program.name,
                ),
                False,
            )
        allowed = np.flatnonzero(pool.allowed[row])
        if len(allowed):
            return (
                _(
                    "The %(count)s mentor(s) who could take %(mentee)s were proposed to other mentees and "
                    "have no free place left: propose again for the most people matched, or accept these "
                    "and use Find a mentor for %(mentee)s.",
                    count=len(allowed),
                    mentee=mentee.name,
                ),
                False,
            )
        problems = [pool.problems(row, col) for col in range(count)]
        counts = Counter(code for found in problems for code in dict(found))
        texts = {}
        for found in problems:
            for code, text in found:
                texts.setdefault(code, text)
        common = [code for code, n in counts.items() if n == count]
        if common:
            code = common[0]
            reason = (
                texts[code] if len(set(dict(p)[code] for p in problems)) == 1 else pool.exclusions[code][0]
            )
            head = (
                _("The only mentor was left out")
                if count == 1
                else _("All %(count)s mentors were left out", count=count)
            )
            advice = self._advice(code, reason)
            return f"{head}: {self._reason_sentence(code, reason, mentee)}. {advice}".strip(), code
        listed = "; ".join(
            _("%(count)s: %(reason)s", count=n, reason=pool.exclusions[code][0].lower())
            for code, n in counts.most_common()
        )
        return _("All %(count)s mentors were left out (%(listed)s).", count=count, listed=listed), False

    def _reason_sentence(self, code, reason, mentee):
        if code == "no_authorisation":
            detail = reason.partition("(")[2].rstrip(")")
            return self.env._(
                "%(mentee)s has no approved authorisation with units left on the planned start (%(detail)s)",
                mentee=mentee.name,
                detail=detail,
            )
        return reason[:1].lower() + reason[1:]

    def _advice(self, code, reason):
        _ = self.env._
        recorded = _("no authorisation recorded") not in reason
        return {
            "no_authorisation": _("Open the authorisation to approve it, extend it or add units first.")
            if recorded
            else _("Record the authorisation first."),
            "not_in_programme": _("Add the programme to the mentors' profiles first."),
            "no_free_place": _(
                "Every mentor's places are taken: fill in a capacity override reason to consider them."
            ),
            "compliance": _("Bring the mentors' training and certification up to date first."),
            "suspended": _("Every mentor is suspended."),
        }.get(code, "")
