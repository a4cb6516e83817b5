"""Two drafts of one match's agreement signed at the same moment (the mentor on one screen, the
coordinator on another), each in its own snapshot where no version is signed yet. The match
stores that it has a signed agreement (`has_signed_agreement`, read by *Needs doing*): both
requests write that flag on the match's row, so PostgreSQL refuses the second and Odoo retries
it; the retry sees the first signature, supersedes it, and one version stays signed with the
flag set (../shared/odoo.md: write skew). Before the flag was stored nothing both requests wrote
was shared, and both versions stayed signed."""

from odoo import fields
from odoo.tests import tagged

from .common_concurrency import CommittedRecordsCase, create_introduced_match


@tagged("post_install", "-at_install")
class TestAgreementSignedTwiceAtOnce(CommittedRecordsCase):
    def _commit_fixture(self, env):
        today = fields.Date.context_today(env["mentoring.match"])
        match = create_introduced_match(env, "Signed Flag Programme", "TSIGNF", "Sol Mentor", "Tam Mentee")
        drafts = env["mentoring.agreement"].create(
            [
                {
                    "match_id": match.id,
                    "version": version,
                    "purpose": "Find paid work",
                    "development_goals": "Prepare a CV",
                    "mentor_signed_on": today,
                    "mentee_signed_on": today,
                }
                for version in (1, 2)
            ]
        )
        return {"match": match.id, "first": drafts[0].id, "second": drafts[1].id}

    def flag(self, env):
        env.cr.execute(
            "SELECT has_signed_agreement FROM mentoring_match WHERE id = %s", [self.committed["match"]]
        )
        return env.cr.fetchone()[0]

    def test_two_versions_signed_at_once_leave_one_signed_and_the_flag_set(self):
        env1, env2 = self.in_two_transactions()
        self.assertIs(self.flag(env2), False)  # env2's snapshot: nothing signed yet
        env1["mentoring.agreement"].browse(self.committed["first"]).action_sign()
        env1.flush_all()
        env1.cr.commit()
        self.assertRetriedAfterTheOther(
            env2, lambda env: env["mentoring.agreement"].browse(self.committed["second"]).action_sign()
        )
        agreements = env2["mentoring.agreement"].search([("match_id", "=", self.committed["match"])])
        self.assertEqual(
            sorted(agreements.mapped(lambda a: (a.version, a.state))), [(1, "superseded"), (2, "signed")]
        )
        self.assertIs(self.flag(env2), True)
        card = env2["mentoring.overview.item"].search(
            [("kind", "=", "agreement"), ("match_id", "=", self.committed["match"])]
        )
        self.assertFalse(card)
