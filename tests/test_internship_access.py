"""Who reads and changes internships, their log and evaluations, tried from each denied user's side:
over the ORM, over JSON-RPC (call_kw) and over the report routes. The mentee's evaluation of their
mentor is read by the supervisor, the coordinator, managers and the oversight body only."""

from contextlib import suppress

from freezegun import freeze_time

from odoo.tests import HttpCase, JsonRpcException, tagged

from .common import WebClient
from .common_internship import MentoringInternshipCase

# role -> (what it may read, what it may write). Anything not listed: nothing.
EXPECTED = {
    "intern": ({"internship", "line", "performance", "exit_mentor"}, {"line"}),
    "supervisor": (
        {"internship", "line", "performance", "by_mentee", "exit_mentor", "exit_supervisor"},
        {"internship", "line", "performance", "by_mentee"},
    ),
    "coordinator": (
        {"internship", "line", "performance", "by_mentee", "exit_mentor", "exit_supervisor"},
        {"internship", "line", "performance", "by_mentee", "exit_mentor", "exit_supervisor"},
    ),
    "manager": (
        {"internship", "line", "performance", "by_mentee", "exit_mentor", "exit_supervisor"},
        {"internship", "line", "performance", "by_mentee", "exit_mentor", "exit_supervisor"},
    ),
    "oversight": (
        {"internship", "line", "performance", "by_mentee", "exit_mentor", "exit_supervisor"},
        {"exit_mentor", "exit_supervisor"},
    ),
    "oversight_b": (set(), set()),
    "mentor_b": (set(), set()),
    "coordinator_b": (set(), set()),
    "hr_mentor": (set(), set()),
    "hr": (set(), set()),
    "finance": (set(), set()),
}
TARGETS = ("internship", "line", "performance", "by_mentee", "exit_mentor", "exit_supervisor")
# What the oversight body must never read, though it reads internship files.
AGENCY_RECORDS = (
    "match",
    "mentee",
    "encounter",
    "agreement",
    "plan",
    "authorization",
    "billing_entry",
    "mentor",
)


@tagged("post_install", "-at_install")
class TestInternshipAccess(WebClient, MentoringInternshipCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "intern": cls.intern_user,
            "supervisor": cls.supervisor_user,
            "coordinator": cls.coordinator_user,
            "manager": cls.manager_user,
            "oversight": cls.oversight_user,
            "oversight_b": cls.oversight_b_user,
            "mentor_b": cls.mentor_b_user,
            "coordinator_b": cls.coordinator_b_user,
            "hr_mentor": cls.hr_mentor_user,
            "hr": cls.hr_user,
            "finance": cls.finance_user,
        }
        line = cls.log(cls, 2, "shadowing", days_ago=3)
        cls.meeting(cls, 1, days_ago=2)
        performance = cls.evaluate_performance(cls, 4)
        with freeze_time(cls.today):
            cls.env["mentoring.evaluation"]._cron_propose_evaluations()
        by_mentee = cls.env["mentoring.evaluation"].search(
            [("internship_id", "=", cls.internship.id), ("kind", "=", "mentee_evaluation")]
        )
        by_mentee.answer_ids.filtered(
            lambda a: a.answer_type == "text"
        ).answer = "Casey says: she helps me a lot"
        Evaluation = cls.env["mentoring.evaluation"]
        exits = {
            kind: Evaluation.create(
                {
                    "template_id": cls.env.ref(f"peer_mentoring.template_{kind}").id,
                    "internship_id": cls.internship.id,
                }
            )
            for kind in ("exit_mentor", "exit_supervisor")
        }
        cls.targets = {
            "internship": cls.internship,
            "line": line,
            "performance": performance,
            "by_mentee": by_mentee,
            **exits,
            "match": cls.intern_match,
            "mentee": cls.mentee_c,
            "encounter": cls.intern_match.encounter_ids[:1],
            "agreement": cls.intern_match.agreement_ids[:1],
            "plan": cls.plan,
            "authorization": cls.authorization,
            "billing_entry": cls.env["mentoring.billing.entry"].search([], limit=1),
            "mentor": cls.intern,
        }

    def test_each_role_reads_and_writes_exactly_what_the_table_says(self):
        self.assertTrue(self.targets["by_mentee"] and self.targets["billing_entry"], "fixtures")
        problems = []
        for role, user in self.users.items():
            readable, writable = EXPECTED[role]
            for name in TARGETS:
                record = self.targets[name].with_user(user)
                for operation, allowed in (("read", name in readable), ("write", name in writable)):
                    if record.has_access(operation) != allowed:
                        problems.append(f"{role} {'can' if not allowed else 'cannot'} {operation} {name}")
                if name not in readable:
                    Model = self.env[record._name].with_user(user)
                    try:
                        found = Model.search([("id", "=", record.id)])
                    except Exception:  # noqa: BLE001 - an AccessError on search is also "not found"
                        found = Model.browse()
                    if found:
                        problems.append(f"{role} finds {name} by search")
        self.assertEqual(problems, [])

    def test_the_oversight_body_reads_nothing_else(self):
        for name in AGENCY_RECORDS:
            record = self.targets[name].with_user(self.oversight_user)
            self.assertFalse(record.has_access("read"), name)
        # Through the evaluation: the mentee's name it prints, not the match or the person.
        by_mentee = self.targets["by_mentee"].with_user(self.oversight_user)
        self.assertEqual(by_mentee.mentee_name, "Casey Moreau")
        self.assertNotIn("match_id", by_mentee.fields_get())
        with self.assertRaises(Exception):  # noqa: B017 - AccessError or ValueError: either refuses
            by_mentee.read(["match_id"])

    def test_the_oversight_body_opens_its_app_and_forms(self):
        """Its own app, whose lists and forms open without an access error; not the agency's."""
        visible = self.env["ir.ui.menu"].with_user(self.oversight_user)._visible_menu_ids()
        root = self.env.ref("peer_mentoring.mentoring_oversight_menu_root")
        self.assertIn(root.id, visible)
        self.assertNotIn(self.env.ref("peer_mentoring.mentoring_menu_root").id, visible)
        for menu in root.child_id:
            self.assertIn(menu.id, visible)
            Model = self.env[menu.action.sudo().res_model].with_user(self.oversight_user)
            views = Model.get_views([(False, "list"), (False, "search")])
            arch = self.parse(views["views"]["list"]["arch"])
            found = Model.web_search_read([], {node.get("name"): {} for node in arch.iter("field")})
            self.assertTrue(found["length"], menu.name)
        arch, _descriptions, values = self.open_form(
            self.oversight_user, "mentoring.internship", record=self.internship
        )
        self.assertEqual(values["user_role"], "oversight")
        _arch, _descriptions, values = self.open_form(
            self.oversight_user, "mentoring.evaluation", record=self.targets["by_mentee"]
        )
        self.assertEqual(values["mentee_name"], "Casey Moreau")
        self.assertNotIn("match_id", values)

    def call(self, login, model, method, args, kwargs=None):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw", {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}
        )

    def test_rpc_from_the_denied_side(self):
        by_mentee = self.targets["by_mentee"]
        for login in ("t_intern", "t_mentor_b", "t_finance", "t_hr_officer", "t_hr_mentor", "t_oversight_b"):
            with self.assertRaises(JsonRpcException, msg=login):
                self.call(login, "mentoring.evaluation", "read", [by_mentee.ids, ["name", "average_score"]])
            with self.assertRaises(JsonRpcException, msg=login):
                self.call(
                    login, "mentoring.evaluation.answer", "read", [by_mentee.answer_ids.ids, ["answer"]]
                )
            # Refused outright, or allowed and finding none: both keep the evaluations unseen.
            with suppress(JsonRpcException):
                found = self.call(
                    login,
                    "mentoring.evaluation",
                    "web_search_read",
                    [],
                    {"domain": [("kind", "=", "mentee_evaluation")], "specification": {"mentee_name": {}}},
                )
                self.assertEqual(found["length"], 0, login)
        attacks = [
            ("t_oversight", "mentoring.internship", "write", [self.internship.ids, {"state": "passed"}]),
            (
                "t_oversight",
                "mentoring.internship",
                "write",
                [self.internship.ids, {"oversight_decision": "passed"}],
            ),
            (
                "t_oversight",
                "mentoring.evaluation",
                "write",
                [self.targets["performance"].ids, {"date": "2020-01-01"}],
            ),
            ("t_oversight", "mentoring.encounter", "read", [self.targets["encounter"].ids, ["date"]]),
            (
                "t_oversight",
                "mentoring.mentee",
                "web_search_read",
                [],
                {"domain": [], "specification": {"name": {}}},
            ),
            ("t_oversight", "mentoring.billing.entry", "read", [self.targets["billing_entry"].ids, ["date"]]),
            (
                "t_supervisor",
                "mentoring.internship",
                "write",
                [self.internship.ids, {"supervisor_decision": "passed"}],
            ),
            ("t_intern", "mentoring.internship.line", "write", [self.targets["line"].ids, {"locked": True}]),
            (
                "t_intern",
                "mentoring.evaluation",
                "write",
                [self.targets["performance"].ids, {"state": "draft"}],
            ),
            (
                "t_coordinator",
                "mentoring.internship",
                "_record_decision",
                [self.internship.ids, "oversight", "passed"],
            ),
        ]
        for login, model, method, args, *kwargs in attacks:
            with self.assertRaises(JsonRpcException, msg=f"{login} {model}.{method}"):
                self.call(login, model, method, args, *kwargs)
        self.env.invalidate_all()
        self.assertEqual((self.internship.state, self.internship.oversight_decision), ("in_progress", False))
        self.assertFalse(self.targets["line"].locked)
        # What the oversight body may do works over the same endpoint: its exit interview.
        answer = self.targets["exit_mentor"].answer_ids[0]
        self.call(
            "t_oversight", "mentoring.evaluation.answer", "write", [answer.ids, {"answer": "It was great"}]
        )
        self.env.invalidate_all()
        self.assertEqual(answer.answer, "It was great")

    def test_report_routes_from_the_denied_side(self):
        reports = {
            "peer_mentoring.report_evaluation": (
                self.targets["by_mentee"],
                {"supervisor", "coordinator", "manager", "oversight"},
            ),
            "peer_mentoring.report_internship_file": (
                self.internship,
                {"supervisor", "coordinator", "manager", "oversight"},
            ),
        }
        for report, (record, allowed) in reports.items():
            for role, user in self.users.items():
                self.authenticate(user.login, user.login)
                for kind in ("pdf", "html"):
                    response = self.url_open(f"/report/{kind}/{report}/{record.id}")
                    if role in allowed:
                        self.assertEqual(response.status_code, 200, f"{role} prints {report}")
                    else:
                        self.assertNotEqual(response.status_code, 200, f"{role} prints {report}")
                        self.assertNotIn("Casey", response.text, f"{role} reads {report}")
                        self.assertNotIn("she helps me", response.text, f"{role} reads {report}")
        # The intern prints their own performance evaluation, not what their mentee said.
        self.authenticate("t_intern", "t_intern")
        own = self.url_open(f"/report/pdf/peer_mentoring.report_evaluation/{self.targets['performance'].id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn("Time management", own.text)
        file_ = self.url_open(f"/report/html/peer_mentoring.report_internship_file/{self.internship.id}")
        self.assertNotEqual(file_.status_code, 200)
