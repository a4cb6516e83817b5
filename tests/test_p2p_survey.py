import re

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_p2p import MentoringP2PCase


@tagged("post_install", "-at_install")
class TestKnowledgeSurvey(MentoringP2PCase):
    """Seed 002's peer mentoring survey: 13 topics rated 1-3, hours, communication."""

    def survey(self, respondent="mentor", who=None, levels=(), user=None, **vals):
        who = who or (self.org_mentor if respondent == "mentor" else self.org_mentee)
        Survey = self.env["mentoring.knowledge.survey"].with_user(user or self.coordinator_user)
        survey = Survey.create(
            {"respondent": respondent, f"{respondent}_id": who.id, "program_id": self.p2p_program.id, **vals}
        )
        for line, level in zip(survey.line_ids, levels, strict=False):
            line.level = level
        return survey

    def test_a_new_survey_lists_the_thirteen_topics_of_the_form_in_order(self):
        survey = self.survey()
        names = survey.line_ids.topic_id.mapped("name")
        self.assertEqual(len(names), 13)
        self.assertEqual(names[0], "Your agency's invoicing process")
        self.assertEqual(names[-1], "Internal review for contract compliance")
        self.assertIn("Outreach and marketing", names)
        self.assertFalse(
            any(survey.line_ids.mapped("level")), "nothing is rated until the respondent rates it"
        )

    def test_strengths_and_needs_come_from_the_latest_survey(self):
        self.survey(levels=["1"] * 13, date="2026-01-10")
        latest = self.survey(levels=["3", "2", False, "1"], date="2026-03-10")
        self.survey("mentee", levels=["3", False, "2"])
        invoicing, match_funds, budget, cost = self.topics[:4]
        strengths = self.org_mentor._knowledge_strengths()
        self.assertEqual(strengths, {invoicing.id: 3, match_funds.id: 2, cost.id: 1})
        self.assertEqual(self.org_mentee._knowledge_needs(), {invoicing.id: 3, budget.id: 2})
        self.assertEqual(self.org_mentor_b._knowledge_strengths(), {}, "no survey, no strengths")
        batch = (self.org_mentor | self.org_mentor_b)._knowledge_strengths_batch()
        self.assertEqual(batch, {self.org_mentor.id: strengths, self.org_mentor_b.id: {}})
        self.assertEqual(latest.line_ids[0].level, "3")

    def test_mentor_organisation_fills_in_its_own_survey(self):
        survey = self.survey(
            user=self.org_mentor_user, levels=["2", "3"], hours_per_month="1_2", communication="email"
        )
        self.assertEqual(survey.create_uid, self.org_mentor_user)
        self.assertEqual(self.org_mentor._knowledge_strengths(), {self.topics[0].id: 2, self.topics[1].id: 3})
        with self.assertRefused(AccessError, "Peer Mentor|Knowledge Strengths Survey"):
            self.survey(who=self.org_mentor, user=self.org_mentor_b_user)
        with self.assertRefused(UserError, "topics are fixed"):
            survey.line_ids[0].with_user(self.org_mentor_user).write({"topic_id": self.topics[5].id})

    def test_only_organisation_programmes_have_the_survey(self):
        with self.assertRefused(ValidationError, "person-to-person programme"):
            self.env["mentoring.knowledge.survey"].create(
                {"respondent": "mentor", "mentor_id": self.mentor.id, "program_id": self.program.id}
            )

    def test_one_respondent_and_other_communication_spelled_out(self):
        with self.assertRefused(ValidationError, "either by a mentor organisation"):
            self.survey(mentee_id=self.org_mentee.id)
        with self.assertRefused(ValidationError, "either by a mentor organisation"):
            self.env["mentoring.knowledge.survey"].create(
                {"respondent": "mentee", "program_id": self.p2p_program.id}
            )
        with self.assertRefused(ValidationError, "which other way"):
            self.survey(communication="other")
        self.assertEqual(
            self.survey(communication="other", communication_other="Video call").communication_other,
            "Video call",
        )

    def test_survey_pdf_reads_like_the_paper_form(self):
        survey = self.survey(
            levels=["3", "1"],
            hours_per_month="1_5",
            communication="face_to_face",
            additional_info="We run two sites",
        )
        text = self.render_pdf_text("peer_mentoring.mentoring_knowledge_survey_report", survey)
        for expected in (
            "Peer Mentoring Survey",
            "Tell us about your knowledge strengths",
            "1 being low – 3 being high",
            "Northside Employment Services",
            "Your agency's invoicing process",
            "Internal review for contract compliance",
            "How many hours per month could you dedicate to being a mentor or mentee?",
            "1-2 hours per month",
            "1-5 hours per month",
            "Which method of communication do you prefer?",
            "Face-to-face meetings",
            "Is there any additional information you would like to share?",
            "We run two sites",
        ):
            self.assertIn(expected, text)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("peer_mentoring.mentoring_knowledge_survey_report", survey.ids)[0]
            .decode()
        )
        self.assertRegex(html, r'<span class="pm-box">X</span>1-5 hours per month')
        self.assertRegex(html, r'<span class="pm-box"></span>1-2 hours per month')
        first_row = re.search(r"invoicing process</td>(.*?)</tr>", html, re.S).group(1)
        self.assertEqual(re.findall(r'<span class="pm-box">(X?)</span>', first_row), ["", "", "X"])

    def test_mentee_needs_survey_prints_as_needs(self):
        survey = self.survey("mentee", levels=["2"])
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("peer_mentoring.mentoring_knowledge_survey_report", survey.ids)[0]
            .decode()
        )
        self.assertIn("Tell us what you would like to learn", html)
        self.assertIn("Riverbend Workforce Partners", html)

    def test_survey_copies_its_ratings(self):
        survey = self.survey(levels=["2"])
        copy = survey.copy()
        self.assertEqual(copy.line_ids.mapped("level")[0], "2")
        self.assertEqual(len(copy.line_ids), 13)
        self.assertNotEqual(copy.line_ids, survey.line_ids)
