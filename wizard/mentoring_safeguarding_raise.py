from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError


class MentoringSafeguardingRaise(models.TransientModel):
    """The screen on which anyone in a mentoring role raises a concern in a few plain fields.

    The concern itself is created with sudo: the person who raised it cannot read it afterwards
    (only safeguarding leads do). What they get back, on this screen, is its reference, that it
    was received, and what they must do now."""

    _name = "mentoring.safeguarding.raise"
    _inherit = ["mentoring.guard.mixin"]
    _description = "Raise a Safeguarding Concern"
    _protected_fields = frozenset({"state", "concern_reference", "guidance"})

    state = fields.Selection([("draft", "To send"), ("done", "Received")], default="draft", required=True)
    type_id = fields.Many2one("mentoring.safeguarding.type", string="What is it about?", required=True)
    description = fields.Text("What happened or what you were told", required=True)
    occurred_on = fields.Date("When did it happen?")
    immediate_danger = fields.Boolean("Is someone in danger now?")
    steps_taken = fields.Text(
        "Who have you told so far?",
        help="In order: e.g. 'told the mentor I was concerned, then my supervisor'.",
    )
    match_id = fields.Many2one("mentoring.match")
    encounter_id = fields.Many2one("mentoring.encounter", string="Meeting")
    subject_mentor_id = fields.Many2one("mentoring.mentor", string="Mentor it is about")
    is_allegation = fields.Boolean(related="type_id.is_allegation")
    subject_other = fields.Char("Staff member or other person it is about")
    concern_reference = fields.Char("Reference", readonly=True)
    guidance = fields.Text("What to do now", readonly=True)

    @api.model
    def _open_form(self, defaults):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Raise a concern"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": defaults,
        }

    def _check_may_raise(self):
        user = self.env.user
        if not (
            user.has_group("peer_mentoring.group_mentor")
            or user.has_group("peer_mentoring.group_safeguarding_lead")
        ):
            raise UserError(self.env._("Only people in a mentoring role can raise a concern here."))
        # Defaults come from the client's context: the links must be records this user reads.
        for record in (self.match_id, self.encounter_id, self.subject_mentor_id):
            record.check_access("read")
        if self.encounter_id and self.match_id and self.encounter_id.sudo().match_id != self.match_id:
            raise UserError(self.env._("The meeting does not belong to this match."))

    def action_submit(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("This concern has already been sent."))
        self._check_may_raise()
        match = self.match_id.sudo() or self.encounter_id.sudo().match_id
        # Created by the system, not with sudo() as the raiser: every message, activity and
        # notification it makes (e.g. "assigned you an activity on SG-...") is then authored by
        # the system, so no message the raiser could read as its author tells of the concern.
        concern = (
            self.env["mentoring.safeguarding.concern"]
            .with_user(SUPERUSER_ID)
            .sudo()
            .with_context(mail_create_nosubscribe=True, tracking_disable=False)
            .create(
                {
                    "type_id": self.type_id.id,
                    "description": self.description,
                    "occurred_on": self.occurred_on,
                    "immediate_danger": self.immediate_danger,
                    "steps_taken": self.steps_taken,
                    "raised_by_id": self.env.uid,
                    "company_id": (
                        match.company_id or self.subject_mentor_id.sudo().company_id or self.env.company
                    ).id,
                    "match_id": match.id,
                    "program_id": match.program_id.id,
                    "mentee_id": match.mentee_id.id,
                    "encounter_id": self.encounter_id.id,
                    "subject_mentor_id": self.subject_mentor_id.id if self.type_id.is_allegation else False,
                    "subject_other": self.subject_other,
                }
            )
        )
        guidance = self.type_id.raiser_guidance or self.env._(
            "Write down what you saw or were told, in the person's own words, and keep it safe. "
            "Do not investigate yourself and do not tell the person it is about."
        )
        if self.immediate_danger:
            guidance = (
                self.env._("If someone is in danger now, call the emergency services first.\n") + guidance
            )
        self.sudo().write({"state": "done", "concern_reference": concern.name, "guidance": guidance})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Concern received"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
