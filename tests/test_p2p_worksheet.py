from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_p2p import MentoringP2PCase

ROWS = [
    "Intended goal / What do I want to learn?",
    "Learning style",
    "Organisational experience",
    "Programme roles",
    "Individual experience",
    "Resources available (other supports)",
    "Communication and meeting format",
    "Timeline / follow-up",
]


@tagged("post_install", "-at_install")
class TestPlanningWorksheet(MentoringP2PCase):
    """Seed 002's mentoring planning worksheet: topic x mentor notes x mentee notes; the final
    worksheet goes to the programme at completion."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.p2p_match = cls.create_active_p2p_match()

    def new_worksheet(self, user=None):
        return (
            self.env["mentoring.worksheet"]
            .with_user(user or self.org_mentor_user)
            .create({"match_id": self.p2p_match.id})
        )

    def fill(self, worksheet, user=None):
        worksheet = worksheet.with_user(user or self.org_mentor_user)
        goal, style = worksheet.line_ids[:2]
        worksheet.write(
            {
                "line_ids": [
                    Command.update(
                        goal.id,
                        {
                            "mentor_notes": "Share our invoicing calendar",
                            "mentee_notes": "Invoice on time each month",
                        },
                    ),
                    Command.update(style.id, {"mentee_notes": "Learning by doing, with examples"}),
                ]
            }
        )
        return worksheet

    def topic_labels(self, worksheet):
        labels = dict(worksheet.line_ids._fields["topic"]._description_selection(self.env))
        return [labels[line.topic] for line in worksheet.line_ids]

    def test_a_worksheet_has_the_paper_rows_in_order_and_the_match_dates(self):
        worksheet = self.new_worksheet()
        self.assertEqual(self.topic_labels(worksheet), ROWS)
        self.assertEqual(
            (worksheet.date_from, worksheet.date_to), (self.p2p_match.date_start, self.p2p_match.date_end)
        )
        resources = worksheet.line_ids.filtered(lambda line: line.topic == "resources")
        self.assertIn("handbook", resources.mentor_notes)

    def test_both_columns_are_filled_and_the_rows_stay_fixed(self):
        worksheet = self.fill(self.new_worksheet())
        self.assertEqual(worksheet.line_ids[0].mentee_notes, "Invoice on time each month")
        self.assertEqual(worksheet.line_ids[1].mentee_notes, "Learning by doing, with examples")
        self.fill(worksheet, self.coordinator_user)
        with self.assertRefused(UserError, "planning topics are fixed"):
            worksheet.line_ids[0].write({"topic": "timeline"})
        with self.assertRefused(Exception, "one row|unique|topic"):
            worksheet.write({"line_ids": [Command.create({"topic": "goal"})]})
            self.env.flush_all()

    def test_worksheet_pdf_reads_like_the_paper(self):
        worksheet = self.fill(self.new_worksheet())
        text = self.render_pdf_text("peer_mentoring.mentoring_worksheet_report", worksheet)
        for expected in (
            "Mentoring Planning Worksheet",
            "Mentor Northside Employment Services",
            "Mentee Riverbend Workforce Partners",
            "From",
            "To",
            "Planning Topic Mentor Notes Mentee Notes",
            "Share our invoicing calendar",
            "Invoice on time each month",
            # Long row titles wrap in their cell: each row's first words.
            *(" ".join(row.split()[:2]) for row in ROWS),
        ):
            self.assertIn(expected, text)
        self.assertLess(text.index("Intended goal"), text.index("Timeline / follow-up"))

    @freeze_time(datetime(2026, 11, 27, 15, 0))
    def test_the_final_worksheet_is_sent_to_the_coordinators_and_kept_as_sent(self):
        worksheet = self.fill(self.new_worksheet())
        worksheet.action_send_to_programme()
        self.assertEqual((worksheet.state, worksheet.sent_by_id), ("sent", self.org_mentor_user))
        self.assertEqual(worksheet.date_sent, datetime(2026, 11, 27, 15, 0))
        message = worksheet.message_ids.filtered(lambda m: m.attachment_ids)
        self.assertEqual(len(message), 1)
        self.assertEqual(message.partner_ids, self.coordinator_user.partner_id)
        self.assertEqual(message.attachment_ids.res_model, "mentoring.worksheet")
        self.assertEqual(message.attachment_ids.res_id, worksheet.id)
        self.assertIn(b"Share our invoicing calendar", message.attachment_ids.raw)
        self.assertTrue(
            self.env["mail.notification"].search(
                [
                    ("mail_message_id", "=", message.id),
                    ("res_partner_id", "=", self.coordinator_user.partner_id.id),
                ]
            )
        )
        with self.assertRefused(UserError, "kept as it was sent"):
            worksheet.line_ids[0].with_user(self.org_mentor_user).write({"mentor_notes": "changed"})
        with self.assertRefused(UserError, "kept as it was sent"):
            worksheet.with_user(self.coordinator_user).write({"date_to": "2027-01-01"})
        self.assertEqual(worksheet.line_ids[0].mentor_notes, "Share our invoicing calendar")

    def test_completing_the_match_sends_the_worksheet_being_filled_in(self):
        worksheet = self.fill(self.new_worksheet())
        self.document_closure(self.p2p_match)
        wizard = (
            self.env["mentoring.match.close"]
            .with_user(self.coordinator_user)
            .with_context(default_match_ids=self.p2p_match.ids)
            .create({"closure_reason": "planned_end"})
        )
        wizard.action_close()
        self.assertEqual(worksheet.state, "sent")
        self.assertEqual(worksheet.sent_by_id, self.coordinator_user)
        self.assertTrue(worksheet.message_ids.attachment_ids)

    def test_state_and_sending_facts_cannot_be_written(self):
        worksheet = self.new_worksheet()
        for field, value in (("state", "sent"), ("date_sent", "2026-01-01 00:00:00")):
            with self.assertRefused(UserError, "cannot be set directly"):
                worksheet.write({field: value})
        self.assertEqual(worksheet.state, "draft")

    def test_person_to_person_matches_keep_the_individual_plan(self):
        with self.assertRefused(ValidationError, "use the individual plan"):
            self.env["mentoring.worksheet"].create({"match_id": self.match.id})
