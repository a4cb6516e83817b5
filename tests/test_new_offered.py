"""Offer only what can be done: for every menu each role sees, *New* is offered exactly where the
role can make a record there — every required drop-down of the New form lists something to pick
and the access rights and record rules accept the save. Where nothing can be made, the screen
offers no New and its empty list says why and what to do."""

from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import convert_file

from .common import WebClient
from .common_internship import MentoringInternshipCase

# Records made by a button on another record, never from their own menu's New.
MADE_ELSEWHERE = {
    "mentoring.claim",  # Create claim, on the invoice
    "mentoring.claim.batch",  # Make 837P file, on the claims
    "mentoring.billing.entry",  # a report of the confirmed meetings
    "mentoring.overview.item",  # a report of what needs doing
    "mentoring.goal",  # in its individual plan
    # Work lists of existing records: what to follow up, not where to start one.
    "peer_mentoring.mentoring_match_action_introductions_overdue",
    "peer_mentoring.mentoring_mentor_supervision_overdue_action",
    "peer_mentoring.mentoring_match_checkin_due_action",
}


@tagged("post_install", "-at_install")
class TestNewOfferedOnlyWhereARecordCanBeMade(WebClient, MentoringInternshipCase):
    """With the fixtures: supervisors who supervise but mentor nobody, a mentor with matches in
    person programmes only (no organisation programme: no worksheet, no knowledge survey), an
    intern with an internship in progress, a mentor who is not an intern."""

    def roles(self):
        return {
            "mentor": self.mentor_user,
            "intern": self.intern_user,
            "supervisor": self.supervisor_user,
            "coordinator": self.coordinator_user,
            "coordinator of the other programme": self.coordinator_b_user,
            "manager": self.manager_user,
            "HR officer": self.hr_user,
            "HR officer and mentor": self.hr_mentor_user,
            "finance": self.finance_user,
            "oversight": self.oversight_user,
        }

    def test_every_role_is_offered_new_only_where_it_can_make_a_record(self):
        problems = []
        for role, user in self.roles().items():
            problems += self.new_offered_problems(role, user, MADE_ELSEWHERE)
        self.assertFalse(problems, "\n" + "\n".join(problems))

    def test_supervisor_who_mentors_nobody_is_offered_no_new_agreement(self):
        action = self.env.ref("peer_mentoring.mentoring_agreement_action")
        self.assertFalse(self.new_offered(self.supervisor_user, action))
        self.assertTrue(self.new_offered(self.mentor_user, action))
        self.assertTrue(self.new_offered(self.coordinator_user, action))

    def test_a_supervisor_who_also_mentors_is_offered_new(self):
        action = self.env.ref("peer_mentoring.mentoring_agreement_action")
        own = self.env["mentoring.mentor"].create(
            {
                "employee_id": self.supervisor_employee.id,
                "program_ids": [(6, 0, self.program.ids)],
                "state": "certified",
                "ethics_ack_date": self.yesterday,
            }
        )
        self.create_match(own, self.create_mentee("Kim Lo")).action_introduce()
        self.assertTrue(self.new_offered(self.supervisor_user, action))
        self.assertEqual(self.new_record_problems(self.supervisor_user, action), [])

    def test_internship_log_is_offered_to_the_intern_only(self):
        action = self.env.ref("peer_mentoring.mentoring_internship_line_action")
        self.assertTrue(self.new_offered(self.intern_user, action))
        self.assertFalse(self.new_offered(self.mentor_user, action))

    def test_the_empty_list_says_why_there_is_no_new(self):
        for xmlid in ("mentoring_agreement_action", "mentoring_worksheet_action", "mentoring_plan_action"):
            help_text = self.action_help(self.supervisor_user, xmlid)
            self.assertIn("o_view_nocontent_empty_folder", help_text, xmlid)
        # Where New is offered, the action's own help stays.
        help_text = self.action_help(self.mentor_user, "mentoring_agreement_action")
        self.assertNotIn("o_view_nocontent_empty_folder", help_text)

    def action_help(self, user, xmlid):
        # As /web/action/load reads it: with sudo(), for the user.
        action = self.env.ref(f"peer_mentoring.{xmlid}").with_user(user).sudo()
        return action._get_action_dict()["help"] or ""


@tagged("post_install", "-at_install")
class TestNewOfferedWithTheDemoData(WebClient, TransactionCase):
    """The same check on the demo data: the demo's coordinator, supervisor, mentor, finance and
    oversight users, a programme manager and an HR officer. Tests must not depend on demo data,
    so the manifest's demo files are loaded inside the test when the database was installed
    without them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("peer_mentoring.user_coordinator_demo", raise_if_not_found=False):
            idref = {}
            for filename in get_manifest("peer_mentoring")["demo"]:
                convert_file(cls.env, "peer_mentoring", filename, idref, mode="init", noupdate=True)
        user = lambda login, groups: new_test_user(cls.env, login=login, groups=groups)  # noqa: E731
        cls.manager_user = user("t_demo_manager", "peer_mentoring.group_manager")
        cls.hr_user = user("t_demo_hr_officer", "hr.group_hr_user")

    def test_every_demo_role_is_offered_new_only_where_it_can_make_a_record(self):
        ref = self.env.ref
        roles = {
            "demo coordinator": ref("peer_mentoring.user_coordinator_demo"),
            "demo supervisor": ref("peer_mentoring.user_supervisor_demo"),
            "demo mentor": ref("peer_mentoring.user_mentor_demo"),
            "demo finance": ref("peer_mentoring.user_finance_demo"),
            "demo oversight": ref("peer_mentoring.user_oversight_demo"),
            "manager": self.manager_user,
            "HR officer": self.hr_user,
        }
        problems = []
        for role, user in roles.items():
            problems += self.new_offered_problems(role, user, MADE_ELSEWHERE)
        self.assertFalse(problems, "\n" + "\n".join(problems))
