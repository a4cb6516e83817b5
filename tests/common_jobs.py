"""Daily jobs in batches (issue 21): what a test of a scheduled job checks besides its effect.

A test's transaction is never committed, so the job's `_commit_batch` (the commit with
`ir.cron`'s progress) is replaced here by a recorder that can also stop the run right after a
batch is committed, as a worker killed there would."""

from contextlib import contextmanager
from unittest.mock import patch


class JobInterrupted(Exception):
    """The run stopped right after a batch was committed."""


class Run:
    def __init__(self):
        self.batches = []  # (model, id) of each batch handed to the job's work, in order
        self.commits = []  # (processed, remaining) of each commit

    def ids(self):
        return set().union(*self.batches)


class DailyJobCase:
    """Mixed into a test case: run a job with a small batch size and check that it goes
    through everything in several batches, and that stopped after a batch it resumes with the
    next one, doing nothing twice."""

    @contextmanager
    def recording_batches(self, stop_after=None):
        Checkpoint = self.registry["mentoring.job.checkpoint"]
        run_in_batches = Checkpoint._run_in_batches
        run = Run()

        def recorded_run(model, job, records, domain, process):
            def recorded_process(batch):
                run.batches.append({(batch._name, record_id) for record_id in batch.ids})
                return process(batch)

            return run_in_batches(model, job, records, domain, recorded_process)

        def recorded_commit(model, processed, remaining):
            run.commits.append((processed, remaining))
            model.env.flush_all()
            if stop_after and len(run.batches) >= stop_after:
                raise JobInterrupted
            return float("inf")

        with (
            patch.object(Checkpoint, "_run_in_batches", recorded_run),
            patch.object(Checkpoint, "_commit_batch", recorded_commit),
        ):
            yield run

    def set_job_batch_size(self, size):
        self.env["ir.config_parameter"].sudo().set_param("peer_mentoring.job_batch_size", str(size))

    def assert_batched_and_resumable(self, run_job, records, effects, size=1):
        """`run_job()` runs the job; `records` (of the model the job goes through) need its
        work; `effects()` is what it did to them (e.g. {record id: its alerts}), the same once
        done whatever happens next."""
        self.assertGreaterEqual(len(records), 2, "the test needs records for two batches at least")
        self.set_job_batch_size(size)
        # Not assertRaises: Odoo's rolls back to a savepoint, and the batch was committed.
        stopped_there = False
        with self.recording_batches(stop_after=1) as stopped:
            try:
                run_job()
            except JobInterrupted:
                stopped_there = True
        self.assertTrue(stopped_there, "the run went on after its first batch")
        self.assertEqual(len(stopped.batches), 1)
        self.assertLessEqual(len(stopped.batches[0]), size)
        first = stopped.batches[0]
        with self.recording_batches() as resumed:
            run_job()
        self.assertFalse(first & resumed.ids(), "a batch committed before the stop is not done again")
        self.assertGreaterEqual(len(resumed.batches), 1)
        self.assertTrue(all(len(batch) <= size for batch in resumed.batches))
        ours = {(records._name, record_id) for record_id in records.ids}
        self.assertLessEqual(ours, first | resumed.ids(), "every record is handled")
        self.assertEqual(
            sum(processed for processed, _remaining in stopped.commits + resumed.commits),
            len(first) + len(resumed.ids()),
            "each commit reports the records of its batch",
        )
        self.assertTrue(
            any(remaining > 0 for _processed, remaining in stopped.commits + resumed.commits),
            "a commit before the last batch says how many remain",
        )
        self.assertEqual(resumed.commits[-1][1], 0, "the last commit says nothing remains")
        done = effects()
        self.assertTrue(all(done.values()), f"every record had the job's work done: {done}")
        # A new run (from the first record) adds nothing to what is done.
        with self.recording_batches():
            run_job()
        self.assertEqual(effects(), done, "the work done is not done twice")
        return done
