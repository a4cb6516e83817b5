from odoo.tests import tagged

from .common_p2p import MentoringP2PCase


@tagged("post_install", "-at_install")
class TestStrengthsMeetNeeds(MentoringP2PCase):
    """Seed 002: a mentee organisation's needs are met by a mentor organisation's knowledge
    strengths on the same topics. Points = weight × Σ min(strength, need) / Σ need."""

    def survey(self, respondent, who, levels):
        survey = self.env["mentoring.knowledge.survey"].create(
            {"respondent": respondent, f"{respondent}_id": who.id, "program_id": self.p2p_program.id}
        )
        for line, level in zip(survey.line_ids, levels, strict=False):
            line.level = level
        return survey

    def test_organisation_programmes_weigh_strengths_against_needs(self):
        criterion = self.p2p_program.sudo().match_criterion_ids.filtered(lambda c: c.code == "strengths")
        self.assertEqual(criterion.weight, 4, "organisation programmes start with the strengths criterion")
        # Needs: 3 on the first topic, 2 on the second (5 in all).
        self.survey("mentee", self.org_mentee, ["3", "2"])
        # Northside: 3 and 1 -> min 3 + 1 = 4 of 5; Eastgate: 1 and 3 -> 1 + 2 = 3 of 5.
        self.survey("mentor", self.org_mentor, ["3", "1"])
        self.survey("mentor", self.org_mentor_b, ["1", "3", "3"])
        pool, candidates, excluded = self.env["mentoring.matching"]._rank(
            self.p2p_program, self.org_mentee, self.org_mentor | self.org_mentor_b
        )
        self.assertFalse(excluded)
        scores = {pool.mentors[col]: score for col, score in candidates}
        # Nothing else is stated by the mentee organisation, so the score is the strengths' points.
        self.assertAlmostEqual(scores[self.org_mentor], 4 * 4 / 5)
        self.assertAlmostEqual(scores[self.org_mentor_b], 4 * 3 / 5)
        self.assertEqual(pool.mentors[candidates[0][0]], self.org_mentor, "the stronger match ranks first")
        explanation = criterion._explain(self.org_mentee, self.org_mentor, 0.8)
        self.assertIn("1 of 2 topics needed", explanation)
        self.assertIn(self.topics[0].name, explanation)

    def test_no_needs_stated_gives_no_points_either_way(self):
        self.survey("mentor", self.org_mentor, ["3", "3"])
        pool, candidates, _excluded = self.env["mentoring.matching"]._rank(
            self.p2p_program, self.org_mentee, self.org_mentor
        )
        self.assertEqual(candidates[0][1], 0)
