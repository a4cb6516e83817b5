"""Supervision (issue 9, seed 004): the agreement both sign, sessions with one mentor or a group,
attendance each attendee confirms for themselves, and the PDF."""

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_supervision import SupervisionCase


@tagged("post_install", "-at_install")
class TestSupervisionAgreement(SupervisionCase):
    def test_agreement_carries_seed_004_contents_and_the_stage_cadence(self):
        agreement = self.agreement_s
        for field in (
            "objectives",
            "cancellation",
            "confidentiality",
            "confidentiality_limits",
            "record_keeping",
            "supervisor_responsibilities",
            "mentor_responsibilities",
            "review_date",
        ):
            self.assertTrue(agreement[field], field)
        self.assertIn("mandatory", agreement.confidentiality_limits.replace("must be reported", "mandatory"))
        # No rule set on the programme: the rule set's own default for a certified mentor.
        default = self.env["mentoring.certification.rule"].default_get(["supervision_days_certified"])
        self.assertEqual(agreement.frequency_days, default["supervision_days_certified"])
        rule = self.env["mentoring.certification.rule"].create(
            {"name": "Six weeks", "supervision_days_intern": 14, "supervision_days_certified": 42}
        )
        self.program.certification_rule_id = rule
        other = self.env["mentoring.supervision.agreement"].create(
            {"mentor_id": self.mentor_c.id, "supervisor_id": self.supervisor_employee.id}
        )
        self.assertEqual(other.frequency_days, 14, "Cleo is an intern")

    def test_each_party_signs_only_for_themselves(self):
        as_supervisor = self.agreement_s.with_user(self.supervisor_user)
        as_mentor = self.agreement_s.with_user(self.mentor_user)
        with self.assertRefused(UserError, "cannot sign for the mentor"):
            as_supervisor.write({"mentor_signed_on": self.yesterday})
        with self.assertRefused(UserError, "cannot sign for the supervisor"):
            as_mentor.write({"supervisor_signed_on": self.yesterday})
        with self.assertRefused(UserError, "supervisor writes the supervision agreement"):
            as_mentor.write({"objectives": "No more supervision"})
        with self.assertRefused(UserError, "Fill in: the supervisor's signature, the mentor's signature"):
            as_supervisor.action_sign()
        as_mentor.write({"mentor_signed_on": self.yesterday})
        as_supervisor.write({"supervisor_signed_on": self.yesterday})
        as_supervisor.action_sign()
        self.assertEqual(self.agreement_s.state, "signed")

    def test_a_signed_agreement_is_renegotiated_as_a_new_version(self):
        self.agreement_s.write({"mentor_signed_on": self.yesterday, "supervisor_signed_on": self.yesterday})
        self.agreement_s.action_sign()
        as_supervisor = self.agreement_s.with_user(self.supervisor_user)
        with self.assertRefused(UserError, "signed and can no longer be changed"):
            as_supervisor.write({"frequency_days": 60})
        with self.assertRefused(UserError, "can no longer be changed|cannot be set directly"):
            as_supervisor.write({"state": "draft"})
        with self.assertRefused(UserError, "kept as a record"):
            self.agreement_s.unlink()
        action = as_supervisor.action_new_version()
        new = self.env["mentoring.supervision.agreement"].browse(action["res_id"])
        self.assertEqual((new.version, new.state, new.previous_id), (2, "draft", self.agreement_s))
        self.assertFalse(new.mentor_signed_on, "a new version is signed again")
        new.with_user(self.supervisor_user).write({"frequency_days": 21, "supervisor_signed_on": self.today})
        new.with_user(self.mentor_user).write({"mentor_signed_on": self.today})
        new.with_user(self.supervisor_user).action_sign()
        self.assertEqual(self.agreement_s.state, "superseded")

    def test_the_agreement_prints_like_the_paper_form(self):
        self.agreement_s.write({"mentor_signed_on": self.yesterday, "supervisor_signed_on": self.yesterday})
        report = self.env.ref("peer_mentoring.mentoring_supervision_agreement_report")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.mentor_user)
            ._render_qweb_html(report.report_name, self.agreement_s.ids)[0]
            .decode()
        )
        for text in (
            "Supervision Agreement",
            "Sam Supervisor",
            "Ada Mentor",
            "Objectives of supervision",
            "Cancelling a session",
            "limits of confidentiality",
            "Record keeping",
            "The peer mentor",
            "Review and renegotiation",
            "Room 2",
        ):
            self.assertIn(text, html)
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report.report_name, self.agreement_s.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))


@tagged("post_install", "-at_install")
class TestSupervisionSession(SupervisionCase):
    def test_each_attendee_confirms_their_own_attendance(self):
        self.line_a.with_user(self.mentor_user).action_confirm_attendance()
        self.assertTrue(self.line_a.attended)
        self.assertFalse(self.line_b.attended)
        self.group_session.with_user(self.mentor_b_user).action_confirm_my_attendance()
        self.assertTrue(self.line_b.attended)
        with self.assertRefused(UserError, "already confirmed"):
            self.line_a.with_user(self.mentor_user).action_confirm_attendance()

    def test_nobody_confirms_for_someone_else(self):
        with self.assertRefused(AccessError, "."):
            self.line_b.with_user(self.mentor_user).action_confirm_attendance()
        with self.assertRefused(UserError, "Only Ben Mentor can confirm"):
            self.line_b.with_user(self.supervisor_user).action_confirm_attendance()
        with self.assertRefused(UserError, "cannot be set directly|writes their own reflection"):
            self.line_a.with_user(self.mentor_user).write({"attended": True})
        with self.assertRefused(UserError, "cannot be set directly"):
            self.line_b.with_user(self.supervisor_user).write({"attended": True})
        with self.assertRefused(UserError, "not listed as attending"):
            self.group_session.with_user(self.mentor_c_user).action_confirm_my_attendance()
        self.assertEqual(self.group_session.attendee_ids.mapped("attended"), [False, False])

    def test_attendance_is_confirmed_only_once_the_session_is_held(self):
        planned = self.create_session(self.mentor, date=self.today)
        with self.assertRefused(UserError, "once the supervisor has marked the session held"):
            planned.attendee_ids.with_user(self.mentor_user).action_confirm_attendance()
        future = self.create_session(self.mentor, date=self.today.replace(year=self.today.year + 1))
        with self.assertRefused(UserError, "has not happened yet"):
            future.with_user(self.supervisor_user).action_mark_held()
        with self.assertRefused(UserError, "Only the session's supervisor"):
            planned.with_user(self.mentor_user).action_mark_held()

    def test_mark_as_held_says_what_is_missing_and_the_form_leads_to_the_attendees(self):
        empty = self.create_session(self.env["mentoring.mentor"])
        with self.assertRefused(
            UserError, "Nobody is listed as attending yet: on the tab “Peer mentors”, add"
        ):
            empty.with_user(self.supervisor_user).action_mark_held()
        self.assertEqual(empty.state, "planned")
        # On the form, the button waits for the attendees and a hint says where to add them.
        arch = etree.fromstring(
            self.env["mentoring.supervision.session"]
            .with_user(self.supervisor_user)
            .get_view(view_type="form")["arch"]
        )
        (button,) = arch.xpath("//button[@name='action_mark_held']")
        self.assertIn("not attendee_ids", button.get("invisible"))
        (hint,) = arch.xpath("//div[contains(@class, 'o_pm_add_attendees_hint')]")
        self.assertIn("Peer mentors", "".join(hint.itertext()))
        self.assertTrue(hint.get("invisible").endswith("or attendee_ids"))
        self.assertTrue(arch.xpath("//page[@string='Peer mentors']//field[@name='attendee_ids']"))

    def test_a_group_needs_two_mentors_and_an_individual_session_one(self):
        lonely = self.create_session(self.mentor, session_type="group")
        with self.assertRefused(ValidationError, "at least two peer mentors"):
            lonely.with_user(self.supervisor_user).action_mark_held()
        crowded = self.create_session(self.mentor | self.mentor_c)
        with self.assertRefused(ValidationError, "exactly one attendee"):
            crowded.with_user(self.supervisor_user).action_mark_held()

    def test_a_held_session_keeps_who_attended_but_takes_notes(self):
        as_supervisor = self.group_session.with_user(self.supervisor_user)
        with self.assertRefused(UserError, "stay as they were"):
            as_supervisor.write({"date": self.today})
        with self.assertRefused(UserError, "stay as they were"):
            as_supervisor.write({"attendee_ids": [Command.create({"mentor_id": self.mentor_c.id})]})
        with self.assertRefused(UserError, "kept as a record"):
            as_supervisor.unlink()
        as_supervisor.write(
            {
                "action_plan": "Each tries one idea",
                "attendee_ids": [Command.update(self.line_a.id, {"notes": "Follow up on workload"})],
            }
        )
        self.assertEqual(self.line_a.notes, "Follow up on workload")

    def test_the_supervisor_writes_notes_and_the_mentor_their_reflection(self):
        self.line_a.with_user(self.mentor_user).write({"mentor_reflection": "I felt heard"})
        self.assertEqual(self.line_a.mentor_reflection, "I felt heard")
        with self.assertRefused(UserError, "Supervisor's notes"):
            self.line_a.with_user(self.mentor_user).write({"notes": "All fine"})
        with self.assertRefused(UserError, "My reflection"):
            self.line_a.with_user(self.supervisor_user).write({"mentor_reflection": "Put words in her mouth"})
        with self.assertRefused(AccessError, "."):
            self.group_session.with_user(self.mentor_user).write({"outcomes": "Changed by a mentor"})

    def test_a_supervisor_lists_only_mentors_they_may_read(self):
        self.mentor_c.supervisor_id = False
        with self.assertRefused(AccessError, "."):
            self.create_session(self.mentor_c)
