from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

HOURS_PER_MONTH = [("1_2", "1-2 hours per month"), ("1_5", "1-5 hours per month")]
COMMUNICATION = [
    ("email", "Email"),
    ("phone", "Phone"),
    ("face_to_face", "Face-to-face meetings"),
    ("other", "Other"),
]
RESPONDENTS = [
    ("mentor", "Mentor organisation: our knowledge strengths"),
    ("mentee", "Mentee organisation: what we need"),
]


class MentoringKnowledgeSurvey(models.Model):
    """Seed 002's peer mentoring survey, for programmes of organisations: a mentor
    organisation rates its knowledge and expertise on each topic from 1 (low) to 3 (high); a
    mentee organisation rates on the same topics how much it needs to learn. Both say how many
    hours a month they can give and how they prefer to communicate. Matching compares the two
    (`mentoring.mentor._knowledge_strengths`, `mentoring.mentee._knowledge_needs`)."""

    _name = "mentoring.knowledge.survey"
    _description = "Knowledge Strengths Survey"
    # New is offered only where the user has something to pick here (mentoring.new.offer.mixin).
    _new_record_needs = ("program_id",)
    _inherit = ["mentoring.guard.mixin", "mentoring.thread.mixin", "mentoring.new.offer.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # Whose strengths or needs it states, and for which programme.
    _scope_fields = frozenset({"respondent", "mentor_id", "mentee_id", "program_id", "company_id"})

    name = fields.Char(compute="_compute_name", store=True)
    respondent = fields.Selection(RESPONDENTS, required=True, default="mentor")
    mentor_id = fields.Many2one(
        "mentoring.mentor", string="Mentor organisation", index=True, check_company=True
    )
    mentee_id = fields.Many2one(
        "mentoring.mentee", string="Mentee organisation", index=True, check_company=True
    )
    program_id = fields.Many2one(
        "mentoring.program",
        string="Programme",
        required=True,
        index=True,
        check_company=True,
        compute="_compute_program_id",
        store=True,
        readonly=False,
        precompute=True,
        domain=[("program_type", "=", "organization")],
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date = fields.Date(default=fields.Date.context_today, required=True)
    line_ids = fields.One2many(
        "mentoring.knowledge.survey.line",
        "survey_id",
        string="Topics",
        copy=True,
        default=lambda self: self._default_line_ids(),
    )
    hours_per_month = fields.Selection(
        HOURS_PER_MONTH, string="Hours per month", help="How many hours a month we could dedicate."
    )
    communication = fields.Selection(COMMUNICATION, string="Preferred communication")
    communication_other = fields.Char("Other communication")
    additional_info = fields.Text("Additional information")

    def _default_line_ids(self):
        # The survey asks about every topic, one line each.
        topics = self.env["mentoring.knowledge.topic"].search([])  # pylint: disable=no-search-all
        return [Command.create({"topic_id": topic.id}) for topic in topics]

    @api.depends("respondent", "mentor_id", "mentee_id")
    def _compute_program_id(self):
        """The respondent's organisation programme, unless one of theirs is chosen already."""
        for survey in self:
            people = survey.mentor_id if survey.respondent == "mentor" else survey.mentee_id
            programs = people.sudo().program_ids.filtered(lambda p: p.program_type == "organization")
            if programs and survey.program_id not in programs:
                survey.program_id = programs[:1]

    @api.depends("respondent", "mentor_id.name", "mentee_id.name", "date")
    def _compute_name(self):
        for survey in self:
            who = survey.mentor_id.name if survey.respondent == "mentor" else survey.mentee_id.name
            survey.name = self.env._(
                "Knowledge survey of %(who)s (%(date)s)", who=who or "", date=survey.date or ""
            )

    @api.constrains("program_id", "mentor_id", "mentee_id")
    def _check_programme(self):
        for survey in self.sudo():
            if survey.program_id.program_type != "organization":
                raise ValidationError(
                    self.env._(
                        "The knowledge survey is for programmes of organisations; %(program)s is "
                        "a person-to-person programme.",
                        program=survey.program_id.name,
                    )
                )
            people = survey.mentor_id or survey.mentee_id
            if people and survey.program_id not in people.program_ids:
                raise ValidationError(
                    self.env._(
                        "%(who)s does not take part in %(program)s: add the programme to their "
                        "profile first.",
                        who=people.name,
                        program=survey.program_id.name,
                    )
                )

    @api.constrains("respondent", "mentor_id", "mentee_id")
    def _check_one_respondent(self):
        for survey in self:
            answered_by = survey.mentor_id if survey.respondent == "mentor" else survey.mentee_id
            other = survey.mentee_id if survey.respondent == "mentor" else survey.mentor_id
            if not answered_by or other:
                raise ValidationError(
                    self.env._(
                        "A survey is answered either by a mentor organisation (its strengths) or by "
                        "a mentee organisation (its needs): choose the one that answers."
                    )
                )

    @api.constrains("communication", "communication_other")
    def _check_other_communication(self):
        for survey in self:
            if survey.communication == "other" and not survey.communication_other:
                raise ValidationError(self.env._("Say which other way of communicating you prefer."))

    def _levels(self):
        """{topic_id: level} of the topics rated on this survey."""
        self.ensure_one()
        return {line.topic_id.id: int(line.level) for line in self.sudo().line_ids if line.level}

    @api.model
    def _latest_levels(self, field, records, program=None):
        """For each of `records` (mentors or mentees, by `field`), the levels of their latest
        survey (in `program` when given): {record_id: {topic_id: level}}. One query whatever the
        number of records; matching reads it with sudo, the way it reads capacities."""
        domain = [(field, "in", records.ids)]
        if program:
            domain.append(("program_id", "=", program.id))
        latest = {}
        for survey in self.sudo().search(domain, order="date desc, id desc"):
            latest.setdefault(survey[field].id, survey)
        lines = latest and self.env["mentoring.knowledge.survey.line"].sudo().search_fetch(
            [("survey_id", "in", [s.id for s in latest.values()]), ("level", "!=", False)],
            ["survey_id", "topic_id", "level"],
        )
        levels = {record_id: {} for record_id in records.ids}
        by_survey = {survey.id: record_id for record_id, survey in latest.items()}
        for line in lines or ():
            levels[by_survey[line.survey_id.id]][line.topic_id.id] = int(line.level)
        return levels

    @api.model
    def _action_for(self, respondent, record):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "peer_mentoring.mentoring_knowledge_survey_action"
        )
        field = f"{respondent}_id"
        programs = record.program_ids.filtered(lambda p: p.program_type == "organization")
        action["domain"] = [(field, "=", record.id)]
        action["context"] = {
            "default_respondent": respondent,
            f"default_{field}": record.id,
            "default_program_id": programs[:1].id,
        }
        return action

    @api.model
    def _user_can_make_new(self):
        # The respondent is a mentor or a mentee organisation (the form's radio): either will do.
        if not super()._user_can_make_new():
            return False
        # The form's drop-downs (their domains are in the view).
        mentors = [("program_ids.program_type", "=", "organization"), ("user_may_claim_time", "=", True)]
        mentees = [
            (
                "program_ids",
                "any",
                [("program_type", "=", "organization"), ("user_is_coordinator", "=", True)],
            )
        ]
        return bool(
            self.env["mentoring.mentor"].sudo(False).search_count(mentors, limit=1)
            or self.env["mentoring.mentee"].sudo(False).search_count(mentees, limit=1)
        )

    @api.model
    def _new_record_unavailable_help(self):
        return self.env._(
            "Knowledge surveys are for organisation (provider-to-provider) programmes, and you work "
            "in none. Once you do, your organisation's survey starts here."
        )
