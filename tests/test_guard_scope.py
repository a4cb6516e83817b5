"""Issue 15: what decides who reads a record (its mentor, mentee, match, programme, respondent)
and the dates that decide what it counts stay as they were made; every state that refuses a
write refuses a delete; a wizard links only records its user may read. Tried as the denied
user, over the ORM and over JSON-RPC."""

from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged

from .common_internship import MentoringInternshipCase
from .common_p2p import MentoringP2PCase

FIXED = "stay as they were when it was made"


class CallKw:
    def call(self, login, model, method, args, kwargs=None):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw", {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}
        )


@tagged("post_install", "-at_install")
class TestGuardScopeInternship(CallKw, MentoringInternshipCase, HttpCase):
    def test_a_supervisor_cannot_move_a_started_internship(self):
        internship = self.internship.with_user(self.supervisor_user)
        self.assertTrue(internship.has_access("write"), "the supervisor writes the internship")
        started = self.internship.date_start
        for vals in (
            {"mentor_id": self.mentor.id},
            {"program_id": self.other_program.id},
            {"date_start": started - timedelta(days=200)},
        ):
            with self.assertRefused(UserError, FIXED):
                internship.write(vals)
        self.assertEqual(
            (self.internship.mentor_id, self.internship.program_id, self.internship.date_start),
            (self.intern, self.program, started),
        )
        internship.write({"date_end": self.today + timedelta(days=40)})  # the rest is still theirs

    def test_a_draft_internship_moves_only_where_its_writer_may_still_write_it(self):
        employee = self.env["hr.employee"].create({"name": "Ann Applicant"})
        applicant = self.env["mentoring.mentor"].create(
            {"employee_id": employee.id, "program_ids": [Command.set(self.program.ids)], "state": "applicant"}
        )
        draft = (
            self.env["mentoring.internship"]
            .with_user(self.coordinator_user)
            .create({"mentor_id": applicant.id, "program_id": self.program.id})
        )
        draft.write({"date_start": self.today})  # a draft is still being set up
        with self.assertRefused(AccessError, "."):
            draft.write({"program_id": self.other_program.id})  # not their programme
        self.assertEqual(draft.program_id, self.program)

    def test_a_decided_internship_is_neither_changed_nor_deleted(self):
        self.complete_internship()
        self.decide(self.supervisor_user)
        self.decide(self.oversight_user)
        self.assertEqual(self.internship.state, "passed")
        for user in (self.supervisor_user, self.manager_user):
            with self.assertRefused(UserError, "can no longer be changed"):
                self.internship.with_user(user).write({"date_end": self.today})
        with self.assertRefused(UserError, "cannot be deleted"):
            self.internship.with_user(self.manager_user).unlink()
        self.assertTrue(self.internship.exists())

    def test_a_wizard_links_only_records_its_user_may_read(self):
        # The other programme's oversight officer may decide internships, not this one.
        with self.assertRefused(AccessError, "."):
            self.env["mentoring.internship.decision"].with_user(self.oversight_b_user).create(
                {"internship_id": self.internship.id, "role": "oversight", "decision": "passed"}
            )
        with self.assertRefused(AccessError, "."):
            self.env["mentoring.match.close"].with_user(self.coordinator_b_user).create(
                {"match_ids": [Command.set(self.match.ids)], "closure_reason": "completed"}
            )
        with self.assertRefused(AccessError, "."):
            self.env["mentoring.match.finder"].with_user(self.coordinator_b_user).create(
                {"mentee_id": self.mentee.id, "program_id": self.program.id}
            )

    def test_a_context_default_does_not_set_a_protected_field(self):
        Training = self.env["mentoring.mentor.training"].with_user(self.mentor_user)
        with self.assertRefused(UserError, "cannot be set directly"):
            Training.with_context(default_state="approved").create(
                {"mentor_id": self.mentor.id, "name": "Self-approved", "hours": 3, "state": "approved"}
            )
        training = Training.create({"mentor_id": self.mentor.id, "name": "Submitted", "hours": 3})
        self.assertEqual(training.state, "submitted")
        with self.assertRefused(UserError, FIXED):
            training.with_user(self.coordinator_user).write({"mentor_id": self.mentor_b.id})

    def test_a_submitted_monthly_timesheet_is_not_deleted(self):
        sheet = self.last_months_timesheet()
        sheet.action_submit()
        with self.assertRefused(UserError, "cannot be deleted"):
            sheet.with_user(self.coordinator_user).unlink()
        self.assertTrue(sheet.exists())

    def test_the_guard_costs_the_same_queries_for_5_or_40_records(self):
        lines = self.env["mentoring.internship.line"]
        for day in range(1, 41):
            lines |= self.log(0.5, "shadowing", days_ago=day % 28 + 1)
        counts = []
        for batch in (lines[5:10], lines[:5], lines):  # the first warms the caches
            batch = batch.with_user(self.supervisor_user)
            vals = {"internship_id": self.internship.id, "note": "Reviewed"}
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            batch._check_not_locked(vals)
            batch._check_relational_targets([vals])
            batch._check_scope_fields(vals)
            batch._unlink_unless_locked()
            counts.append(self.cr.sql_log_count - start)
        self.assertEqual(counts[1], counts[2], f"{counts[1]} queries for 5 lines, {counts[2]} for 40")

    def test_only_finance_and_coordinators_set_up_payers(self):
        # Any employee with "Contact Creation" (Odoo's default for new users) edits contacts.
        clerk = new_test_user(
            self.env, login="t_contacts", groups="base.group_user,base.group_partner_manager"
        )
        payer = self.payer.with_user(clerk)
        other_profile = self.profile.copy({"name": "Cheaper rounding", "rounding": "down"})
        for vals in (
            {"mentoring_billing_profile_id": other_profile.id},
            {"is_mentoring_payer": False},
            {"mentoring_payer_code": "99999"},
        ):
            with self.assertRefused(UserError, "Only finance and the mentoring coordinators"):
                payer.write(vals)
        with self.assertRefused(UserError, "Only finance and the mentoring coordinators"):
            self.env["res.partner"].with_user(clerk).create({"name": "New plan", "is_mentoring_payer": True})
        payer.write({"phone": "555-0100"})  # the rest of the contact is still theirs
        self.env["res.partner"].with_user(clerk).create({"name": "A plain contact"})
        self.payer.with_user(self.coordinator_user).write({"mentoring_payer_code": "SUN01"})
        self.assertEqual(self.payer.mentoring_billing_profile_id, self.env["mentoring.billing.profile"])

    def test_rpc_supervisor_cannot_move_a_started_internship(self):
        for vals in ({"program_id": self.other_program.id}, {"date_start": "2020-01-01"}):
            with self.assertRaises(JsonRpcException, msg=vals) as caught:
                self.call("t_supervisor", "mentoring.internship", "write", [self.internship.ids, vals])
            self.assertIn("odoo.exceptions.UserError", str(caught.exception))
        self.env.invalidate_all()
        self.assertEqual(self.internship.program_id, self.program)


@tagged("post_install", "-at_install")
class TestGuardScopeP2P(CallKw, MentoringP2PCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.p2p_match = cls.create_active_p2p_match()
        Survey = cls.env["mentoring.knowledge.survey"].with_user(cls.org_mentor_user)
        cls.survey = Survey.create(
            {"respondent": "mentor", "mentor_id": cls.org_mentor.id, "program_id": cls.p2p_program.id}
        )

    def test_a_mentor_cannot_turn_their_strengths_survey_into_a_needs_survey(self):
        survey = self.survey.with_user(self.org_mentor_user)
        self.assertTrue(self.org_mentee.with_user(self.org_mentor_user).has_access("read"), "their mentee")
        with self.assertRefused(UserError, FIXED):
            survey.write({"respondent": "mentee", "mentee_id": self.org_mentee.id, "mentor_id": False})
        with self.assertRefused(UserError, FIXED):
            survey.write({"mentee_id": self.org_mentee.id})
        self.assertEqual(
            (self.survey.respondent, self.survey.mentee_id), ("mentor", self.org_mentee.browse())
        )
        self.assertFalse(self.org_mentee._knowledge_needs(), "no needs stated by the mentee organisation")
        survey.write({"communication": "email"})  # the answers are still theirs to write

    def sent_worksheet(self):
        worksheet = (
            self.env["mentoring.worksheet"]
            .with_user(self.org_mentor_user)
            .create({"match_id": self.p2p_match.id})
        )
        worksheet.action_send_to_programme()
        self.assertEqual(worksheet.state, "sent")
        return worksheet

    def test_a_sent_worksheet_cannot_be_deleted(self):
        worksheet = self.sent_worksheet()
        for user in (self.org_mentor_user, self.coordinator_user):
            with self.assertRefused(UserError, "kept as it was sent"):
                worksheet.with_user(user).unlink()
        self.assertTrue(worksheet.exists())

    def test_rpc_survey_respondent_switch_and_sent_worksheet_delete_are_refused(self):
        worksheet = self.sent_worksheet()
        attempts = [
            ("mentoring.knowledge.survey", "write", [self.survey.ids, {"respondent": "mentee"}]),
            ("mentoring.knowledge.survey", "write", [self.survey.ids, {"mentee_id": self.org_mentee.id}]),
            ("mentoring.worksheet", "unlink", [worksheet.ids]),
        ]
        for model, method, args in attempts:
            with self.assertRaises(JsonRpcException, msg=(model, method)) as caught:
                self.call("t_org_mentor", model, method, args)
            self.assertIn("odoo.exceptions.UserError", str(caught.exception))
        self.env.invalidate_all()
        self.assertEqual(self.survey.respondent, "mentor")
        self.assertTrue(worksheet.exists())
