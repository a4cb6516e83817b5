"""Issue 6: one table of who may read and change what, checked from each user's side, over the ORM
and over HTTP as a browser or script would (JSON-RPC `call_kw`, `/report/...`, `/web/content`)."""

from odoo import Command
from odoo.tests import HttpCase, JsonRpcException, tagged

from .common import MentoringBillingCase

MENTORING = ("match", "mentee", "agreement", "plan", "goal", "encounter")
AROUND = ("message", "activity", "attachment")
OTHER_APPS = ("project", "task", "sale_line", "invoice_line")

# role -> (what it may read, what it may write) of mentor A's world. Anything not listed: nothing.
EXPECTED = {
    "mentor": ({*MENTORING, *AROUND}, {"agreement", "plan", "goal", "encounter"}),
    # Follower rows of mentoring records: each follower reads their own only.
    "supervisor": ({*MENTORING, *AROUND, "follower"}, set()),
    # The authorisation's project is private to the programme's coordinators (followers).
    "coordinator": ({*MENTORING, *AROUND, "notification", "project", "task"}, {*MENTORING}),
    "mentor_b": (set(), set()),
    "coordinator_b": (set(), set()),
    "hr_mentor": (set(), set()),
    "finance": ({"sale_line", "invoice_line"}, set()),
    "hr": (set(), set()),
    "sales": ({"sale_line", "invoice_line"}, set()),
    # Project users read order lines in Odoo; the authorisation's line names only its reference.
    "project": ({"sale_line"}, set()),
}

# report -> roles that may print it for mentor A's record
REPORTS = {
    "peer_mentoring.report_agreement": ({"mentor", "supervisor", "coordinator"}, "agreement"),
    "peer_mentoring.report_plan": ({"mentor", "supervisor", "coordinator"}, "plan"),
    "peer_mentoring.report_encounter": ({"mentor", "supervisor", "coordinator"}, "encounter"),
    # A mentor's month spans their programmes: the other programme's coordinator prints it, and
    # sees in it only the meetings of their own programme.
    "peer_mentoring.report_monthly_timesheet": (
        {"mentor", "supervisor", "coordinator", "coordinator_b"},
        "sheet",
    ),
    "peer_mentoring.report_service_detail": ({"finance"}, "invoice"),
}


@tagged("post_install", "-at_install")
class TestRoleMatrix(MentoringBillingCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_user.group_ids |= cls.env.ref("sales_team.group_sale_salesman_all_leads")
        cls.project_user = cls.env["res.users"].create(
            {
                "name": "Pat Project",
                "login": "t_project",
                "password": "t_project",
                "group_ids": [Command.set([cls.env.ref("project.group_project_user").id])],
            }
        )
        cls.users = {
            "mentor": cls.mentor_user,
            "supervisor": cls.supervisor_user,
            "coordinator": cls.coordinator_user,
            "mentor_b": cls.mentor_b_user,
            "coordinator_b": cls.coordinator_b_user,
            "hr_mentor": cls.hr_mentor_user,
            "finance": cls.finance_user,
            "hr": cls.hr_user,
            "sales": cls.sales_user,
            "project": cls.project_user,
        }
        billed = cls.billable_encounter(cls, 14.0, 14.75)
        billed.action_confirm()
        cls.invoice_move = cls.invoice(cls, cls.authorization.sale_order_id)
        message = cls.encounter.message_post(
            body="Jamie disclosed something at home",
            message_type="comment",
            partner_ids=cls.coordinator_user.partner_id.ids,
        )
        cls.mentee.message_subscribe(partner_ids=(cls.supervisor_user | cls.coordinator_user).partner_id.ids)
        cls.program.product_id = False
        cls.sheet = cls.env["mentoring.monthly.timesheet"].create(
            {"mentor_id": cls.mentor.id, "month": cls.yesterday}
        )
        cls.targets = {
            "match": cls.match,
            "mentee": cls.mentee,
            "agreement": cls.agreement,
            "plan": cls.plan,
            "goal": cls.goal,
            "encounter": cls.encounter,
            "message": message,
            "activity": cls.encounter.activity_schedule(
                "mail.mail_activity_data_todo", summary="Call Jamie", user_id=cls.coordinator_user.id
            ),
            "attachment": cls.env["ir.attachment"].create(
                {
                    "name": "note.txt",
                    "raw": b"Jamie's letter",
                    "res_model": "mentoring.encounter",
                    "res_id": cls.encounter.id,
                }
            ),
            "notification": message.notification_ids[:1],
            "follower": cls.mentee.message_follower_ids.filtered(
                lambda f: f.partner_id == cls.supervisor_user.partner_id
            ),
            "project": cls.authorization.project_id,
            "task": cls.authorization.task_id,
            "sale_line": cls.authorization.sale_line_id,
            "invoice_line": cls.invoice_move.invoice_line_ids[:1],
            "sheet": cls.sheet,
            "invoice": cls.invoice_move,
        }

    def test_each_role_reads_and_writes_exactly_what_the_table_says(self):
        self.assertTrue(self.targets["notification"] and self.targets["follower"], "fixtures carry mail rows")
        problems = []
        for role, user in self.users.items():
            readable, writable = EXPECTED[role]
            for name in (*MENTORING, *AROUND, "notification", "follower", *OTHER_APPS):
                record = self.targets[name].with_user(user)
                for operation, allowed in (("read", name in readable), ("write", name in writable)):
                    if operation == "write" and name not in MENTORING:
                        continue
                    if record.has_access(operation) != allowed:
                        problems.append(f"{role} {'can' if not allowed else 'cannot'} {operation} {name}")
                if name in readable or name in ("notification", "follower"):
                    continue
                found = self.env[record._name].with_user(user).sudo(False)
                try:
                    hit = found.search([("id", "=", record.id)])
                except Exception:  # noqa: BLE001 - an AccessError on search is also "not found"
                    hit = found.browse()
                if hit:
                    problems.append(f"{role} finds {name} by search")
        self.assertEqual(problems, [])

    def test_records_in_other_apps_carry_neither_name_nor_member_id(self):
        for name in OTHER_APPS:
            text = self.targets[name].display_name + " " + (self.targets[name].sudo()["name"] or "")
            self.assertNotIn("M-12345", text, name)
            self.assertNotIn("Jamie", text, name)

    def test_report_routes_check_the_same_rights_as_the_print_menu(self):
        for report, (allowed, target) in REPORTS.items():
            record = self.targets[target]
            for role, user in self.users.items():
                self.authenticate(user.login, user.login)
                response = self.url_open(f"/report/html/{report}/{record.id}")
                if role in allowed:
                    self.assertEqual(response.status_code, 200, f"{role} prints {report}")
                else:
                    self.assertNotEqual(response.status_code, 200, f"{role} prints {report}")
                if role in ("coordinator", "finance") and role in allowed:
                    self.assertIn("Jamie", response.text, f"{role} prints {report} in full")
                if role not in ("mentor", "supervisor", "coordinator", "finance"):
                    self.assertNotIn("Jamie", response.text, f"{role} reads {report}")
                    self.assertNotIn("M-12345", response.text, f"{role} reads {report}")

    def test_attachments_and_signature_images_over_http(self):
        attachment = self.targets["attachment"]
        for role in ("finance", "mentor_b", "hr", "sales"):
            self.authenticate(self.users[role].login, self.users[role].login)
            response = self.url_open(f"/web/content/{attachment.id}")
            self.assertNotIn(b"Jamie's letter", response.content, role)
        self.authenticate("t_mentor_a", "t_mentor_a")
        self.assertIn(b"Jamie's letter", self.url_open(f"/web/content/{attachment.id}").content)

    def test_rpc_attacks_through_call_kw(self):
        """The web client's own endpoint, with the arguments a curious user would send."""
        draft_b = self.create_encounter(self.match_b, progress=False)

        def call(login, model, method, args, kwargs=None):
            self.authenticate(login, login)
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            )

        attacks = [
            (
                "t_mentor_b",
                "mentoring.encounter",
                "web_save",
                [[draft_b.id], {"goal_id": self.goal.id}],
                {"specification": {"goal_id": {"fields": {"display_name": {}}}}},
            ),
            ("t_mentor_b", "mentoring.encounter", "write", [[draft_b.id], {"mentee_id": self.mentee.id}]),
            (
                "t_mentor_a",
                "mentoring.agreement",
                "write",
                [[self.agreement.id], {"purpose": "changed"}],
                {"context": {"mentoring_document_transition": True}},
            ),
            ("t_mentor_a", "mentoring.encounter", "write", [[self.encounter.id], {"state": "confirmed"}]),
            (
                "t_mentor_a",
                "mentoring.monthly.timesheet",
                "write",
                [[self.sheet.id], {"state": "approved", "approved_by_id": self.coordinator_user.id}],
            ),
            ("t_finance", "mentoring.encounter", "read", [[self.encounter.id], ["date", "notes"]]),
            (
                "t_finance",
                "mentoring.mentee",
                "web_search_read",
                [],
                {"domain": [], "specification": {"name": {}, "member_id": {}}},
            ),
            (
                "t_coordinator_b",
                "mentoring.mentor",
                "write",
                [[self.mentor.id], {"user_id": self.coordinator_b_user.id}],
            ),
            (
                "t_hr_mentor",
                "hr.employee",
                "write",
                [[self.mentor_employee.id], {"user_id": self.hr_mentor_user.id}],
            ),
        ]
        for login, model, method, args, *kwargs in attacks:
            with self.assertRaises(JsonRpcException, msg=f"{login} {model}.{method}"):
                call(login, model, method, args, *kwargs)
        self.env.invalidate_all()
        self.assertFalse(draft_b.goal_id)
        self.assertEqual(draft_b.mentee_id, self.mentee_b)
        self.assertEqual(self.agreement.purpose, "Find paid work")
        self.assertEqual(self.encounter.state, "draft")
        self.assertEqual(self.sheet.state, "draft")
        self.assertEqual(self.mentor.user_id, self.mentor_user)
        self.assertEqual(self.mentor_employee.user_id, self.mentor_user)
        # What the mentor may do still works over the same endpoint.
        call("t_mentor_a", "mentoring.encounter", "write", [[self.encounter.id], {"next_steps": "Bus pass"}])
        self.env.invalidate_all()
        self.assertEqual(self.encounter.next_steps, "Bus pass")
