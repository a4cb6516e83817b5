"""Issue 21: the daily jobs' checkpoints are the administrators' only; the daily follower
pruning goes through the followers in batches and, stopped after a batch, resumes with the next
one (the other jobs are tested beside their own tests)."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MentoringCase
from .common_jobs import DailyJobCase


@tagged("post_install", "-at_install")
class TestDailyJobs(MentoringCase, DailyJobCase):
    def test_only_administrators_see_or_move_a_jobs_checkpoint(self):
        checkpoint = self.env["mentoring.job.checkpoint"]._for_job("prune_followers")
        for user in (self.coordinator_user, self.mentor_user):
            Checkpoint = self.env["mentoring.job.checkpoint"].with_user(user)
            with self.assertRaises(AccessError):
                Checkpoint.search([])
            with self.assertRaises(AccessError):
                checkpoint.with_user(user).write({"last_id": 10**9})
            with self.assertRaises(AccessError):
                Checkpoint.create({"job": "prune_followers_2"})

    def test_the_batch_size_is_a_system_parameter(self):
        Checkpoint = self.env["mentoring.job.checkpoint"]
        self.env["ir.config_parameter"].sudo().set_param("peer_mentoring.job_batch_size", False)
        self.assertEqual(Checkpoint._batch_size(), 500)
        self.set_job_batch_size(7)
        self.assertEqual(Checkpoint.with_context(job_batch_size=1)._batch_size(), 7, "not a context value")

    def test_followers_who_may_not_read_are_removed_in_batches(self):
        outsider = self.mentor_b_user.partner_id
        Followers = self.env["mail.followers"]
        followers = Followers
        # Followers as left behind by access lost in a way no action method sees (the addon
        # refuses to subscribe someone who may not read the record).
        for record in (self.match, self.mentee, self.encounter):
            followers |= Followers.sudo().create(
                {"partner_id": outsider.id, "res_model": record._name, "res_id": record.id}
            )
        self.match.sudo().message_subscribe(partner_ids=self.mentor_user.partner_id.ids)
        self.assertEqual(len(followers), 3)

        def removed():
            return {follower.id: not follower.exists() for follower in followers}

        self.assert_batched_and_resumable(
            self.env["mentoring.match"]._cron_prune_followers, followers, removed
        )
        self.assertIn(
            self.mentor_user.partner_id,
            self.match.message_partner_ids,
            "the match's own mentor keeps following",
        )
