"""Benchmark (issue 10): 1,000 unmatched mentees × 500 mentors of capacity 2, every hard rule
on (a billed programme with authorisations, suspended and applicant mentors, ongoing matches,
earlier matches ended in conflict, declared dual relationships, musts on language and area), read from
records in the database: one mentee's ranking, and the whole-pool proposal. Rolled back at the
end.

Run with `make bench` (or scripts/bench.sh)."""

import random
import time
from datetime import date, timedelta

from bench_common import main

from odoo.fields import Command

MENTEES = 1000
MENTORS = 500
CAPACITY = 2
AREAS = [f"District {i}" for i in range(12)]
LANGUAGES = ["base.lang_en", "base.lang_es", "base.lang_fr", "base.lang_pl", "base.lang_ar"]
COMMUNICATION = ["email", "phone", "face_to_face", "video"]
GENDERS = ["female", "male", "non_binary"]


def some(rng, records, low, high):
    return [Command.set(rng.sample(records.ids, rng.randint(low, high)))]


def profile(rng, langs, interests, experience):
    return {
        "language_ids": [Command.set([langs[0].id, *rng.sample(langs.ids, rng.randint(0, 1))])]
        if rng.random() < 0.8
        else some(rng, langs, 1, 2),
        "interest_ids": some(rng, interests, 1, 3),
        "experience_ids": some(rng, experience, 0, 2),
        "area": rng.choice(AREAS),
        "hours_per_month": rng.choice([1, 2, 4, 5]),
        "preferred_communication": rng.choice(COMMUNICATION),
    }


def build(env):
    rng = random.Random(10)
    today = date.today()
    langs = env["res.lang"].with_context(active_test=False).browse([env.ref(x).id for x in LANGUAGES])
    interests = env["mentoring.interest"].search([])
    experience = env["mentoring.experience"].search([])
    product = env["product.product"].create(
        {"name": "Bench matching service", "type": "service", "service_policy": "delivered_timesheet"}
    )
    program = env["mentoring.program"].create(
        {
            "name": "Bench matching",
            "code": "BENCHM",
            "max_mentees_per_mentor": CAPACITY,
            "product_id": product.id,
        }
    )
    program.match_criterion_ids.filtered(lambda c: c.code in ("language", "area")).is_must = True
    payer = env["res.partner"].create({"name": "Bench matching MCO", "is_mentoring_payer": True})

    partners = env["res.partner"].create([{"name": f"Bench mentor {i:03d}"} for i in range(MENTORS)])
    mentors = env["mentoring.mentor"].create(
        [
            {
                "partner_id": p.id,
                "program_ids": [Command.set(program.ids)],
                "state": "certified",
                "ethics_ack_date": today,
                "gender": rng.choice(GENDERS),
                **profile(rng, langs, interests, experience),
            }
            for p in partners
        ]
    )
    mentors[:10].write({"state": "suspended"})
    mentors[10:20].write({"state": "applicant"})

    people = env["res.partner"].create([{"name": f"Bench mentee {i:04d}"} for i in range(MENTEES + 100)])
    mentees = env["mentoring.mentee"].create(
        [
            {
                "partner_id": p.id,
                "program_ids": [Command.set(program.ids)],
                "payer_id": payer.id,
                "mentor_gender_preference": rng.choice(["none", "none", "female", "male"]),
                **profile(rng, langs, interests, experience),
            }
            for p in people
        ]
    )
    matched, unmatched = mentees[MENTEES:], mentees[:MENTEES]
    # A hundred mentors have an ongoing match: one free place left.
    env["mentoring.match"].create(
        [
            {"mentor_id": mentors[100 + i].id, "mentee_id": m.id, "program_id": program.id, "state": "active"}
            for i, m in enumerate(matched)
        ]
    )
    # A hundred earlier matches ended in conflict, two hundred declared dual relationships.
    env["mentoring.match"].create(
        [
            {
                "mentor_id": mentors[rng.randrange(20, MENTORS)].id,
                "mentee_id": unmatched[i * 10].id,
                "program_id": program.id,
                "state": "closed",
                "closure_reason": "conflict",
            }
            for i in range(100)
        ]
    )
    for _i in range(200):
        unmatched[rng.randrange(MENTEES)].dual_relationship_mentor_ids = [
            Command.link(rng.choice(mentors.ids))
        ]
    # Every mentee but one in twenty has an approved authorisation (set approved directly: the
    # sale order that approval makes is the billing benchmark's business).
    covered = unmatched.filtered(lambda m: m.id % 20)
    auths = env["mentoring.authorization"].create(
        [
            {
                "name": f"MATCH-{m.id}",
                "payer_id": payer.id,
                "mentee_id": m.id,
                "program_id": program.id,
                "date_from": today - timedelta(days=30),
                "date_to": today + timedelta(days=180),
                "units_authorized": 96,
            }
            for m in covered | matched
        ]
    )
    auths.write({"state": "approved"})
    return program, unmatched, mentors


def greedy_count(score, allowed, places):
    left, taken = list(places), set()
    rows, cols = allowed.nonzero()
    for index in sorted(range(len(rows)), key=lambda k: -score[rows[k], cols[k]]):
        row, col = rows[index], cols[index]
        if row not in taken and left[col]:
            taken.add(row)
            left[col] -= 1
    return len(taken)


def run(env, measure):
    program, mentees, mentors = build(env)
    engine = env["mentoring.matching"]
    env.flush_all()

    engine._rank(program, mentees[1], mentors)  # warm the registry's caches
    timings, cpu, queries = [], [], []
    for mentee in mentees[2:12]:
        env.invalidate_all()
        count = env.cr.sql_log_count
        start, start_cpu = time.perf_counter(), time.process_time()
        engine._rank(program, mentee, mentors)
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        queries.append(env.cr.sql_log_count - count)
    with measure(f"rank one mentee's candidates ({MENTORS} mentors)", MENTORS):
        pool, candidates, excluded = engine._rank(program, mentees[0], mentors)

    env.invalidate_all()
    count = env.cr.sql_log_count
    engine._rank(program, mentees[0], mentors[:100])
    queries_100 = env.cr.sql_log_count - count

    with measure(f"whole-pool proposal, most matched ({MENTEES}×{MENTORS})", MENTEES):
        pool, pairs = engine._propose_pool(program, mentees, mentors, objective="most")
    with measure(f"whole-pool proposal, highest total ({MENTEES}×{MENTORS})", MENTEES):
        _pool, pairs_total = engine._propose_pool(program, mentees, mentors, objective="total")
    started = time.perf_counter()
    engine._solve(pool.score, pool.allowed, pool.free_places, "most")
    solve_seconds = time.perf_counter() - started

    finder = env["mentoring.match.finder"].create({"mentee_id": mentees[0].id, "program_id": program.id})
    with measure("screen: Find a mentor (ranking + explained lines)", MENTORS):
        finder.action_rank()
    wizard = env["mentoring.match.pool"].create({"program_id": program.id})
    with measure("screen: Propose matches (assignment + explained lines)", MENTEES):
        wizard.action_propose()

    allowed = pool.allowed
    print()
    median = sorted(timings)[len(timings) // 2]
    print(
        f"single mentee's ranking: median {median * 1000:.0f} ms over {len(timings)} mentees "
        f"(max {max(timings) * 1000:.0f} ms), of which Odoo's own CPU {sorted(cpu)[len(cpu) // 2] * 1000:.0f} ms; "
        f"{len(candidates)} candidates, {len(excluded)} excluded"
    )
    print(f"queries for one ranking: {queries_100} with 100 mentors, {sorted(set(queries))} with {MENTORS}")
    most_seconds = measure.seconds(f"whole-pool proposal, most matched ({MENTEES}×{MENTORS})")
    print(
        f"whole pool: {most_seconds:.2f} s (of which the assignment {solve_seconds:.2f} s); "
        f"allowed pairs {allowed.mean() * 100:.1f} %, free places {int(pool.free_places.sum())}"
    )
    print(
        f"matched: most-matched {len(pairs)}, highest-total {len(pairs_total)}, "
        f"greedy {greedy_count(pool.score, allowed, pool.free_places)} of {MENTEES}; "
        f"total score {sum(pool.score[r, c] for r, c in pairs):.1f} vs {sum(pool.score[r, c] for r, c in pairs_total):.1f}"
    )


if __name__ == "__main__":
    main(run)
