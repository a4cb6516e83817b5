"""Benchmark (issue 21): the daily jobs at two volumes (1,000 mentors / 100,000 meetings and
10,000 mentors / 1,000,000 meetings; `BENCH_SCALE=0.1` shrinks both), each job's time and
queries per record it handles, to show they stay flat as the database grows.

The jobs commit each batch (`ir.cron`'s progress API), so they run on a throwaway copy of the
bench database (`<db>_jobs`, dropped at the end). Parents (programme, rule set, coordinator,
supervisor, payer) are made through the ORM; the bulk (mentors, people, matches, meetings,
authorisations, followers) by SQL with generate_series.

Run with `make bench` (or scripts/bench.sh), or alone: python scripts/bench_jobs.py DB"""

import os
import subprocess
import sys
import time
from datetime import date, timedelta

from bench_common import open_env
from bench_volume_data import insert_people
from dateutil.relativedelta import relativedelta

from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.sql_db import close_db

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
VOLUMES = [(int(1_000 * SCALE), int(100_000 * SCALE)), (int(10_000 * SCALE), int(1_000_000 * SCALE))]
BATCH_SIZE = 500


def build_parents(env):
    """What the bulk rows point to, made through the ORM."""
    company = env.company
    rule = env["mentoring.certification.rule"].create(
        {"name": "Bench rule", "ce_hours": 20, "ce_ethics_hours": 3, "cycle_months": 24}
    )
    coordinator = env["res.users"].create(
        {
            "name": "Bench coordinator",
            "login": "bench_jobs_coordinator",
            "group_ids": [Command.link(env.ref("peer_mentoring.group_coordinator").id)],
        }
    )
    supervisor_user = env["res.users"].create(
        {
            "name": "Bench supervisor",
            "login": "bench_jobs_supervisor",
            "group_ids": [Command.link(env.ref("peer_mentoring.group_supervisor").id)],
        }
    )
    supervisor = env["hr.employee"].create({"name": "Bench supervisor", "user_id": supervisor_user.id})
    program = env["mentoring.program"].create(
        {
            "name": "Bench jobs",
            "code": "BENCHJ",
            "certification_rule_id": rule.id,
            "coordinator_ids": [Command.set(coordinator.ids)],
        }
    )
    feedback = env["mentoring.program"].create(
        {"name": "Bench jobs feedback", "code": "BENCHF", "ask_end_feedback": True}
    )
    payer = env["res.partner"].create({"name": "Bench jobs payer", "is_mentoring_payer": True})
    env["ir.config_parameter"].set_param("peer_mentoring.job_batch_size", str(BATCH_SIZE))
    env.cr.commit()
    return {
        "company": company.id,
        "program": program.id,
        "coordinator": coordinator.id,
        "supervisor": supervisor.id,
        "payer": payer.id,
        "feedback": feedback.id,
        "concern_type": env.ref("peer_mentoring.safeguarding_type_disclosure").id,
        "user": env.uid,
    }


def load_volume(env, ids, mentors, meetings):
    """Mentors (overdue for supervision, renewal in 20 days with no training), one person and
    one active match each (check-in overdue, followed by the person's contact, who may not read
    it), an authorisation each ending in 10 days, and `meetings` confirmed meetings."""
    today = date.today()
    cr = env.cr
    params = {
        **ids,
        "n": mentors,
        "m": meetings,
        "today": today,
        "certified": today - relativedelta(months=24) + timedelta(days=20),
    }
    # Volunteer mentors (a contact each) and the people, as bench_volume_data.py makes them.
    params["first_mentor"] = insert_people(
        cr,
        "mentoring_mentor",
        mentors,
        "Bench mentor ",
        ids["company"],
        ids["program"],
        state="certified",
        capacity=2,
        supervisor_id=ids["supervisor"],
        supervision_due_date=today - timedelta(days=10),
    )
    params["first_mentee"] = insert_people(
        cr, "mentoring_mentee", mentors, "Bench person ", ids["company"], ids["program"]
    )
    cr.execute(
        """
        CREATE TEMP TABLE bench_mentor ON COMMIT DROP AS
            SELECT id, id - %(first_mentor)s + 1 AS i FROM mentoring_mentor
             WHERE id BETWEEN %(first_mentor)s AND %(first_mentor)s + %(n)s - 1;
        INSERT INTO mentoring_mentor_credential (mentor_id, state, previous_state, date_from)
        SELECT id, 'certified', 'intern', %(certified)s FROM bench_mentor;
        CREATE TEMP TABLE bench_mentee ON COMMIT DROP AS
            SELECT id, partner_id, id - %(first_mentee)s + 1 AS i FROM mentoring_mentee
             WHERE id BETWEEN %(first_mentee)s AND %(first_mentee)s + %(n)s - 1;

        INSERT INTO mentoring_match (mentor_id, mentee_id, program_id, company_id, state, active,
                                     coordinator_id, date_start, checkin_due_date, checkin_due_with)
        SELECT r.id, e.id, %(program)s, %(company)s, 'active', TRUE, %(coordinator)s,
               %(today)s::date - 400, %(today)s::date - 1, 'mentor'
          FROM bench_mentor r JOIN bench_mentee e ON e.i = r.i;
        CREATE TEMP TABLE bench_match ON COMMIT DROP AS
            SELECT id, mentee_id, mentor_id, row_number() OVER (ORDER BY id) - 1 AS k
              FROM mentoring_match WHERE program_id = %(program)s;
        INSERT INTO mail_followers (res_model, res_id, partner_id)
        SELECT 'mentoring.match', m.id, e.partner_id
          FROM bench_match m JOIN bench_mentee e ON e.id = m.mentee_id;

        INSERT INTO mentoring_authorization (name, mentee_id, program_id, company_id, payer_id,
                                             state, units_authorized, date_from, date_to)
        SELECT 'BENCH-' || e.i, e.id, %(program)s, %(company)s, %(payer)s, 'approved', 100,
               %(today)s::date - 300, %(today)s::date + 10
          FROM bench_mentee e;

        -- A tenth of the people had an earlier match, closed, whose feedback forms are due,
        -- and a tenth of the mentors a closed concern past its retention date.
        INSERT INTO mentoring_match (mentor_id, mentee_id, program_id, company_id, state, active,
                                     date_start, date_closed)
        SELECT r.id, e.id, %(feedback)s, %(company)s, 'closed', TRUE, %(today)s::date - 400,
               %(today)s::date - 2
          FROM bench_mentor r JOIN bench_mentee e ON e.i = r.i WHERE r.i %% 10 = 0;
        INSERT INTO mentoring_safeguarding_concern (name, company_id, description, raised_by_id,
                raised_on, state, suspension_state, type_id, outcome, closed_on, retain_until,
                subject_mentor_id, active)
        SELECT 'BENCH-SG-' || r.i, %(company)s, 'Bench', %(user)s, %(today)s::date - 800, 'closed',
               'none', %(concern_type)s, 'unfounded', %(today)s::date - 700, %(today)s::date - 1,
               r.id, TRUE
          FROM bench_mentor r WHERE r.i %% 10 = 0;

        INSERT INTO mentoring_encounter (match_id, mentor_id, mentee_id, program_id, company_id,
                                         date, start_time, end_time, duration_minutes,
                                         location_type, state)
        SELECT m.id, m.mentor_id, m.mentee_id, %(program)s, %(company)s,
               %(today)s::date - 1 - (g / %(n)s) %% 365, 10, 11, 60, 'agency', 'confirmed'
          FROM generate_series(0, %(m)s - 1) g
          JOIN bench_match m ON m.k = g %% %(n)s;
        """,
        params,
    )
    cr.execute("ANALYZE")
    cr.commit()


class Jobs:
    """Counts the records each job hands to its work (the sum over its batches)."""

    def __init__(self, env):
        Checkpoint = env.registry["mentoring.job.checkpoint"]
        self.handled = 0
        run = Checkpoint._run_in_batches
        jobs = self

        def counted(model, *args):
            done = run(model, *args)
            jobs.handled += done
            return done

        Checkpoint._run_in_batches = counted


# Each job is run as the scheduler runs it: its server action (which queues the e-mails the
# activities send instead of sending them before the next batch).
JOBS = [
    ("supervision overdue", "ir_cron_supervision_overdue"),
    ("check-ins due", "ir_cron_checkin_due"),
    ("training due (lapses)", "ir_cron_warn_compliance"),
    ("authorisations ending", "ir_cron_check_authorizations"),
    ("follower pruning", "ir_cron_prune_followers"),
    ("mid-point evaluations", "ir_cron_propose_evaluations"),
    ("safeguarding retention", "ir_cron_safeguarding_retention"),
    ("timely filing", "ir_cron_claim_timely_filing"),
]


def run_volume(db, mentors, meetings):
    env, cr = open_env(db)
    try:
        ids = build_parents(env)
        start = time.perf_counter()
        load_volume(env, ids, mentors, meetings)
        print(f"-- {mentors} mentors, {meetings} meetings loaded in {time.perf_counter() - start:.0f} s")
        counter = Jobs(env)
        results = {}
        for label, cron in JOBS:
            counter.handled = 0
            before = env.cr.sql_log_count
            start = time.perf_counter()
            job = env.ref(f"peer_mentoring.{cron}")
            # As the scheduler runs it: its server action, in the cron's context (batches commit).
            job.ir_actions_server_id.with_context(cron_id=job.id).run()
            env.flush_all()
            seconds = time.perf_counter() - start
            queries = env.cr.sql_log_count - before
            handled = max(counter.handled, 1)
            results[label] = (counter.handled, seconds, queries)
            print(
                f"{label:<28} {counter.handled:>8} records {seconds:>8.1f} s "
                f"{1000 * seconds / handled:>7.2f} ms/record {queries:>8} queries "
                f"{queries / handled:>6.2f} q/record",
                flush=True,
            )
        return results
    finally:
        cr.rollback()
        cr.close()
        Registry.delete(db)
        close_db(db)


def main():
    source = sys.argv[1]
    copy = f"{source}_jobs"
    results = []
    try:
        for mentors, meetings in VOLUMES:
            subprocess.run(["dropdb", "--if-exists", copy], check=True)
            subprocess.run(["createdb", "-T", source, copy], check=True)
            results.append(((mentors, meetings), run_volume(copy, mentors, meetings)))
    finally:
        subprocess.run(["dropdb", "--if-exists", copy], check=False)
    (small, at_small), (large, at_large) = results
    print(f"\n{'job':<28} {'q/record':>10} {'q/record':>10} {'ms/record':>10} {'ms/record':>10}")
    print(f"{'':<28} {small[0]:>10} {large[0]:>10} {small[0]:>10} {large[0]:>10}  (mentors)")
    for label, _cron in JOBS:
        row = []
        for values in (at_small[label], at_large[label]):
            handled, seconds, queries = values
            row.append((queries / max(handled, 1), 1000 * seconds / max(handled, 1), handled))
        print(
            f"{label:<28} {row[0][0]:>10.2f} {row[1][0]:>10.2f} {row[0][1]:>10.2f} {row[1][1]:>10.2f}"
            f"  ({row[0][2]} and {row[1][2]} records)"
        )


if __name__ == "__main__":
    main()
