from odoo import fields, models
from odoo.tools import float_compare


class MentoringCertificationRule(models.Model):
    """The numbers a certification board (or the agency's pilot) sets for becoming and staying
    a certified peer mentor. A programme points to one; several programmes may share it."""

    _name = "mentoring.certification.rule"
    _description = "Certification Rule Set"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, translate=True, tracking=True)
    authority = fields.Char(
        "Board or body", tracking=True, help="Who sets these rules, e.g. a state certification board."
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    active = fields.Boolean(default=True)
    # Becoming certified
    min_age = fields.Integer("Minimum age", default=18, tracking=True)
    internship_hours = fields.Float(
        "Internship hours", tracking=True, help="Hours of supervised internship before certification."
    )
    min_face_to_face_share = fields.Float(
        "Face-to-face share (%)",
        tracking=True,
        help="The least share of the internship hours spent mentoring face to face.",
    )
    supervised_hours = fields.Float(
        "Supervised work hours",
        tracking=True,
        help="Hours of supervised work some boards ask before certifying.",
    )
    supervisor_attends_first_meetings = fields.Integer(
        "Supervisor attends the first meetings",
        tracking=True,
        help="How many of an intern's first meetings with each mentee the supervisor attends (0: none).",
    )
    # Staying certified
    ce_hours = fields.Float("Continuing education hours per cycle", tracking=True)
    ce_ethics_hours = fields.Float("Of which ethics hours", tracking=True)
    ce_peer_hours = fields.Float("Of which peer-specific hours", tracking=True)
    cycle_months = fields.Integer(
        "Cycle (months)",
        default=24,
        tracking=True,
        help="Length of a certification cycle; renewal is due at its end.",
    )
    min_trainings = fields.Integer(
        "Trainings per cycle",
        tracking=True,
        help="The least number of training sessions (continuing education) in each cycle, e.g. one a year.",
    )
    introductory_training_required = fields.Boolean(
        "Introductory training required",
        tracking=True,
        help="Interns and certified mentors need an approved introductory peer-mentor training "
        "that has not expired.",
    )
    warn_days = fields.Integer(
        "Warn coordinators (days before)",
        default=30,
        tracking=True,
        help="How many days before a mentor would fall out of compliance the coordinator is warned.",
    )
    # Eligibility of carers who apply to mentor (seed 001); 0 means no such rule.
    foster_approved_years = fields.Float("Foster carers: years approved", tracking=True)
    foster_experience_years = fields.Float("Foster carers: years of active fostering", tracking=True)
    respite_approved_years = fields.Float("Respite carers: years approved", tracking=True)
    respite_experience_years = fields.Float("Respite carers: years of active fostering", tracking=True)
    # Supervision cadence, per stage
    supervision_days_intern = fields.Integer(
        "Supervision every (days) while an intern", default=7, tracking=True
    )
    supervision_days_certified = fields.Integer(
        "Supervision every (days) once certified", default=30, tracking=True
    )

    _numbers_not_negative = models.Constraint(
        "CHECK(min_age >= 0 AND internship_hours >= 0 AND supervised_hours >= 0 AND ce_hours >= 0 "
        "AND ce_ethics_hours >= 0 AND ce_peer_hours >= 0 AND cycle_months >= 0 "
        "AND supervisor_attends_first_meetings >= 0 AND supervision_days_intern >= 0 "
        "AND supervision_days_certified >= 0 AND min_trainings >= 0 AND warn_days >= 0 "
        "AND foster_approved_years >= 0 AND foster_experience_years >= 0 "
        "AND respite_approved_years >= 0 AND respite_experience_years >= 0)",
        "Hours, days, months and ages cannot be negative.",
    )
    _share_is_percentage = models.Constraint(
        "CHECK(min_face_to_face_share >= 0 AND min_face_to_face_share <= 100)",
        "The face-to-face share is a percentage between 0 and 100.",
    )

    def _asks_continuing_education(self):
        self.ensure_one()
        asked = (self.ce_hours, self.ce_ethics_hours, self.ce_peer_hours, self.min_trainings)
        return bool(self.cycle_months and any(asked))

    def _training_shortfall(self, trainings):
        """What `trainings` (approved continuing education of one cycle) lack of this rule set,
        in plain words: an empty list when nothing is missing."""
        self.ensure_one()
        wanted = [
            (sum(trainings.mapped("hours")), self.ce_hours, self.env._("continuing education hours")),
            (
                sum(trainings.filtered(lambda t: t.kind == "ethics").mapped("hours")),
                self.ce_ethics_hours,
                self.env._("ethics hours"),
            ),
            (
                sum(trainings.filtered(lambda t: t.kind == "peer").mapped("hours")),
                self.ce_peer_hours,
                self.env._("peer-specific hours"),
            ),
            (len(trainings), self.min_trainings, self.env._("training sessions")),
        ]
        return [
            self.env._("%(done)s of %(needed)s %(what)s", done=f"{done:g}", needed=f"{needed:g}", what=what)
            for done, needed, what in wanted
            if float_compare(done, needed, precision_digits=2) < 0
        ]
