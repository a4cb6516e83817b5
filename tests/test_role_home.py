from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import MentoringBillingCase, MentoringCase


@tagged("post_install", "-at_install")
class TestRoleHome(MentoringCase):
    """Each role lands on its own screen after login (`res.users.action_id`), and keeps a home the
    user chose."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = lambda login, groups: new_test_user(  # noqa: E731
            cls.env, login=login, groups=groups, company_id=cls.company.id
        )
        cls.lead_user = user("t_home_lead", "peer_mentoring.group_safeguarding_lead")
        cls.oversight_user = user("t_home_oversight", "peer_mentoring.group_oversight")

    def home(self, xmlid):
        return self.env["ir.actions.actions"].browse(self.env.ref(xmlid).id)

    def test_each_role_gets_its_home_when_created(self):
        expected = {
            self.mentor_user: "peer_mentoring.mentoring_encounter_log_action",
            self.supervisor_user: "peer_mentoring.mentoring_mentor_supervision_overdue_action",
            self.coordinator_user: "peer_mentoring.mentoring_overview_item_action",
            self.manager_user: "peer_mentoring.mentoring_overview_item_action",
            self.finance_user: "peer_mentoring.mentoring_authorization_to_invoice_action",
            self.hr_user: "hr.open_view_employee_list_my",
            self.lead_user: "peer_mentoring.mentoring_safeguarding_concern_action",
            self.oversight_user: "peer_mentoring.mentoring_internship_review_action",
        }
        for user, xmlid in expected.items():
            with self.subTest(user=user.login):
                self.assertEqual(user.action_id, self.home(xmlid))
                # The user may open it: the action has no group they lack, and they read its model.
                action = self.env.ref(xmlid)
                self.assertFalse(action.group_ids - user.all_group_ids)
                self.assertTrue(self.env[action.res_model].with_user(user).has_access("read"))
        # Someone without a mentoring, finance or HR role keeps Odoo's start page.
        self.assertFalse(self.sales_user.action_id)

    def test_oversight_home_lists_internships_in_review(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "peer_mentoring.mentoring_internship_review_action"
        )
        self.assertEqual(action["res_model"], "mentoring.internship")
        self.assertIn("'search_default_in_review': 1", action["context"])

    def test_a_new_role_replaces_the_previous_roles_home(self):
        self.assertEqual(
            self.mentor_user.action_id, self.home("peer_mentoring.mentoring_encounter_log_action")
        )
        self.mentor_user.write({"group_ids": [(4, self.env.ref("peer_mentoring.group_coordinator").id)]})
        self.assertEqual(
            self.mentor_user.action_id, self.home("peer_mentoring.mentoring_overview_item_action")
        )
        # A user with no home yet gets one when given a role.
        self.assertFalse(self.sales_user.action_id)
        self.sales_user.write({"group_ids": [(4, self.env.ref("peer_mentoring.group_mentor").id)]})
        self.assertEqual(
            self.sales_user.action_id, self.home("peer_mentoring.mentoring_encounter_log_action")
        )

    def test_a_home_the_user_chose_is_kept_when_a_role_is_added(self):
        meetings = self.home("peer_mentoring.mentoring_encounter_action")
        self.mentor_user.with_user(self.mentor_user).write({"action_id": meetings.id})
        self.mentor_user.write({"group_ids": [(4, self.env.ref("peer_mentoring.group_coordinator").id)]})
        self.assertEqual(self.mentor_user.action_id, meetings)
        # A user created with a home keeps it too.
        user = new_test_user(
            self.env, login="t_home_chosen", groups="peer_mentoring.group_mentor", action_id=meetings.id
        )
        self.assertEqual(user.action_id, meetings)

    def test_user_changes_their_home_in_preferences(self):
        supervisor = self.supervisor_user.with_user(self.supervisor_user)
        self.assertEqual(supervisor.mentoring_home, "supervision_due")
        # A supervisor is also a mentor: Log a meeting is one of their screens.
        supervisor.write({"mentoring_home": "log_meeting"})
        self.assertEqual(
            self.supervisor_user.action_id, self.home("peer_mentoring.mentoring_encounter_log_action")
        )
        # Not a screen of their role.
        with self.assertRaisesRegex(UserError, "not part of your role"):
            supervisor.write({"mentoring_home": "to_invoice"})
        supervisor.write({"mentoring_home": "odoo"})
        self.assertFalse(self.supervisor_user.action_id)
        # The preferences form shows the choice to the user.
        arch = supervisor.get_views([(self.env.ref("base.view_users_form_simple_modif").id, "form")])
        self.assertIn('name="mentoring_home"', arch["views"]["form"]["arch"])


@tagged("post_install", "-at_install")
class TestRoleHomeTour(MentoringBillingCase, HttpCase):
    """After login, a mentor is on Log a meeting and a coordinator on Needs doing, with no click."""

    def test_mentor_lands_on_log_a_meeting(self):
        self.mentor_user.tz = "UTC"  # the preferences form requires a timezone to save
        self.start_tour("/odoo", "peer_mentoring_mentor_home_tour", login=self.mentor_user.login)
        # The tour then chose Odoo's start page in the preferences.
        self.assertFalse(self.mentor_user.action_id)

    def test_coordinator_lands_on_needs_doing(self):
        self.start_tour("/odoo", "peer_mentoring_coordinator_home_tour", login=self.coordinator_user.login)
