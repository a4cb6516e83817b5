from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, JsonRpcException, tagged

from .common_safeguarding import SafeguardingCase

CLOSURE = "mentoring.match.closure"
ATTEMPT = "mentoring.match.closure.attempt"


@tagged("post_install", "-at_install")
class TestMatchClosure(SafeguardingCase, HttpCase):
    """MENTOR standard 6: a match closes only once the kind of ending, the talk with each side
    (or the attempts to reach them), the rule for contact afterwards and the rematch decision
    are recorded; coordinators of the programme and managers only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.denied = {
            "mentor of the match": cls.mentor_user,
            "mentor B": cls.mentor_b_user,
            "supervisor": cls.supervisor_user,
            "coordinator of another programme": cls.coordinator_b_user,
            "finance": cls.finance_user,
            "HR officer": cls.hr_user,
            "HR officer and mentor": cls.hr_mentor_user,
            "oversight body": cls.oversight_user,
            "safeguarding lead": cls.lead_user,
        }

    def open_closure(self, match=None, user=None):
        match = (match or self.match).with_user(user or self.coordinator_user)
        action = match.action_open_close_wizard()
        return self.env[CLOSURE].with_user(user or self.coordinator_user).browse(action["res_id"])

    def test_close_button_refuses_until_every_step_is_recorded(self):
        closure = self.open_closure()
        self.assertEqual((closure.match_id, closure.state), (self.match, "draft"))
        self.assertEqual(self.open_closure(), closure, "one closure record per match")
        with self.assertRefused(UserError, "cannot be closed yet") as caught:
            closure.action_close_match()
        for step in (
            "why the match ends",
            "the closure conversation with the mentor",
            "the closure conversation with the mentee",
            "the agreed rule for contact after closure",
            "the rematch decision for the mentee",
        ):
            self.assertIn(step, str(caught.exception))
        closure.write({"closure_reason": "goals_met", "mentor_conversation": "held"})
        self.assertEqual(closure.closure_kind, "planned", "the kind follows the reason")
        with self.assertRefused(UserError, "date of the conversation with the mentor.*short notes"):
            closure.action_close_match()
        closure.write(
            {
                "mentor_talk_date": self.today,
                "mentor_talk_notes": "Proud of what they did together.",
                "mentee_conversation": "declined",
                "contact_rule": "none",
                "rematch_decision": "no",
            }
        )
        with self.assertRefused(UserError, "why the mentee did not want to talk.*reason for the rematch"):
            closure.action_close_match()
        closure.write({"mentee_talk_notes": "Said goodbye by text only.", "rematch_reason": "Goals met."})
        closure.action_close_match()
        self.assertEqual(self.match.state, "closed")
        self.assertEqual((self.match.closure_reason, self.match.date_closed), ("goals_met", self.today))
        self.assertEqual((closure.state, closure.closed_by_id), ("done", self.coordinator_user))
        self.assertEqual(self.match.with_user(self.coordinator_user).closure_id, closure)

    def test_could_not_reach_them_needs_the_attempts_made(self):
        closure = self.document_closure(
            self.match, mentee_conversation="not_reached", closure_reason="conflict"
        )
        closure = closure.with_user(self.coordinator_user)
        self.assertEqual(closure.closure_kind, "early")
        with self.assertRefused(UserError, "attempts made to reach the mentee"):
            closure.action_close_match()
        closure.write(
            {"attempt_ids": [Command.create({"side": "mentor", "date": self.today, "method": "phone"})]}
        )
        with self.assertRefused(UserError, "attempts made to reach the mentee"):
            closure.action_close_match()
        closure.write(
            {"attempt_ids": [Command.create({"side": "mentee", "date": self.today, "method": "letter"})]}
        )
        closure.action_close_match()
        self.assertEqual(self.match.state, "closed")

    def test_a_planned_end_needs_a_planned_reason(self):
        closure = self.document_closure(self.match, closure_reason="conflict").with_user(
            self.coordinator_user
        )
        closure.closure_kind = "planned"
        with self.assertRefused(UserError, "fits a planned end"):
            closure.action_close_match()
        closure.closure_kind = "unwilling"
        closure.action_close_match()
        self.assertEqual(self.match.state, "closed")

    def test_a_talk_cannot_be_dated_in_the_future(self):
        closure = self.document_closure(self.match).with_user(self.coordinator_user)
        with self.assertRaises(ValidationError):
            closure.write({"mentor_talk_date": self.today + timedelta(days=1)})
        closure.write({"mentor_talk_date": self.today})

    def test_every_other_way_of_closing_goes_through_the_closure(self):
        match = self.match.with_user(self.coordinator_user)
        with self.assertRefused(UserError, "Close button"):
            match.write({"state": "closed"})
        with self.assertRefused(UserError, "press Close on the match"):
            match._close("goals_met", "")
        wizard = (
            self.env["mentoring.match.close"]
            .with_user(self.coordinator_user)
            .create({"match_ids": [Command.set(self.match.ids)], "closure_reason": "goals_met"})
        )
        with self.assertRefused(UserError, "press Close on the match"):
            wizard.action_close()
        # The older close screen, once the steps are recorded, closes through the same check.
        self.document_closure(self.match)
        wizard.action_close()
        self.assertEqual(self.match.state, "closed")
        self.assertEqual(self.match.closure_id.state, "done")

    def test_rpc_cannot_write_the_closure_state_or_who_closed(self):
        closure = self.open_closure()
        for vals in ({"state": "done"}, {"closed_by_id": self.manager_user.id}, {"closed_on": self.today}):
            with self.assertRefused(UserError, "cannot be set directly"):
                closure.write(vals)
        with self.assertRefused(UserError, "cannot be set directly"):
            self.env[CLOSURE].with_user(self.coordinator_user).create(
                {"match_id": self.match_b.id, "state": "done"}
            )
        with self.assertRefused(UserError, "stay as they were"):
            closure.write({"match_id": self.match_b.id})
        self.assertEqual(self.match.state, "active")

    def test_closure_is_kept_as_it_is_once_the_match_is_closed(self):
        closure = self.document_closure(
            self.match, mentor_conversation="not_reached", closure_reason="planned_end"
        )
        closure.write({"attempt_ids": [Command.create({"side": "mentor", "method": "email"})]})
        closure.with_user(self.coordinator_user).action_close_match()
        for user in (self.coordinator_user, self.manager_user):
            mine = closure.with_user(user)
            with self.assertRefused(UserError, "can no longer be changed"):
                mine.write({"contact_rule": "free"})
            with self.assertRefused(UserError, "cannot be deleted"):
                mine.unlink()
            with self.assertRefused(UserError, "can no longer be changed"):
                mine.attempt_ids.write({"method": "visit"})
            with self.assertRefused(UserError, "cannot be deleted"):
                mine.attempt_ids.unlink()
            with self.assertRefused(UserError, "can no longer be changed"):
                self.env[ATTEMPT].with_user(user).create(
                    {"closure_id": closure.id, "side": "mentee", "method": "phone"}
                )
        self.assertEqual(closure.contact_rule, "agency")

    def test_feedback_forms_are_proposed_to_each_side_in_draft(self):
        self.program.ask_end_feedback = True
        closure = self.document_closure(self.match, closure_reason="planned_end")
        closure.with_user(self.coordinator_user).action_close_match()
        forms = closure.evaluation_ids
        self.assertEqual(sorted(forms.mapped("kind")), ["feedback_mentee", "feedback_mentor"])
        self.assertEqual(set(forms.mapped("state")), {"draft"})
        self.assertEqual(
            forms.filtered(lambda f: f.kind == "feedback_mentor").activity_user_id, self.mentor_user
        )

    def test_no_feedback_forms_when_the_programme_does_not_use_them(self):
        self.program.ask_end_feedback = False
        closure = self.document_closure(self.match, closure_reason="planned_end")
        closure.with_user(self.coordinator_user).action_close_match()
        self.assertFalse(closure.evaluation_ids)

    def test_rematch_opens_a_proposal_for_another_mentor(self):
        closure = self.document_closure(self.match, closure_reason="conflict", rematch_decision="rematch")
        action = closure.with_user(self.coordinator_user).action_close_match()
        # The ranked Find a mentor screen for the mentee (tests/test_matching_dead_ends.py).
        self.assertEqual(action["res_model"], "mentoring.match.finder")
        finder = self.env["mentoring.match.finder"].browse(action["res_id"])
        self.assertEqual((finder.mentee_id, finder.previous_match_id), (self.mentee, self.match))

    def test_a_coordinator_does_not_close_their_own_match(self):
        self.program.coordinator_ids = [Command.link(self.mentor_user.id)]
        self.mentor_user.group_ids = [Command.link(self.env.ref("peer_mentoring.group_coordinator").id)]
        with self.assertRefused(UserError, "concerns you"):
            self.open_closure(user=self.mentor_user)
        closure = self.document_closure(self.match, closure_reason="planned_end")
        with self.assertRefused(UserError, "concerns you"):
            closure.with_user(self.mentor_user).write({"contact_rule": "free"})
        with self.assertRefused(UserError, "concerns you"):
            closure.with_user(self.mentor_user).action_close_match()
        self.assertEqual(self.match.state, "active")

    def test_denied_roles_over_the_orm(self):
        closure = self.document_closure(self.match, closure_reason="planned_end")
        for role, user in self.denied.items():
            Closure = self.env[CLOSURE].with_user(user)
            try:
                found = Closure.search([])
            except AccessError:
                found = Closure
            self.assertFalse(found, role)
            with self.assertRaises(AccessError, msg=role):
                closure.with_user(user).read(["mentor_talk_notes"])
            with self.assertRaises(UserError, msg=role):
                closure.with_user(user).write({"contact_rule": "free"})
            with self.assertRaises(UserError, msg=role):
                closure.with_user(user).action_close_match()
            with self.assertRaises(UserError, msg=role):
                Closure.create({"match_id": self.match_b.id})
            with self.assertRaises(UserError, msg=role):
                self.match.with_user(user).action_open_close_wizard()
        self.assertEqual(self.match.state, "active")
        self.assertEqual(closure.contact_rule, "agency")

    def test_denied_roles_over_http(self):
        closure = self.document_closure(self.match, closure_reason="planned_end")
        self.env.flush_all()

        def call(login, model, method, args, kwargs=None):
            self.authenticate(login, login)
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            )

        for role, user in self.denied.items():
            for model in (CLOSURE, ATTEMPT):
                try:
                    found = call(user.login, model, "search_read", [[]], {"fields": ["display_name"]})
                except JsonRpcException:
                    found = []
                self.assertFalse(found, f"{role}: {model}")
            for model, method, args, *kwargs in (
                (CLOSURE, "read", [closure.ids, ["mentor_talk_notes"]]),
                (CLOSURE, "write", [closure.ids, {"contact_rule": "free"}]),
                (CLOSURE, "action_close_match", [closure.ids]),
                (CLOSURE, "create", [{"match_id": self.match_b.id}]),
                ("mentoring.match", "write", [self.match.ids, {"state": "closed"}]),
            ):
                with self.assertRaises(JsonRpcException, msg=f"{role}: {model}.{method}"):
                    call(user.login, model, method, args, *kwargs)
            response = self.url_open(f"/report/pdf/peer_mentoring.report_match_closure/{closure.id}")
            self.assertNotEqual(response.status_code, 200, role)
            self.assertNotIn(b"Talked it through", response.content, role)
        # The coordinator writes the state over RPC: refused too, it goes through the closure.
        with self.assertRaises(JsonRpcException):
            call(
                self.coordinator_user.login, "mentoring.match", "write", [self.match.ids, {"state": "closed"}]
            )
        with self.assertRaises(JsonRpcException):
            call(self.coordinator_user.login, CLOSURE, "write", [closure.ids, {"state": "done"}])
        self.env.invalidate_all()
        self.assertEqual((self.match.state, closure.state), ("active", "draft"))
        # And closes it through the closure.
        call(self.coordinator_user.login, CLOSURE, "action_close_match", [closure.ids])
        self.env.invalidate_all()
        self.assertEqual(self.match.state, "closed")

    def test_summary_prints_for_the_coordinator_and_managers(self):
        closure = self.document_closure(
            self.match, closure_reason="planned_end", contact_notes="Cards via us"
        )
        closure.with_user(self.coordinator_user).action_close_match()
        for user in (self.coordinator_user, self.manager_user):
            html, _type = (
                self.env["ir.actions.report"]
                .with_user(user)
                ._render_qweb_html("peer_mentoring.report_match_closure", closure.ids)
            )
            for text in (b"Closure Summary", b"Planned end", b"Only through the agency", b"Cards via us"):
                self.assertIn(text, html, user.login)
