"""A coordinator double-clicks the *Agreement to sign* card of a match with no agreement: two
requests at the same moment, each in its own snapshot where no draft exists yet. One draft is
made, not two (../shared/odoo.md: write skew)."""

from psycopg2.errors import SerializationFailure

from odoo import Command
from odoo.tests import tagged

from .common_concurrency import CommittedRecordsCase


@tagged("post_install", "-at_install")
class TestAgreementCardOpenedTwiceAtOnce(CommittedRecordsCase):
    def _commit_fixture(self, env):
        program = env["mentoring.program"].create({"name": "Double Click Programme", "code": "TDBLC"})
        mentor_partner, mentee_partner = env["res.partner"].create(
            [{"name": "Dee Mentor"}, {"name": "Em Mentee"}]
        )
        mentor = env["mentoring.mentor"].create(
            {"partner_id": mentor_partner.id, "program_ids": [Command.set(program.ids)], "state": "certified"}
        )
        mentee = env["mentoring.mentee"].create(
            {"partner_id": mentee_partner.id, "program_ids": [Command.set(program.ids)]}
        )
        match = env["mentoring.match"].create(
            {"mentor_id": mentor.id, "mentee_id": mentee.id, "program_id": program.id}
        )
        match.action_introduce()
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
