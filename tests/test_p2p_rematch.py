from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import WebClient
from .common_p2p import MentoringP2PCase


@tagged("post_install", "-at_install")
class TestRematch(WebClient, MentoringP2PCase):
    """Seed 001: a link that does not work is ended without blame, and another mentor may be
    allocated; the issue: "rematch gets someone else"."""

    def close(self, match, reason, **vals):
        self.document_closure(match)
        wizard = (
            self.env["mentoring.match.close"]
            .with_user(self.coordinator_user)
            .with_context(default_match_ids=match.ids)
            .create({"closure_reason": reason, **vals})
        )
        return wizard, wizard.action_close()

    def finder(self, action):
        self.assertEqual(action["res_model"], "mentoring.match.finder")
        return self.env["mentoring.match.finder"].with_user(self.coordinator_user).browse(action["res_id"])

    def test_closing_for_a_conflict_opens_the_ranked_screen_without_the_previous_mentor(self):
        match = self.create_active_p2p_match()
        wizard, action = self.close(match, "conflict", closure_note="We agreed to stop.")
        self.assertTrue(wizard.offers_rematch)
        finder = self.finder(action)
        self.assertEqual((finder.mentee_id, finder.program_id), (self.org_mentee, self.p2p_program))
        self.assertIn(self.org_mentor_b, finder.candidate_ids.mentor_id)
        self.assertNotIn(self.org_mentor, finder.candidate_ids.mentor_id)
        left_out = finder.excluded_ids.filtered(lambda line: line.mentor_id == self.org_mentor)
        self.assertIn("conflict", left_out.reasons)
        line = finder.candidate_ids.filtered(lambda line: line.mentor_id == self.org_mentor_b)
        new = self.env["mentoring.match"].browse(line.action_propose()["res_id"])
        self.assertEqual(new.previous_match_id, match)

    def test_the_same_mentor_is_refused_for_the_rematch_in_words_that_blame_nobody(self):
        match = self.create_active_p2p_match()
        self.close(match, "no_fault_opt_out", opt_out_party="both")
        Match = self.env["mentoring.match"].with_user(self.coordinator_user)
        with self.assertRefused(
            ValidationError, "have already worked together. Choose another mentor for a fresh start"
        ):
            Match.create(
                {
                    "mentor_id": self.org_mentor.id,
                    "mentee_id": self.org_mentee.id,
                    "program_id": self.p2p_program.id,
                }
            )

    def test_planned_endings_offer_no_rematch(self):
        match = self.create_active_p2p_match()
        wizard, action = self.close(match, "goals_met")
        self.assertFalse(wizard.offers_rematch)
        self.assertEqual(action["type"], "ir.actions.act_window_close")
        self.assertFalse(match.mentee_id._ended_in_rematch_mentors())

    def test_the_wizard_words_blame_nobody(self):
        arch = self.env["mentoring.match.close"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("nobody's failure", arch)
        for word in ("fault of", "failed", "blame"):
            self.assertNotIn(word, arch.lower())

    def test_person_to_person_matches_rematch_too(self):
        wizard, action = self.close(self.match, "conflict", closure_note="Different approaches.")
        self.assertEqual(self.finder(action).mentee_id, self.mentee)
        self.assertIn(self.mentor, self.mentee._ended_in_rematch_mentors())
