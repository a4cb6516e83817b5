from odoo.tests import HttpCase, tagged

from .common_p2p import MentoringP2PCase


@tagged("post_install", "-at_install")
class TestP2PWorksheetTour(MentoringP2PCase, HttpCase):
    """A mentor organisation fills in the planning worksheet by clicking, in a browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.p2p_match = cls.create_active_p2p_match()
        cls.env.flush_all()

    def test_mentor_organisation_fills_in_and_sends_the_worksheet(self):
        self.start_tour("/odoo", "peer_mentoring_p2p_worksheet_tour", login=self.org_mentor_user.login)
        worksheet = self.env["mentoring.worksheet"].search([("match_id", "=", self.p2p_match.id)])
        self.assertEqual(len(worksheet), 1)
        self.assertEqual(worksheet.create_uid, self.org_mentor_user)
        goal, style = worksheet.line_ids[:2]
        self.assertEqual(
            (goal.mentor_notes, goal.mentee_notes),
            ("Share our invoicing calendar", "Invoice on time each month"),
        )
        self.assertEqual(style.mentee_notes, "Learning by doing")
        self.assertEqual((worksheet.state, worksheet.sent_by_id), ("sent", self.org_mentor_user))
        self.assertEqual(
            worksheet.message_ids.filtered("attachment_ids").partner_ids, self.coordinator_user.partner_id
        )

    def test_mentor_organisation_answers_the_knowledge_survey(self):
        self.start_tour("/odoo", "peer_mentoring_p2p_survey_tour", login=self.org_mentor_user.login)
        survey = self.env["mentoring.knowledge.survey"].search([("mentor_id", "=", self.org_mentor.id)])
        self.assertEqual(len(survey), 1)
        self.assertEqual(len(survey.line_ids), 13)
        invoicing, outreach = (
            self.topics[0],
            self.topics.filtered(lambda t: t.name == "Outreach and marketing"),
        )
        self.assertEqual(self.org_mentor._knowledge_strengths(), {invoicing.id: 3, outreach.id: 1})
        self.assertEqual(
            (
                survey.hours_per_month,
                survey.communication,
                survey.communication_other,
                survey.additional_info,
            ),
            ("1_2", "other", "Video calls", "We run two sites"),
        )
        self.assertEqual(survey.program_id, self.p2p_program)
