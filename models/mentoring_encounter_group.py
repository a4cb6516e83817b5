from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mentoring_group_session import SHARED_FIELDS


class MentoringEncounter(models.Model):
    """A person's part of a group meeting: their own meeting record on their own match, billed
    on their own authorisation with the group service. The overlap rule treats the meetings of
    one group meeting as one meeting of the mentor (see _check_no_overlap)."""

    _inherit = "mentoring.encounter"

    group_session_id = fields.Many2one(
        "mentoring.group.session",
        string="Group meeting",
        index="btree_not_null",
        ondelete="restrict",
        copy=False,
    )
    group_attended = fields.Boolean(
        "Came",
        default=True,
        copy=False,
        help="On a group meeting's list: whether the person came. Only those who came have a "
        "confirmed meeting, and only they are billed.",
    )

    _group_member_uniq = models.Constraint(
        "UNIQUE(group_session_id, match_id)", "A person is on a group meeting's list only once."
    )

    @api.constrains("group_session_id", "match_id", "is_group_session", *SHARED_FIELDS)
    def _check_group_session_roster(self):
        for encounter in self.sudo().filtered("group_session_id"):
            session = encounter.group_session_id
            if encounter.mentor_id != session.mentor_id or encounter.program_id != session.program_id:
                raise ValidationError(
                    self.env._(
                        "Only %(mentor)s's own mentees in %(program)s join this group meeting: add "
                        "people from that mentor's matches in that programme.",
                        mentor=session.mentor_id.name,
                        program=session.program_id.name,
                    )
                )
            if not encounter.is_group_session or any(encounter[f] != session[f] for f in SHARED_FIELDS):
                raise ValidationError(
                    self.env._(
                        "A person's part of a group meeting keeps the group's day, time and place: "
                        "change them on the group meeting."
                    )
                )

    @api.constrains("group_session_id", "group_attended", "state")
    def _check_group_size(self):
        self.group_session_id._check_group_size()

    @api.onchange("match_id")
    def _onchange_match_id_single_goal(self):
        """The goal is filled in when the person's plan has only one."""
        if self.match_id and not self.goal_id:
            goals = self.env["mentoring.goal"].search(
                [("match_id", "=", self.match_id.id), ("plan_state", "!=", "superseded")]
            )
            if len(goals) == 1:
                self.goal_id = goals

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("group_session_id"):
                # Read with the writer's rights: only a group meeting they may read.
                session = self.env["mentoring.group.session"].browse(vals["group_session_id"])
                vals.update({name: session[name] for name in SHARED_FIELDS}, is_group_session=True)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if "group_session_id" in vals and any(
                e.group_session_id.id != vals["group_session_id"] for e in self
            ):
                raise UserError(
                    self.env._(
                        "A meeting stays with its group meeting, or outside any: create a new one instead."
                    )
                )
            if "group_attended" in vals and any(e.state != "draft" for e in self):
                raise UserError(
                    self.env._(
                        "This meeting is confirmed or cancelled: who came is kept as it was. Cancel "
                        "the group meeting and set it back to draft to correct it."
                    )
                )
        return super().write(vals)

    def action_confirm(self):
        if any(e.group_session_id and not e.group_attended for e in self):
            raise UserError(
                self.env._(
                    "This person did not come to the group meeting: their meeting is not "
                    "confirmed. Tick “Came” first if they were there."
                )
            )
        return super().action_confirm()
