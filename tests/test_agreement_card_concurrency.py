"""A coordinator double-clicks the *Agreement to sign* card of a match with no agreement: two
requests at the same moment, each in its own snapshot where no draft exists yet. One draft is
made, not two (../shared/odoo.md: write skew)."""

from psycopg2.errors import SerializationFailure

from odoo.tests import tagged

from .common_concurrency import CommittedRecordsCase, create_introduced_match


@tagged("post_install", "-at_install")
class TestAgreementCardOpenedTwiceAtOnce(CommittedRecordsCase):
    def _commit_fixture(self, env):
        match = create_introduced_match(env, "Double Click Programme", "TDBLC", "Dee Mentor", "Em Mentee")
        return {"match": match.id}

    def card(self, env):
        return env["mentoring.overview.item"].search(
            [("kind", "=", "agreement"), ("match_id", "=", self.committed["match"])]
        )

    def test_a_double_click_makes_one_draft(self):
        env1, env2 = self.in_two_transactions()
        second = self.card(env2)  # the second click's snapshot: no draft yet
        first = self.card(env1)
        self.assertTrue(first and second)
        draft = env1["mentoring.agreement"].browse(first.action_open()["res_id"])
        env1.cr.commit()
        with self.assertRaises(SerializationFailure):
            second.action_open()
        env2.cr.rollback()  # Odoo retries the request from the start, in a new snapshot
        env2.invalidate_all()
        self.assertEqual(self.card(env2).action_open()["res_id"], draft.id)
        agreements = env2["mentoring.agreement"].search([("match_id", "=", self.committed["match"])])
        self.assertEqual(agreements.mapped("state"), ["draft"])
