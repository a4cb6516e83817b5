from odoo import api, fields, models, modules
from odoo.fields import Domain
from odoo.tools import SQL

# Records a daily job handles before it commits; `peer_mentoring.job_batch_size` (a system
# parameter, set by administrators only) overrides it.
JOB_BATCH_SIZE = 500


def differs(field, other):
    """Domain: the stored `field` is not equal to the stored `other` (nulls compared as values),
    e.g. the due date a reminder was last sent for is not today's due date."""
    return Domain.custom(
        to_sql=lambda model, alias, query: SQL(
            "%s IS DISTINCT FROM %s", SQL.identifier(alias, field), SQL.identifier(alias, other)
        )
    )


class MentoringJobCheckpoint(models.Model):
    """Where a daily job stopped. Each job goes through its records in id order, a batch at a
    time, and commits each batch with `ir.cron`'s progress API together with the last id it
    handled: a run that is stopped (time limit, worker restart, an error) resumes after the
    last batch it committed instead of starting over. A run that reaches the end starts from
    the first record again next time."""

    _name = "mentoring.job.checkpoint"
    _description = "Mentoring Daily Job Checkpoint"

    job = fields.Char(required=True, readonly=True)
    last_id = fields.Integer(readonly=True, help="The last record the current run has handled.")

    _job_unique = models.Constraint("UNIQUE(job)", "One checkpoint per job.")

    @api.model
    def _batch_size(self):
        value = self.env["ir.config_parameter"].sudo().get_param("peer_mentoring.job_batch_size")
        return max(int(value), 1) if value else JOB_BATCH_SIZE

    @api.model
    def _for_job(self, job):
        checkpoint = self.sudo().search([("job", "=", job)], limit=1)
        return checkpoint or self.sudo().create({"job": job})

    @api.model
    def _run_in_batches(self, job, records, domain, process):
        """Call `process(batch)` on the records of `records`' model matching `domain` (what
        still needs doing), in id order and batches, committing after each one. `process`
        must leave a record it handled out of `domain` or harmless to look at again: a
        restarted run re-reads nothing before the checkpoint, but a new run does.

        Returns the number of records processed in this call."""
        checkpoint = self._for_job(job)
        size = self._batch_size()
        domain = Domain(domain)
        processed = 0
        while True:
            batch = records.search(domain & Domain("id", ">", checkpoint.last_id), order="id", limit=size)
            if not batch:
                checkpoint.last_id = 0
                self._commit_batch(0, 0)
                return processed
            process(batch)
            processed += len(batch)
            checkpoint.last_id = batch[-1].id
            last = len(batch) < size
            if last:
                checkpoint.last_id = 0
            remaining = 0 if last else records.search_count(domain & Domain("id", ">", batch[-1].id))
            if not self._commit_batch(len(batch), remaining) or last:
                return processed

    @api.model
    def _commit_batch(self, processed, remaining):
        """Commit the batch and the checkpoint with `ir.cron`'s progress; the seconds left to
        the run. Only the scheduler's run commits: a job called elsewhere (the demo data at
        install, a test, whose transaction is never committed, as in Odoo's mail queue) runs
        in its caller's transaction. Tests replace this method to see the batches."""
        if modules.module.current_test or not self.env.context.get("cron_id"):
            return float("inf")
        return self.env["ir.cron"]._commit_progress(processed, remaining=remaining)
