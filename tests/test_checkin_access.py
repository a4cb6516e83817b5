"""Issue 19.2: staff check-ins are read and written by the coordinators of the match's
programme and managers, read by the supervisors of the match's mentor; the mentor, the mentee,
other coordinators, finance, HR officers, the oversight body and the safeguarding lead read
nothing of them, over the ORM or over HTTP. A "yes" to the safety question raises a concern only
the lead reads."""

import json

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, JsonRpcException, tagged

from .common_checkin import CheckinCase

CHECKIN = "mentoring.checkin"
SECRET = "Kept-between-staff"


@tagged("post_install", "-at_install")
class TestCheckinAccess(CheckinCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.checkin = (
            cls.env[CHECKIN]
            .with_user(cls.coordinator_user)
            .create(
                {
                    "match_id": cls.match.id,
                    "who": "mentee",
                    "duration_minutes": 15,
                    "method": "phone",
                    "relationship_rating": "2",
                    "activities": f"{SECRET}: the mentor is often late",
                    "safety_concern": "no",
                }
            )
        )
        cls.checkin.action_record()
        cls.checkin.with_user(cls.coordinator_user).message_post(body=f"<p>{SECRET} in the chatter</p>")
        cls.denied = {
            "mentor of the match": cls.mentor_user,
            "mentor B": cls.mentor_b_user,
            "coordinator of another programme": cls.coordinator_b_user,
            "finance": cls.finance_user,
            "HR officer": cls.hr_user,
            "HR officer and mentor": cls.hr_mentor_user,
            "oversight body": cls.oversight_user,
            "safeguarding lead": cls.lead_user,
        }
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    def test_denied_roles_read_nothing_orm(self):
        for role, user in self.denied.items():
            Checkin = self.env[CHECKIN].with_user(user)
            try:
                found = Checkin.search([])
                count = Checkin.search_count([])
            except AccessError:
                found, count = Checkin, 0
            self.assertFalse(found, role)
            self.assertEqual(count, 0, role)
            with self.assertRaises(AccessError, msg=role):
                self.checkin.with_user(user).read(["activities"])
            # AccessError is a UserError: refused by the rights, or by the check of who acts.
            with self.assertRaises(UserError, msg=role):
                self.checkin.with_user(user).write({"activities": "changed"})
            with self.assertRaises(UserError, msg=role):
                Checkin.create({"match_id": self.match.id, "who": "mentor"})
            messages = self.env["mail.message"].with_user(user).search([("model", "=", CHECKIN)])
            self.assertFalse(messages, role)

    def test_the_mentor_does_not_read_check_ins_through_the_match(self):
        match = self.match.with_user(self.mentor_user)
        with self.assertRaises(AccessError):
            match.read(["checkin_ids"])
        with self.assertRaises(AccessError):
            match.read(["checkin_due_date"])

    def test_supervisor_reads_and_does_not_write(self):
        checkin = self.checkin.with_user(self.supervisor_user)
        self.assertIn(SECRET, checkin.activities)
        self.assertEqual(self.env[CHECKIN].with_user(self.supervisor_user).search([]), self.checkin)
        with self.assertRaises(AccessError):
            self.env[CHECKIN].with_user(self.supervisor_user).create({"match_id": self.match.id})
        with self.assertRaises(UserError):
            checkin.write({"goal_progress": "x"})
        with self.assertRaises(UserError):
            checkin.action_record()
        # Mentor B is nobody's supervisee: their match's check-ins are not the supervisor's.
        checkin_b, _action = self.record_checkin(match=self.match_b)
        with self.assertRaises(AccessError):
            checkin_b.with_user(self.supervisor_user).read(["activities"])

    def test_supervisor_reads_nothing_of_a_cancelled_match(self):
        match = self.create_match(self.mentor, self.create_mentee("Sky Cancelled"))
        match.action_introduce()
        checkin, _action = self.record_checkin(match=match)
        self.assertTrue(checkin.with_user(self.supervisor_user).has_access("read"))
        match.action_cancel()
        self.assertFalse(checkin.with_user(self.supervisor_user).has_access("read"))

    def test_coordinator_who_is_the_mentor_reads_nothing_of_their_match(self):
        user, own_match = self.coordinator_mentor_match()
        checkin, _action = self.record_checkin(match=own_match)
        Checkin = self.env[CHECKIN].with_user(user)
        self.assertFalse(Checkin.search([("match_id", "=", own_match.id)]))
        with self.assertRaises(AccessError):
            checkin.with_user(user).read(["activities"])
        with self.assertRaises(UserError):
            Checkin.create({"match_id": own_match.id, "who": "mentee"})
        with self.assertRaises(UserError):
            own_match.with_user(user).action_new_checkin()
        # Their colleague's match, in the programme they coordinate, is theirs to check in on.
        checkin_b, _action = self.record_checkin(match=self.match_b, user=user)
        self.assertEqual(checkin_b.state, "done")
        self.assertIn(self.checkin, Checkin.search([]))

    def test_recorded_check_in_is_locked_except_for_a_manager(self):
        with self.assertRefused(UserError, "can no longer be changed"):
            self.checkin.with_user(self.coordinator_user).write({"activities": "changed"})
        with self.assertRefused(UserError, "cannot be deleted"):
            self.checkin.with_user(self.coordinator_user).unlink()
        with self.assertRefused(UserError, "cannot be set directly"):
            self.checkin.with_user(self.coordinator_user).write({"state": "draft"})
        with self.assertRefused(UserError, "stay as they were"):
            self.checkin.with_user(self.manager_user).write({"date": self.yesterday})
        self.checkin.with_user(self.manager_user).write({"goal_progress": "Corrected by the manager"})
        self.assertEqual(self.checkin.goal_progress, "Corrected by the manager")
        with self.assertRefused(UserError, "cannot be deleted"):
            self.checkin.with_user(self.manager_user).unlink()
        # A draft is the coordinator's to delete.
        draft = self.env[CHECKIN].with_user(self.coordinator_user).create({"match_id": self.match.id})
        draft.unlink()

    def test_a_coordinator_who_leaves_the_programme_stops_following(self):
        checkin = self.checkin.sudo()
        self.assertIn(self.coordinator_user.partner_id, checkin.message_partner_ids)
        self.program.coordinator_ids = [Command.set(self.coordinator_b_user.ids)]
        self.env.invalidate_all()
        self.assertNotIn(self.coordinator_user.partner_id, checkin.message_partner_ids)

    def test_check_ins_are_not_made_through_the_match(self):
        with self.assertRefused(UserError, "cannot be set directly"):
            self.match.with_user(self.coordinator_user).write(
                {"checkin_ids": [Command.create({"who": "mentor", "date": self.today})]}
            )

    def test_form_offers_the_answers_only_to_who_may_save_them(self):
        self.assertFalse(self.checkin.with_user(self.coordinator_user).user_may_change_answers)
        self.assertFalse(self.checkin.with_user(self.supervisor_user).user_may_change_answers)
        self.assertTrue(self.checkin.with_user(self.manager_user).user_may_change_answers)
        draft = self.env[CHECKIN].with_user(self.coordinator_user).create({"match_id": self.match.id})
        self.assertTrue(draft.user_may_change_answers)

    def test_record_needs_the_answers(self):
        draft = self.env[CHECKIN].with_user(self.coordinator_user).create({"match_id": self.match.id})
        with self.assertRefused(UserError, "Answer these"):
            draft.action_record()
        self.assertEqual(draft.state, "draft")

    def test_safety_yes_raises_a_concern_only_the_lead_reads(self):
        checkin, action = self.record_checkin(safety_concern="yes")
        self.assertEqual(action["res_model"], "mentoring.safeguarding.raise")
        self.assertFalse(checkin.concern_raised)
        screen = (
            self.env["mentoring.safeguarding.raise"]
            .with_user(self.coordinator_user)
            .with_context(**action["context"])
            .create({"type_id": self.type_safety.id, "description": "The mentee said she is scared at home"})
        )
        self.assertEqual((screen.match_id, screen.checkin_id), (self.match, checkin))
        screen.action_submit()
        self.assertTrue(checkin.concern_raised)
        concern = self.env["mentoring.safeguarding.concern"].search([("name", "=", screen.concern_reference)])
        self.assertEqual(concern.match_id, self.match)
        self.assertIn("scared", concern.with_user(self.lead_user).description)
        for user in (self.coordinator_user, self.supervisor_user, self.mentor_user):
            with self.assertRaises(AccessError, msg=user.login):
                concern.with_user(user).read(["description"])
        # The check-in keeps that a concern was raised, never what it says.
        values = json.dumps(checkin.read()[0], default=str)
        self.assertNotIn("scared", values)
        messages = checkin.message_ids.mapped("body")
        self.assertFalse([m for m in messages if "scared" in m or concern.name in m])
        # Once raised, not a second time from the check-in.
        with self.assertRefused(UserError, "only when the answer"):
            checkin.with_user(self.coordinator_user).action_raise_concern()

    def test_a_concern_cannot_be_pinned_on_a_check_in_of_another_match(self):
        checkin_b, _action = self.record_checkin(match=self.match_b, safety_concern="yes")
        screen = (
            self.env["mentoring.safeguarding.raise"]
            .with_user(self.coordinator_user)
            .create(
                {
                    "type_id": self.type_safety.id,
                    "description": "x",
                    "match_id": self.match.id,
                    "checkin_id": checkin_b.id,
                }
            )
        )
        with self.assertRefused(UserError, "does not belong to this match"):
            screen.action_submit()
        self.assertFalse(checkin_b.concern_raised)
        # A mentor cannot point the screen at a check-in at all.
        with self.assertRaises(AccessError):
            self.env["mentoring.safeguarding.raise"].with_user(self.mentor_user).create(
                {"type_id": self.type_safety.id, "description": "x", "checkin_id": checkin_b.id}
            )

    def test_denied_roles_over_http(self):
        def call(login, model, method, args, kwargs=None):
            self.authenticate(login, login)
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            )

        for role, user in self.denied.items():
            for method, args, kwargs in (
                ("search_read", [[]], {"fields": ["activities"]}),
                ("read", [[self.checkin.id], ["activities"]], {}),
                ("web_read", [[self.checkin.id]], {"specification": {"activities": {}}}),
                ("write", [[self.checkin.id], {"activities": "x"}], {}),
                ("action_record", [[self.checkin.id]], {}),
                ("create", [{"match_id": self.match.id, "who": "mentor"}], {}),
            ):
                try:
                    result = call(user.login, CHECKIN, method, args, kwargs)
                except JsonRpcException:
                    continue
                self.assertNotIn(SECRET, json.dumps(result), f"{role}: {method}")
                self.assertFalse(result, f"{role}: {method}")
            for method, args, kwargs in (
                ("search_count", [[]], {}),
                ("name_search", [""], {}),
                ("formatted_read_group", [[], ["who"], ["__count"]], {}),
            ):
                try:
                    result = call(user.login, CHECKIN, method, args, kwargs)
                except JsonRpcException:
                    continue
                self.assertFalse(result, f"{role}: {method}")
            try:
                messages = call(
                    user.login,
                    "mail.message",
                    "search_read",
                    [[("model", "=", CHECKIN)]],
                    {"fields": ["body"]},
                )
            except JsonRpcException:
                messages = []
            self.assertNotIn(SECRET, json.dumps(messages), role)
            # The mentor's match form asks for the check-ins: refused, not empty.
            if user == self.mentor_user:
                with self.assertRaises(JsonRpcException):
                    call(
                        user.login,
                        "mentoring.match",
                        "web_read",
                        [[self.match.id]],
                        {"specification": {"checkin_ids": {"fields": {"activities": {}}}}},
                    )

    def test_coordinator_and_supervisor_over_http(self):
        self.authenticate(self.coordinator_user.login, self.coordinator_user.login)
        result = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": CHECKIN, "method": "search_read", "args": [[]], "kwargs": {"fields": ["activities"]}},
        )
        self.assertIn(SECRET, result[0]["activities"])
        self.authenticate(self.supervisor_user.login, self.supervisor_user.login)
        result = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": CHECKIN, "method": "search_read", "args": [[]], "kwargs": {"fields": ["activities"]}},
        )
        self.assertIn(SECRET, result[0]["activities"])
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": CHECKIN,
                    "method": "write",
                    "args": [[self.checkin.id], {"goal_progress": "x"}],
                    "kwargs": {},
                },
            )
