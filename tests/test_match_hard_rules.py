"""No side doors around the matching engine: the hard rules it excludes mentors with are asked
by every other way a match is made or moved on (Matches → New, the kanban, a change of mentor,
reopening, an import, JSON-RPC), each tried as the coordinator who must be refused."""

from datetime import timedelta

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, HttpCase, JsonRpcException, tagged

from .common_matching import MentoringMatchingBillingCase, MentoringMatchingCase

NOT_TO_BE_MATCHED = "Declared dual relationship or conflict of interest"


class HardRuleMixin:
    def new_match_form(self, mentor, mentee=None):
        """Matches → New, filled in and saved by the coordinator as the form does it."""
        form = Form(self.env["mentoring.match"].with_user(self.coordinator_user))
        form.program_id = self.program
        form.mentee_id = mentee or self.seeker
        form.mentor_id = mentor
        return form.save()

    def propose(self, mentor, mentee=None, **vals):
        return (
            self.env["mentoring.match"]
            .with_user(self.coordinator_user)
            .create(
                {
                    "mentor_id": mentor.id,
                    "mentee_id": (mentee or self.seeker).id,
                    "program_id": self.program.id,
                    **vals,
                }
            )
        )

    def declare_not_to_be_matched(self, mentee, mentor):
        mentee.with_user(self.coordinator_user).write(
            {"dual_relationship_mentor_ids": [Command.link(mentor.id)]}
        )

    def seeker_matches(self):
        return (
            self.env["mentoring.match"]
            .with_context(active_test=False)
            .search([("mentee_id", "=", self.seeker.id)])
        )


@tagged("post_install", "-at_install")
class TestHandMadeMatchesAskTheHardRules(HardRuleMixin, MentoringMatchingCase):
    def test_matches_new_refuses_a_mentor_the_mentee_is_not_to_be_matched_with(self):
        self.declare_not_to_be_matched(self.seeker, self.mentor)
        with self.assertRefused(
            ValidationError, f"Ada Mentor cannot be proposed for a new match: {NOT_TO_BE_MATCHED}"
        ):
            self.new_match_form(self.mentor)
        with self.assertRefused(ValidationError, "Casey Morgan is not to be matched with Ada Mentor"):
            self.propose(self.mentor)
        self.assertFalse(self.seeker_matches())
        # Another mentor is fine.
        self.assertEqual(self.new_match_form(self.mentor_b).state, "draft")

    def test_the_list_on_the_mentors_profile_counts_too(self):
        self.mentor_b.with_user(self.coordinator_user).write(
            {"dual_relationship_mentee_ids": [Command.link(self.seeker.id)]}
        )
        with self.assertRefused(ValidationError, NOT_TO_BE_MATCHED):
            self.propose(self.mentor_b)

    def test_changing_a_proposals_mentor_asks_the_rules_again(self):
        self.declare_not_to_be_matched(self.seeker, self.mentor)
        proposal = self.propose(self.mentor_b)
        with self.assertRefused(ValidationError, NOT_TO_BE_MATCHED):
            proposal.with_user(self.coordinator_user).write({"mentor_id": self.mentor.id})
        self.assertEqual(proposal.mentor_id, self.mentor_b)

    def test_kanban_refuses_to_introduce_a_pair_declared_not_to_be_matched_after_the_proposal(self):
        proposal = self.propose(self.mentor)
        self.declare_not_to_be_matched(self.seeker, self.mentor)
        card = proposal.with_user(self.coordinator_user)
        with self.assertRefused(
            ValidationError, f"Ada Mentor & Casey Morgan cannot start: {NOT_TO_BE_MATCHED}"
        ):
            card.write({"state": "introduced"})
        self.assertEqual(proposal.state, "draft")
        with self.assertRefused(ValidationError, NOT_TO_BE_MATCHED):
            card.action_introduce()
        with self.assertRefused(ValidationError, NOT_TO_BE_MATCHED):
            card.write({"state": "active"})
        self.assertEqual(proposal.state, "draft")
        # Cancelling it is always possible.
        card.write({"state": "cancelled"})
        self.assertEqual(proposal.state, "cancelled")

    def test_reopening_a_cancelled_proposal_asks_the_rules_again(self):
        proposal = self.propose(self.mentor)
        proposal.with_user(self.coordinator_user).action_cancel()
        self.declare_not_to_be_matched(self.seeker, self.mentor)
        with self.assertRefused(ValidationError, NOT_TO_BE_MATCHED):
            proposal.with_user(self.coordinator_user).write({"state": "draft"})
        self.assertEqual(proposal.state, "cancelled")

    def test_a_pair_whose_match_ended_in_conflict_or_opt_out_is_not_matched_again_by_hand(self):
        for reason in ("conflict", "no_fault_opt_out"):
            with self.subTest(reason=reason):
                mentee = self.create_mentee(f"Mentee after {reason}")
                self.close_match(self.create_active_match(self.mentor_b, mentee), reason)
                with self.assertRefused(
                    ValidationError,
                    "ended in conflict or opt-out.*have already worked together. Choose another mentor",
                ):
                    self.new_match_form(self.mentor_b, mentee)
                self.assertEqual(mentee.match_ids.mapped("state"), ["closed"])
                # Another mentor is fine.
                self.assertEqual(self.propose(self.mentor, mentee).state, "draft")

    def test_a_planned_ending_is_no_reason_to_refuse_the_pair(self):
        mentee = self.create_mentee("Lee Park")
        self.close_match(self.create_active_match(self.mentor_b, mentee), "goals_met")
        self.assertEqual(self.propose(self.mentor_b, mentee).state, "draft")

    def test_the_same_pair_is_proposed_once(self):
        self.propose(self.mentor)
        with self.assertRefused(ValidationError, "Already proposed or matched with this mentee"):
            self.propose(self.mentor)

    def test_a_suspended_mentors_held_match_cannot_be_resumed(self):
        self.mentor.with_user(self.coordinator_user).action_suspend()
        self.assertEqual(self.match.state, "on_hold")
        with self.assertRefused(ValidationError, "Jamie Rivera cannot start: Suspended"):
            self.match.with_user(self.coordinator_user).write({"state": "active"})
        self.assertEqual(self.match.state, "on_hold")
        with self.assertRefused(ValidationError, "Suspended"):
            self.propose(self.mentor)

    def test_an_import_asks_the_same_rules(self):
        self.declare_not_to_be_matched(self.seeker, self.mentor)
        Match = self.env["mentoring.match"].with_user(self.coordinator_user)
        result = Match.load(
            ["mentor_id/.id", "mentee_id/.id", "program_id/.id"],
            [[str(self.mentor.id), str(self.seeker.id), str(self.program.id)]],
        )
        self.assertFalse(result["ids"])
        self.assertIn(NOT_TO_BE_MATCHED, " ".join(m["message"] for m in result["messages"]))
        self.assertFalse(self.seeker_matches())

    def test_the_engine_and_the_match_give_the_same_reasons(self):
        self.declare_not_to_be_matched(self.seeker, self.mentor)
        engine = self.rank(self.seeker, self.mentor)[self.mentor][1]
        match = self.env["mentoring.match"].new(
            {"mentor_id": self.mentor.id, "mentee_id": self.seeker.id, "program_id": self.program.id}
        )
        self.assertEqual([reason for _code, reason in match._hard_rule_problems("proposal")], engine)

    def test_the_engines_propose_still_proposes_and_is_asked_the_same(self):
        action = self.seeker.with_user(self.coordinator_user).action_find_mentor()
        finder = self.env["mentoring.match.finder"].with_user(self.coordinator_user).browse(action["res_id"])
        line = finder.candidate_ids.filtered(lambda line: line.mentor_id == self.mentor)
        match = self.env["mentoring.match"].browse(line.action_propose()["res_id"])
        self.assertEqual((match.mentor_id, match.state), (self.mentor, "draft"))


@tagged("post_install", "-at_install")
class TestHandMadeMatchesNeedAnAuthorisation(HardRuleMixin, MentoringMatchingBillingCase):
    def test_a_billed_programme_matches_only_an_authorised_mentee(self):
        # Casey has no authorisation; Jamie has 40 approved units.
        with self.assertRefused(ValidationError, "No approved authorisation.*Record and approve the payer"):
            self.new_match_form(self.mentor_b)
        self.assertFalse(self.seeker_matches())
        self.assertEqual(self.propose(self.mentor_b, self.mentee).state, "draft")

    def test_introducing_after_the_authorisation_ran_out_is_refused(self):
        proposal = self.propose(self.mentor_b, self.mentee)
        self.authorization.sudo().date_to = self.today - timedelta(days=1)
        with self.assertRefused(ValidationError, "No approved authorisation"):
            proposal.with_user(self.coordinator_user).write({"state": "introduced"})
        self.assertEqual(proposal.state, "draft")


@tagged("post_install", "-at_install")
class TestHardRulesOverRpc(HardRuleMixin, MentoringMatchingCase, HttpCase):
    def test_a_client_cannot_create_or_introduce_a_pair_not_to_be_matched(self):
        proposal = self.propose(self.mentor)
        self.declare_not_to_be_matched(self.seeker, self.mentor)
        self.authenticate(self.coordinator_user.login, self.coordinator_user.login)
        calls = [
            (
                "create",
                [{"mentor_id": self.mentor.id, "mentee_id": self.seeker.id, "program_id": self.program.id}],
            ),
            ("write", [[proposal.id], {"state": "introduced"}]),
            ("action_introduce", [[proposal.id]]),
        ]
        for method, args in calls:
            with self.subTest(method=method), self.assertRaisesRegex(JsonRpcException, "ValidationError"):
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw",
                    {"model": "mentoring.match", "method": method, "args": args, "kwargs": {}},
                )
        self.assertEqual(self.seeker_matches(), proposal)
        self.assertEqual(proposal.state, "draft")
