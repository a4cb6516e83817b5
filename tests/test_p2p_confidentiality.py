"""Provider-to-provider records from the side of those who must not read them: the mentor
organisation of another match, finance, the coordinator of another programme. Over the ORM and
over HTTP (JSON-RPC call_kw, /report/..., /web/content), as a curious user would try."""

from contextlib import suppress

from odoo import Command
from odoo.exceptions import AccessError
from odoo.service.model import call_kw
from odoo.tests import HttpCase, JsonRpcException, tagged

from .common_p2p import MentoringP2PCase


@tagged("post_install", "-at_install")
class TestP2PConfidentiality(MentoringP2PCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.p2p_match = cls.create_active_p2p_match()
        cls.other_mentee = cls.create_mentee("Harbour Jobs Alliance", program=cls.p2p_program)
        cls.other_p2p_match = cls.create_active_p2p_match(cls.org_mentor_b, cls.other_mentee)
        Survey = cls.env["mentoring.knowledge.survey"]
        cls.needs = Survey.create(
            {
                "respondent": "mentee",
                "mentee_id": cls.org_mentee.id,
                "program_id": cls.p2p_program.id,
                "additional_info": "Riverbend's audit finding",
            }
        )
        cls.needs.line_ids[0].level = "3"
        cls.strengths = Survey.create(
            {
                "respondent": "mentor",
                "mentor_id": cls.org_mentor.id,
                "program_id": cls.p2p_program.id,
                "additional_info": "Northside's staffing gap",
            }
        )
        cls.worksheet = cls.env["mentoring.worksheet"].create({"match_id": cls.p2p_match.id})
        cls.worksheet.line_ids[0].write({"mentee_notes": "Riverbend's late invoices"})
        cls.worksheet_sent = cls.env["mentoring.worksheet"].create({"match_id": cls.p2p_match.id})
        cls.worksheet_sent.line_ids[0].write({"mentor_notes": "Riverbend's cash flow"})
        cls.worksheet_sent._send_to_programme()
        cls.attachment = cls.worksheet_sent.message_ids.attachment_ids
        cls.finance_user.group_ids |= cls.env.ref("base.group_allow_export")
        for user in (cls.org_mentor_b_user, cls.coordinator_b_user):
            user.group_ids |= cls.env.ref("base.group_allow_export")
        cls.denied = {
            "mentor_b": cls.org_mentor_b_user,
            "finance": cls.finance_user,
            "coordinator_b": cls.coordinator_b_user,
            "mentor_of_person": cls.mentor_user,
        }
        cls.records = {
            "needs": cls.needs,
            "strengths": cls.strengths,
            "needs_line": cls.needs.line_ids[0],
            "worksheet": cls.worksheet,
            "worksheet_line": cls.worksheet.line_ids[0],
        }
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    def test_denied_users_find_and_read_nothing_over_the_orm(self):
        problems = []
        for role, user in self.denied.items():
            for name, record in self.records.items():
                Model = self.env[record._name].with_user(user)
                try:
                    found = Model.search([("id", "=", record.id)])
                    counted = Model.search_count([])
                    names = Model.name_search("")
                except AccessError:
                    continue
                if found or counted or names:
                    problems.append(f"{role} finds {name}")
                with suppress(AccessError):
                    record.with_user(user).read(["display_name"])
                    problems.append(f"{role} reads {name}")
                with suppress(AccessError):
                    call_kw(Model, "web_read", [[record.id]], {"specification": {"display_name": {}}})
                    problems.append(f"{role} web_reads {name}")
        self.assertEqual(problems, [])

    def test_denied_users_cannot_export_group_or_write(self):
        for role, user in self.denied.items():
            Survey = self.env["mentoring.knowledge.survey"].with_user(user)
            try:
                exported = Survey.search([]).export_data(["additional_info", "line_ids/level"])["datas"]
                groups = Survey.formatted_read_group([], ["mentee_id"], ["__count"])
            except AccessError:
                continue
            self.assertNotIn("audit", str(exported), role)
            self.assertEqual(groups, [], role)
        for role, user in self.denied.items():
            with self.assertRaises(AccessError, msg=role):
                self.worksheet.line_ids[0].with_user(user).write({"mentee_notes": "overwritten"})
            with self.assertRaises(AccessError, msg=role):
                self.needs.with_user(user).write({"additional_info": "overwritten"})
        self.env.invalidate_all()
        self.assertEqual(self.worksheet.line_ids[0].mentee_notes, "Riverbend's late invoices")

    def test_another_mentor_cannot_attach_a_survey_or_worksheet_to_someone_elses_match(self):
        with self.assertRaises(AccessError):
            self.env["mentoring.worksheet"].with_user(self.org_mentor_b_user).create(
                {"match_id": self.p2p_match.id}
            )
        with self.assertRaises(AccessError):
            self.env["mentoring.knowledge.survey.line"].with_user(self.org_mentor_b_user).create(
                {"survey_id": self.needs.id, "topic_id": self.topics[0].id}
            )
        own = (
            self.env["mentoring.worksheet"]
            .with_user(self.org_mentor_b_user)
            .create({"match_id": self.other_p2p_match.id})
        )
        with self.assertRaises(Exception):  # noqa: B017 - refused, by rights or by the guard
            own.write({"line_ids": [Command.link(self.worksheet.line_ids[0].id)]})

    def test_the_parties_and_coordinator_read_what_is_theirs(self):
        mentor = self.org_mentor_user
        self.assertEqual(self.needs.with_user(mentor).additional_info, "Riverbend's audit finding")
        self.assertEqual(
            self.worksheet.with_user(mentor).line_ids[0].mentee_notes, "Riverbend's late invoices"
        )
        self.assertEqual(
            self.env["mentoring.knowledge.survey"].with_user(self.coordinator_user).search_count([]), 2
        )
        # The mentee organisation's needs are the mentor's to read only while they are matched.
        self.assertFalse(
            self.env["mentoring.knowledge.survey"]
            .with_user(self.org_mentor_b_user)
            .search([("respondent", "=", "mentee")])
        )

    def test_rpc_reads_and_writes_are_refused(self):
        def call(login, model, method, args, kwargs=None):
            self.authenticate(login, login)
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            )

        for login in ("t_org_mentor_b", "t_finance"):
            for model, record in (
                ("mentoring.knowledge.survey", self.needs),
                ("mentoring.worksheet", self.worksheet),
                ("mentoring.worksheet.line", self.worksheet.line_ids[0]),
            ):
                with self.assertRaises(JsonRpcException, msg=f"{login} reads {model}"):
                    call(login, model, "read", [[record.id], ["display_name"]])
                try:
                    found = call(
                        login,
                        model,
                        "web_search_read",
                        [],
                        {"domain": [], "specification": {"display_name": {}}},
                    )
                except JsonRpcException:
                    continue
                self.assertEqual(found["length"], 0, f"{login} lists {model}")
        with self.assertRaises(JsonRpcException):
            call(
                "t_org_mentor_b",
                "mentoring.match",
                "write",
                [[self.p2p_match.id], {"opt_out_told_on": "2026-01-01 00:00:00"}],
            )
        with self.assertRaises(JsonRpcException):
            call(
                "t_org_mentor",
                "mentoring.match",
                "write",
                [[self.p2p_match.id], {"opt_out_told_on": "2026-01-01 00:00:00"}],
            )
        with self.assertRaises(JsonRpcException):
            call("t_org_mentor", "mentoring.worksheet", "write", [[self.worksheet.id], {"state": "sent"}])
        self.env.invalidate_all()
        self.assertFalse(self.p2p_match.opt_out_told_on)
        self.assertEqual(self.worksheet.state, "draft")

    def test_reports_and_the_sent_worksheet_file_over_http(self):
        for login in ("t_org_mentor_b", "t_finance", "t_coordinator_b"):
            self.authenticate(login, login)
            for report, record in (
                ("peer_mentoring.report_worksheet", self.worksheet),
                ("peer_mentoring.report_knowledge_survey", self.needs),
            ):
                response = self.url_open(f"/report/html/{report}/{record.id}")
                self.assertNotEqual(response.status_code, 200, f"{login} prints {report}")
                self.assertNotIn("Riverbend", response.text, login)
            response = self.url_open(f"/web/content/{self.attachment.id}")
            self.assertNotIn(b"cash flow", response.content, login)
        self.authenticate("t_coordinator", "t_coordinator")
        self.assertIn(b"cash flow", self.url_open(f"/web/content/{self.attachment.id}").content)
        response = self.url_open(f"/report/html/peer_mentoring.report_worksheet/{self.worksheet.id}")
        self.assertIn("late invoices", response.text)

    def test_a_cancelled_relationship_drops_the_mentor_from_the_worksheet_followers(self):
        match = self.create_match(
            self.org_mentor_b,
            self.create_mentee("Bayside Careers", program=self.p2p_program),
            program=self.p2p_program,
        )
        match.action_introduce()
        worksheet = (
            self.env["mentoring.worksheet"].with_user(self.org_mentor_b_user).create({"match_id": match.id})
        )
        self.assertIn(self.org_mentor_b_user.partner_id, worksheet.message_partner_ids)
        match.with_user(self.coordinator_user).action_cancel()
        self.assertNotIn(self.org_mentor_b_user.partner_id, worksheet.sudo().message_partner_ids)
        with self.assertRaises(AccessError):
            worksheet.with_user(self.org_mentor_b_user).read(["name"])

    def test_the_opt_out_wizard_does_not_carry_another_match_name(self):
        Wizard = self.env["mentoring.match.opt.out"].with_user(self.org_mentor_b_user)
        with self.assertRaises(AccessError):
            Wizard.create({"match_id": self.p2p_match.id, "party": "mentor"})
        own = Wizard.create({"match_id": self.other_p2p_match.id, "party": "mentor"})
        self.assertIn("Harbour", own.match_id.display_name)
