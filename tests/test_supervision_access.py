"""Supervision notes are read by the supervisor, the mentor concerned and managers; in a group
session a mentor reads the shared part, never what concerns another mentor. Checked from the
denied side, over the ORM and over HTTP (call_kw, /report/...)."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, JsonRpcException, tagged

from .common_supervision import SupervisionCase


@tagged("post_install", "-at_install")
class TestSupervisionAccess(SupervisionCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outsiders = {
            "another mentor of the same supervisor": cls.mentor_c_user,
            "finance": cls.finance_user,
            "HR officer": cls.hr_user,
            "HR officer who is a mentor": cls.hr_mentor_user,
            "oversight body": cls.oversight_user,
            "programme coordinator": cls.coordinator_user,
        }

    def test_a_group_member_reads_the_shared_part_and_only_their_own_line(self):
        # A request starts with an empty cache: what the set-up cached is not what B reads.
        self.env.invalidate_all()
        session = self.group_session.with_user(self.mentor_b_user)
        self.assertEqual(session.outcomes, "Shared: five ways to answer a late-night call")
        self.assertEqual(session.attendee_ids, self.line_b)
        self.assertIn("Ada Mentor", session.attendee_names, "who was in the room is no secret")
        Lines = self.env["mentoring.supervision.attendee"].with_user(self.mentor_b_user)
        self.assertEqual(Lines.search([]), self.line_b)
        self.assertFalse(Lines.search([("notes", "ilike", "Ada")]))
        self.assertEqual(Lines.search_count([("session_id", "=", self.group_session.id)]), 1)
        with self.assertRaises(AccessError):
            self.line_a.with_user(self.mentor_b_user).read(["notes"])
        exported = Lines.search([]).export_data(["notes"])["datas"]
        self.assertNotIn("About Ada only: feels tired, talk about workload", str(exported))

    def test_the_supervisor_and_managers_read_every_line(self):
        for user in (self.supervisor_user, self.manager_user):
            lines = self.group_session.with_user(user).attendee_ids
            self.assertEqual(lines, self.line_a | self.line_b)
            self.assertTrue(all(lines.mapped("notes")))

    def test_outsiders_read_no_session_line_or_agreement(self):
        records = (self.group_session, self.line_a, self.line_b, self.agreement_s)
        for who, user in self.outsiders.items():
            for record in records:
                self.assertFalse(record.with_user(user).has_access("read"), f"{who} reads {record._name}")
                found = self.env[record._name].with_user(user)
                try:
                    hits = found.search([("id", "=", record.id)])
                except AccessError:
                    hits = found.browse()
                self.assertFalse(hits, f"{who} finds {record._name}")

    def test_a_mentor_reads_their_agreement_and_not_anothers(self):
        self.assertTrue(self.agreement_s.with_user(self.mentor_user).has_access("read"))
        self.assertTrue(self.agreement_s.with_user(self.supervisor_user).has_access("write"))
        self.assertFalse(self.agreement_s.with_user(self.mentor_b_user).has_access("read"))

    def _call(self, login, model, method, args, kwargs=None):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw", {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}
        )

    def test_rpc_from_the_denied_side(self):
        attacks = [
            ("t_mentor_b", "mentoring.supervision.attendee", "read", [[self.line_a.id], ["notes"]]),
            ("t_mentor_b", "mentoring.supervision.attendee", "write", [[self.line_b.id], {"attended": True}]),
            ("t_mentor_b", "mentoring.supervision.attendee", "action_confirm_attendance", [[self.line_a.id]]),
            (
                "t_mentor_b",
                "mentoring.supervision.session",
                "write",
                [[self.group_session.id], {"outcomes": "x"}],
            ),
            (
                "t_mentor_a",
                "mentoring.supervision.agreement",
                "write",
                [[self.agreement_s.id], {"objectives": "x"}],
            ),
            (
                "t_supervisor",
                "mentoring.supervision.attendee",
                "action_confirm_attendance",
                [[self.line_a.id]],
            ),
            ("t_mentor_c", "mentoring.supervision.session", "read", [[self.group_session.id], ["outcomes"]]),
            ("t_finance", "mentoring.supervision.session", "read", [[self.group_session.id], ["outcomes"]]),
            ("t_hr_officer", "mentoring.supervision.attendee", "read", [[self.line_a.id], ["notes"]]),
            ("t_oversight", "mentoring.supervision.session", "read", [[self.group_session.id], ["outcomes"]]),
            (
                "t_oversight",
                "mentoring.supervision.agreement",
                "read",
                [[self.agreement_s.id], ["objectives"]],
            ),
            ("t_coordinator", "mentoring.supervision.attendee", "read", [[self.line_a.id], ["notes"]]),
        ]
        for login, model, method, args in attacks:
            with self.assertRaises(JsonRpcException, msg=f"{login} {model}.{method}"):
                self._call(login, model, method, args)
        self.env.invalidate_all()
        self.assertEqual(self.group_session.attendee_ids.mapped("attended"), [False, False])
        self.assertNotEqual(self.group_session.outcomes, "x")
        self.assertNotEqual(self.agreement_s.objectives, "x")
        # Over the web client's own read, a group member's session lists only their own line.
        result = self._call(
            "t_mentor_b",
            "mentoring.supervision.session",
            "web_read",
            [[self.group_session.id]],
            {"specification": {"outcomes": {}, "attendee_ids": {"fields": {"notes": {}}}}},
        )
        self.assertEqual([line["id"] for line in result[0]["attendee_ids"]], self.line_b.ids)
        self.assertNotIn("About Ada only", str(result))
        # What the mentor may do works over the same endpoint.
        self._call(
            "t_mentor_b", "mentoring.supervision.attendee", "action_confirm_attendance", [self.line_b.ids]
        )
        self.env.invalidate_all()
        self.assertTrue(self.line_b.attended)

    def test_report_route_prints_only_for_the_parties(self):
        self.agreement_s.objectives = "Grow confidence with mentees"
        url = f"/report/pdf/peer_mentoring.report_supervision_agreement/{self.agreement_s.id}"
        html_url = f"/report/html/peer_mentoring.report_supervision_agreement/{self.agreement_s.id}"
        for who, user in {**self.outsiders, "mentor B": self.mentor_b_user}.items():
            self.authenticate(user.login, user.login)
            for route in (url, html_url):
                response = self.url_open(route)
                self.assertNotEqual(response.status_code, 200, f"{who} prints {route}")
                self.assertNotIn(b"Grow confidence", response.content, who)
        for user in (self.mentor_user, self.supervisor_user):
            self.authenticate(user.login, user.login)
            response = self.url_open(html_url)
            self.assertEqual(response.status_code, 200, user.login)
            self.assertIn("Grow confidence", response.text)

    def test_a_supervisor_cannot_hand_notes_to_someone_else(self):
        other_supervisor = self.env["hr.employee"].create(
            {"name": "Other", "user_id": self.coordinator_user.id}
        )
        with self.assertRefused(UserError, "only in your own name"):
            self.group_session.with_user(self.supervisor_user).write({"supervisor_id": other_supervisor.id})
        with self.assertRefused(UserError, "only in your own name"):
            self.agreement_s.with_user(self.supervisor_user).write({"supervisor_id": other_supervisor.id})
        with self.assertRefused(UserError, "only in your own name"):
            self.create_session(self.mentor, supervisor_id=other_supervisor.id)
        other = self.create_session(self.mentor_c)
        with self.assertRefused(UserError, "stays with its session"):
            self.line_a.with_user(self.supervisor_user).write({"session_id": other.id})
        with self.assertRefused(UserError, "cannot be changed"):
            self.line_a.with_user(self.supervisor_user).write({"mentor_id": self.mentor_c.id})
        self.assertEqual(self.group_session.supervisor_id, self.supervisor_employee)

    def test_hr_cannot_take_over_a_former_supervisors_login(self):
        # Sam supervises nobody any more; his sessions are still read through his login.
        (self.mentor | self.mentor_b | self.mentor_c).write({"supervisor_id": False})
        self.hr_user.group_ids |= self.env.ref("peer_mentoring.group_mentor")
        with self.assertRefused(UserError, "keeps supervision records"):
            self.supervisor_employee.with_user(self.hr_user).write({"user_id": self.hr_user.id})
        self.assertEqual(self.supervisor_employee.user_id, self.supervisor_user)
