from odoo import api, fields, models
from odoo.exceptions import UserError

# Each role's home after login (`res.users.action_id`): (choice, label, role, action). The first role
# that fits wins: a programme manager is a coordinator, a coordinator is a supervisor and a mentor.
ROLE_HOMES = (
    (
        "needs_doing",
        "Needs doing",
        "peer_mentoring.group_coordinator",
        "peer_mentoring.mentoring_overview_item_action",
    ),
    (
        "concerns",
        "Concerns",
        "peer_mentoring.group_safeguarding_lead",
        "peer_mentoring.mentoring_safeguarding_concern_action",
    ),
    (
        "supervision_due",
        "Overdue supervision",
        "peer_mentoring.group_supervisor",
        "peer_mentoring.mentoring_mentor_supervision_overdue_action",
    ),
    (
        "log_meeting",
        "Log a meeting",
        "peer_mentoring.group_mentor",
        "peer_mentoring.mentoring_encounter_log_action",
    ),
    (
        "internships_review",
        "Internships in review",
        "peer_mentoring.group_oversight",
        "peer_mentoring.mentoring_internship_review_action",
    ),
    (
        "to_invoice",
        "To invoice",
        "account.group_account_invoice",
        "peer_mentoring.mentoring_authorization_to_invoice_action",
    ),
    ("employees", "Employees", "hr.group_hr_user", "hr.open_view_employee_list_my"),
)


class ResUsers(models.Model):
    _inherit = "res.users"

    mentoring_home = fields.Selection(
        [("odoo", "Odoo's start page")]
        + [(choice, label) for choice, label, _group, _action in ROLE_HOMES]
        + [("other", "Another screen")],
        string="Screen after login",
        compute="_compute_mentoring_home",
        inverse="_inverse_mentoring_home",
        readonly=False,
        help="The screen that opens when you log in. Your role's own screen is chosen for you; "
        "you may pick another screen of your roles.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["mentoring_home"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["mentoring_home"]

    def _mentoring_homes(self):
        """The homes this user's roles may open, best first: [(choice, action)]."""
        self.ensure_one()
        homes = []
        for choice, _label, group_xmlid, action_xmlid in ROLE_HOMES:
            group = self.env.ref(group_xmlid, raise_if_not_found=False)
            action = self.env.ref(action_xmlid, raise_if_not_found=False)
            if not group or not action or group not in self.all_group_ids:
                continue
            # The home must be an action the user may open.
            action_groups = action.sudo().group_ids
            if action_groups and not action_groups & self.all_group_ids:
                continue
            homes.append((choice, self.env["ir.actions.actions"].browse(action.id)))
        return homes

    def _mentoring_role_home(self):
        """The home action of this user's role (an empty recordset when no role has one)."""
        homes = self._mentoring_homes()
        return homes[0][1] if homes else self.env["ir.actions.actions"]

    @api.depends("action_id", "all_group_ids")
    def _compute_mentoring_home(self):
        actions = {}
        for choice, _label, _group, action_xmlid in ROLE_HOMES:
            action = self.env.ref(action_xmlid, raise_if_not_found=False)
            if action:
                actions[action.id] = choice
        for user in self:
            action = user.sudo().action_id
            user.mentoring_home = actions.get(action.id, "other") if action else "odoo"

    def _inverse_mentoring_home(self):
        for user in self:
            if user.mentoring_home == "other":
                continue
            if user.mentoring_home == "odoo":
                user.sudo().action_id = False
                continue
            homes = dict(user.sudo()._mentoring_homes())
            if user.mentoring_home not in homes:
                raise UserError(
                    self.env._(
                        "This screen is not part of your role: pick one of your role's screens or Odoo's start page."
                    )
                )
            user.sudo().action_id = homes[user.mentoring_home]

    def _set_mentoring_role_home(self, previous_homes):
        """Give each user their role's home, unless they chose another one themselves:
        only an empty home or the home of the role they had before is replaced."""
        no_home = self.env["ir.actions.actions"]
        for user in self.sudo():
            if user.share:
                continue
            home = user._mentoring_role_home()
            if user.action_id != home and user.action_id in (no_home, previous_homes.get(user.id, no_home)):
                user.action_id = home

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users.filtered(lambda user: not user.action_id)._set_mentoring_role_home({})
        return users

    def write(self, vals):
        if "group_ids" not in vals or "action_id" in vals or "mentoring_home" in vals:
            return super().write(vals)
        previous_homes = {user.id: user._mentoring_role_home() for user in self.sudo()}
        result = super().write(vals)
        self._set_mentoring_role_home(previous_homes)
        return result
