"""Issue 19: who must not read a concern reads nothing of it: not the record, not a count, not a
search, not its chatter, activities, attachments or followers, over the ORM or over HTTP."""

import base64
import json

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, JsonRpcException, tagged

from .common_safeguarding import SafeguardingCase

SECRET = "Kept-secret-words"
CONCERN = "mentoring.safeguarding.concern"
NOTIFICATION = "mentoring.safeguarding.notification"


@tagged("post_install", "-at_install")
class TestSafeguardingAccess(SafeguardingCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.concern = cls._raise_as(cls.mentor_user, cls.type_allegation, match_id=cls.match.id)
        # The lead names mentor A; the concern gets a note, a file and the lead's activities.
        cls.concern.with_user(cls.lead_user).write({"subject_mentor_id": cls.mentor.id})
        cls.concern.with_user(cls.lead_user).message_post(body=f"<p>{SECRET} in the chatter</p>")
        cls.attachment = (
            cls.env["ir.attachment"]
            .with_user(cls.lead_user)
            .create(
                {
                    "name": "statement.txt",
                    "res_model": CONCERN,
                    "res_id": cls.concern.id,
                    "datas": base64.b64encode(f"{SECRET} in the file".encode()),
                }
            )
        )
        cls.notification = cls.concern.notification_ids
        cls.denied = {
            "raiser (mentor A)": cls.mentor_user,
            "mentor B": cls.mentor_b_user,
            "supervisor, not the raiser": cls.supervisor_user,
            "coordinator of the programme": cls.coordinator_user,
            "coordinator of another programme": cls.coordinator_b_user,
            "finance": cls.finance_user,
            "HR officer": cls.hr_user,
            "HR officer and mentor": cls.hr_mentor_user,
            "oversight body": cls.oversight_user,
        }
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def _raise_as(cls, user, concern_type, **vals):
        screen = (
            cls.env["mentoring.safeguarding.raise"]
            .with_user(user)
            .create({"type_id": concern_type.id, "description": f"{SECRET} in the description", **vals})
        )
        screen.action_submit()
        return cls.env[CONCERN].search([("name", "=", screen.concern_reference)])

    def assertSeesNothing(self, call, msg):
        """Refused outright, or an empty answer: either way nothing of the concern."""
        try:
            result = call()
        except (UserError, JsonRpcException):
            return
        self.assertFalse(result, msg)

    def test_fixture_is_what_the_lead_reads(self):
        """The records the attacks aim at exist and the lead reads them in full."""
        as_lead = self.concern.with_user(self.lead_user)
        self.assertIn(SECRET, as_lead.description)
        self.assertEqual(self.mentor.state, "suspended")
        self.assertTrue(self.notification)
        self.assertTrue(as_lead.activity_ids)
        self.assertIn(
            self.attachment,
            self.env["ir.attachment"].with_user(self.lead_user).search([("res_model", "=", CONCERN)]),
        )
        self.assertTrue(
            self.env["mail.message"]
            .with_user(self.lead_user)
            .search([("model", "=", CONCERN), ("body", "ilike", SECRET)])
        )
        self.assertIn(
            self.concern, self.env[CONCERN].with_user(self.manager_user).search([]), "managers are leads"
        )

    def test_denied_roles_over_the_orm(self):
        for role, user in self.denied.items():
            for model, record in ((CONCERN, self.concern), (NOTIFICATION, self.notification)):
                Model = self.env[model].with_user(user)
                calls = {
                    "search": lambda M=Model: M.search([]),
                    "search_count": lambda M=Model: M.search_count([]),
                    "read": lambda r=record, u=user: r.with_user(u).read(["display_name"]),
                    "web_read": lambda r=record, u=user: r.with_user(u).web_read({"display_name": {}}),
                    "web_search_read": lambda M=Model: M.web_search_read([], {"display_name": {}}),
                    "name_search": lambda M=Model: M.name_search(""),
                    "formatted_read_group": lambda M=Model: M.formatted_read_group(
                        [], ["company_id"], ["__count"]
                    ),
                    "export_data": lambda r=record, u=user: r.with_user(u).export_data(["display_name"]),
                    "write": lambda r=record, u=user: r.with_user(u).write({"display_name": "x"}),
                }
                for name, call in calls.items():
                    with self.assertRaises(UserError, msg=f"{role}: {model}.{name}"):
                        call()
            # Around the record: chatter, activities, attachments, followers.
            env = self.env(user=user)
            for model, domain in (
                ("mail.message", [("model", "=", CONCERN)]),
                ("mail.message", [("body", "ilike", SECRET)]),
                ("mail.message", [("body", "ilike", "SG-")]),
                ("mail.message", [("subject", "ilike", "SG-")]),
                ("mail.activity", [("res_model", "=", CONCERN)]),
                ("mail.activity", [("summary", "ilike", "LADO")]),
                ("ir.attachment", [("res_model", "=", CONCERN)]),
                ("ir.attachment", [("name", "=", "statement.txt")]),
                ("mail.followers", [("res_model", "=", CONCERN)]),
                ("mail.notification", [("mail_message_id.model", "=", CONCERN)]),
            ):
                self.assertSeesNothing(
                    lambda M=env[model], d=domain: M.search(d), f"{role}: {model} {domain}"
                )
            with self.assertRaises(AccessError, msg=role):
                self.attachment.with_user(user).read(["datas"])
            with self.assertRaises(UserError, msg=role):
                self.concern.with_user(user).message_post(body="hello")
            self.assertSeesNothing(
                lambda u=user: self.concern.with_user(u).message_subscribe(partner_ids=u.partner_id.ids), role
            )
            self.assertNotIn(user.partner_id, self.concern.message_partner_ids, role)
            with self.assertRaises(UserError, msg=role):
                self.concern.with_user(user).action_close()
        self.assertEqual(self.concern.message_partner_ids, self.lead_user.partner_id, "only the lead follows")

    def test_raise_screen_is_its_authors_only(self):
        screen = (
            self.env["mentoring.safeguarding.raise"]
            .with_user(self.mentor_user)
            .create({"type_id": self.type_safety.id, "description": f"{SECRET} on the screen"})
        )
        for user in (self.mentor_b_user, self.coordinator_user, self.supervisor_user):
            Raise = self.env["mentoring.safeguarding.raise"].with_user(user)
            self.assertFalse(Raise.search([("id", "=", screen.id)]), user.login)
            with self.assertRaises(AccessError, msg=user.login):
                screen.with_user(user).read(["description"])
            with self.assertRaises(AccessError, msg=user.login):
                screen.with_user(user).action_submit()
        self.assertEqual(screen.state, "draft")

    def test_denied_roles_over_http(self):
        def call(login, model, method, args, kwargs=None):
            self.authenticate(login, login)
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            )

        for role, user in self.denied.items():
            attacks = [
                (CONCERN, "search_read", [[]], {"fields": ["description"]}),
                (CONCERN, "search_count", [[]]),
                (CONCERN, "read", [[self.concern.id], ["description"]]),
                (CONCERN, "web_read", [[self.concern.id]], {"specification": {"description": {}}}),
                (CONCERN, "name_search", [""]),
                (CONCERN, "formatted_read_group", [[], ["type_id"], ["__count"]]),
                (CONCERN, "message_post", [[self.concern.id]], {"body": "hello"}),
                (CONCERN, "write", [[self.concern.id], {"lead_notes": "x"}]),
                (CONCERN, "unlink", [[self.concern.id]]),
                (
                    CONCERN,
                    "create",
                    [{"type_id": self.type_safety.id, "description": "x", "raised_by_id": user.id}],
                ),
                (NOTIFICATION, "search_read", [[]], {"fields": ["recipient", "reference"]}),
                (NOTIFICATION, "search_count", [[("is_overdue", "=", True)]]),
            ]
            for model, method, args, *kwargs in attacks:
                with self.assertRaises(JsonRpcException, msg=f"{role}: {model}.{method}"):
                    call(user.login, model, method, args, *kwargs)
            # Around the record, as the web client asks for it.
            for model, method, args, kwargs in (
                ("mail.message", "search_read", [[("model", "=", CONCERN)]], {"fields": ["body"]}),
                ("mail.activity", "search_read", [[("res_model", "=", CONCERN)]], {"fields": ["summary"]}),
                ("ir.attachment", "search_read", [[("res_model", "=", CONCERN)]], {"fields": ["name"]}),
                (
                    "mail.followers",
                    "search_read",
                    [[("res_model", "=", CONCERN)]],
                    {"fields": ["partner_id"]},
                ),
            ):
                self.assertSeesNothing(
                    lambda m=model, me=method, a=args, k=kwargs, lg=user.login: call(lg, m, me, a, k),
                    f"{role}: {model}",
                )
            response = self.url_open(f"/web/content/{self.attachment.id}")
            self.assertNotIn(SECRET.encode(), response.content, role)
            try:
                fetched = self.make_jsonrpc_request(
                    "/mail/thread/messages", {"thread_model": CONCERN, "thread_id": self.concern.id}
                )
            except JsonRpcException:
                fetched = {}
            self.assertNotIn(SECRET, json.dumps(fetched), role)
            self.assertNotIn(self.concern.name, json.dumps(fetched), role)

    def test_lead_reads_over_http(self):
        self.authenticate(self.lead_user.login, self.lead_user.login)
        result = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": CONCERN, "method": "search_read", "args": [[]], "kwargs": {"fields": ["description"]}},
        )
        self.assertIn(SECRET, result[0]["description"])
        self.assertIn(SECRET.encode(), self.url_open(f"/web/content/{self.attachment.id}").content)
