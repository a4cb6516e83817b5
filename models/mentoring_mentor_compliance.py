from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import SQL, format_date

from .mentoring_mentor_training import CE_KINDS


class MentoringMentor(models.Model):
    """Training and certification compliance: what the programme's rule set asks of a mentor on
    a given day, and the coordinator's warning before a mentor falls out of it.

    A certification runs in cycles of the rule set's length from the day the mentor was
    certified. At the end of a cycle (the renewal date) the approved training dated inside it
    must meet the rule set; if it does, the next cycle begins there. If it does not, the
    certification lapses on the renewal date, until training made up for what was missing:
    from the day of the training that completes it the mentor is compliant again, and a new
    cycle begins that day (hours are never counted twice)."""

    _inherit = "mentoring.mentor"

    training_ids = fields.One2many("mentoring.mentor.training", "mentor_id")
    certified_since = fields.Date(
        "Certification cycle began", compute="_compute_compliance", help="Start of the current cycle."
    )
    certification_renewal_date = fields.Date(
        "Renewal due",
        compute="_compute_compliance",
        help="End of the current certification cycle: the training the rules ask for must be "
        "done (and approved) before this day.",
    )
    compliance_note = fields.Char("Training compliance", compute="_compute_compliance")

    @api.depends("training_ids.state", "training_ids.hours", "training_ids.date", "state", "program_ids")
    def _compute_compliance(self):
        today = fields.Date.context_today(self)
        for mentor in self:
            mentor.compliance_note = mentor._origin and mentor._origin._training_problem(today) or False
            standings = [
                mentor._origin._certification_standing(rule, today)
                for rule in mentor._compliance_rules()
                if mentor._origin and mentor.state == "certified" and rule._asks_continuing_education()
            ]
            mentor.certified_since = max((s["start"] for s in standings), default=False)
            mentor.certification_renewal_date = min((s["end"] for s in standings), default=False)

    def _compliance_rules(self):
        return self.sudo().program_ids.certification_rule_id

    def _compliance_problem(self, day):
        problem = super()._compliance_problem(day)
        if problem or not day:
            return problem
        return self._training_problem(day)

    def _training_problem(self, day, coming=False):
        """Why the programme rules' training requirements are not met on `day`, or False;
        `coming`: said of a day ahead, for the coordinator's warning."""
        self.ensure_one()
        held = self._credential_on(day)
        if held not in ("intern", "certified"):
            return False
        for rule in self._compliance_rules():
            if rule.introductory_training_required and not self._has_introductory_training(day):
                return self.env._(
                    "%(name)s has no valid introductory peer-mentor training on %(day)s, which "
                    "the rules %(rule)s ask for.",
                    name=self.name,
                    day=format_date(self.env, day),
                    rule=rule.name,
                )
            if held != "certified" or not rule._asks_continuing_education():
                continue
            standing = self._certification_standing(rule, day)
            if standing["lapsed_on"]:
                message = (
                    self.env._(
                        "%(name)s's certification lapses on %(lapsed)s under the rules %(rule)s "
                        "unless training is recorded and approved before then: %(gaps)s so far in "
                        "the cycle that began on %(start)s."
                    )
                    if coming
                    else self.env._(
                        "%(name)s's certification lapsed on %(lapsed)s under the rules %(rule)s: "
                        "%(gaps)s in the cycle that began on %(start)s. Record and approve the "
                        "missing training to renew it."
                    )
                )
                return message % dict(
                    name=self.name,
                    lapsed=format_date(self.env, standing["lapsed_on"]),
                    rule=rule.name,
                    gaps=", ".join(standing["gaps"]),
                    start=format_date(self.env, standing["start"]),
                )
        return False

    def _approved_training(self):
        return self.sudo().training_ids.filtered(lambda t: t.state == "approved")

    def _has_introductory_training(self, day):
        return any(
            t.kind == "introductory" and t.date <= day and (not t.expiry_date or t.expiry_date >= day)
            for t in self._approved_training()
        )

    def _certified_since(self, day):
        """The day the certification held on `day` began: the last change to certified on or
        before it; for a mentor recorded as certified without a history, the day of the record."""
        history = self.sudo().credential_ids.filtered(lambda c: c.state == "certified" and c.date_from <= day)
        if history:
            return history[-1].date_from
        return fields.Date.to_date(self.create_date) if self.create_date else day

    def _certification_standing(self, rule, day):
        """The cycle `day` falls in under `rule`: {start, end, lapsed_on, gaps}. `lapsed_on` is
        the renewal date that was missed (False when compliant) and `gaps` what is missing."""
        self.ensure_one()
        start = self._certified_since(day)
        trainings = self._approved_training().filtered(lambda t: t.kind in CE_KINDS and t.date >= start)
        trainings = trainings.sorted(lambda t: (t.date, t.id))
        used = 0  # trainings before this index were counted for an earlier cycle
        while True:
            end = start + relativedelta(months=rule.cycle_months)
            if day < end:
                return {"start": start, "end": end, "lapsed_on": False, "gaps": []}
            in_cycle = trainings[used:].filtered(lambda t, end=end: t.date < end)
            if not rule._training_shortfall(in_cycle):
                start, used = end, used + len(in_cycle)
                continue
            # Missed at the renewal date: compliant again from the training that makes it up.
            made_up = None
            for index in range(used + len(in_cycle), len(trainings)):
                if trainings[index].date > day:
                    break
                if not rule._training_shortfall(trainings[used : index + 1]):
                    made_up = index
                    break
            if made_up is None:
                so_far = trainings[used:].filtered(lambda t: t.date <= day)
                return {
                    "start": start,
                    "end": end,
                    "lapsed_on": end,
                    "gaps": rule._training_shortfall(so_far),
                }
            start, used = trainings[made_up].date, made_up + 1

    # The coordinator's warning ----------------------------------------------------------------

    @api.model
    def _cron_warn_compliance(self):
        """An activity for the programme's coordinator when a mentor who is compliant today
        would fall out of compliance within the rule set's warning days (30 by default), with
        the day and the reason; one open warning per mentor."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("peer_mentoring.mail_activity_type_compliance_due")
        # In batches; a warned mentor leaves the domain (one open warning per mentor).
        warned = SQL(
            "SELECT res_id FROM mail_activity WHERE res_model = %s AND activity_type_id = %s",
            self._name,
            activity_type.id,
        )
        self.env["mentoring.job.checkpoint"]._run_in_batches(
            "warn_compliance",
            self.sudo(),
            [
                ("state", "in", ("intern", "certified")),
                ("program_ids.certification_rule_id", "!=", False),
                ("id", "not in", warned),
            ],
            lambda mentors: mentors._warn_coming_lapses(today, activity_type),
        )

    def _warn_coming_lapses(self, today, activity_type):
        values = []
        for mentor in self:
            coordinator = mentor._compliance_coordinator()
            lapse = mentor._coming_lapse(today)
            if not coordinator or not lapse:
                continue
            day, reason = lapse
            values.append(
                {
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": mentor.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._("Training due before %(day)s", day=format_date(self.env, day)),
                    "note": Markup("<p>%s</p>") % reason,
                    "user_id": coordinator.id,
                    "date_deadline": day - timedelta(days=1),
                    "automated": True,
                }
            )
        self.env["mail.activity"].with_user(SUPERUSER_ID).create(values)

    def _coming_lapse(self, today):
        """(first day, reason) on which this mentor, compliant today, would not be within the
        warning days if nothing is recorded meanwhile, or False."""
        self.ensure_one()
        warn_days = max(self._compliance_rules().mapped("warn_days"), default=0)
        if self._training_problem(today) or not self._training_problem(today + timedelta(days=warn_days)):
            return False
        for offset in range(1, warn_days + 1):
            day = today + timedelta(days=offset)
            reason = self._training_problem(day, coming=True)
            if reason:
                return day, reason
        return False

    def _compliance_coordinator(self):
        programs = self.sudo().program_ids.filtered("certification_rule_id")
        return programs.coordinator_ids[:1]
