"""Benchmark (issue 2): create and confirm 10,000 encounters in one batch, then list them as a
Peer Mentor with record rules applied; compare with creating 10,000 plain account.analytic.line
rows in the same run. Everything is rolled back at the end.

Run with `make bench` (or scripts/bench.sh)."""

from datetime import date, timedelta

from bench_common import main

from odoo.fields import Command

MENTORS = 50
PER_MENTOR = 200  # 50 x 200 = 10,000
LIST_FIELDS = [
    "date",
    "start_time",
    "end_time",
    "duration_minutes",
    "mentee_id",
    "mentor_id",
    "location_type",
    "state",
]


def build_matches(env, mentors):
    program = env["mentoring.program"].create({"name": "Bench", "code": "BENCH", "max_mentees_per_mentor": 5})
    users = env["res.users"].create(
        [
            {
                "name": f"Bench mentor {i}",
                "login": f"bench_mentor_{i}",
                "group_ids": [Command.link(env.ref("peer_mentoring.group_mentor").id)],
            }
            for i in range(mentors)
        ]
    )
    employees = env["hr.employee"].create([{"name": u.name, "user_id": u.id} for u in users])
    mentor_recs = env["mentoring.mentor"].create(
        [
            {"employee_id": e.id, "program_ids": [Command.set(program.ids)], "state": "certified"}
            for e in employees
        ]
    )
    partners = env["res.partner"].create([{"name": f"Bench mentee {i}"} for i in range(mentors)])
    mentees = env["mentoring.mentee"].create(
        [{"partner_id": p.id, "program_ids": [Command.set(program.ids)]} for p in partners]
    )
    matches = env["mentoring.match"].create(
        [
            {"mentor_id": m.id, "mentee_id": t.id, "program_id": program.id, "state": "active"}
            for m, t in zip(mentor_recs, mentees, strict=True)
        ]
    )
    env["mentoring.agreement"].create(
        [
            {
                "match_id": m.id,
                "purpose": "p",
                "development_goals": "g",
                "mentor_signed_on": date.today(),
                "mentee_signed_on": date.today(),
            }
            for m in matches
        ]
    ).action_sign()
    return matches, users


def encounter_vals(matches, per_match, days_back=1):
    today = date.today()
    return [
        {
            "match_id": match.id,
            "date": today - timedelta(days=days_back + i // 8),
            "start_time": 8.0 + (i % 8),
            "end_time": 8.75 + (i % 8),
            "location_type": "agency",
            "progress": "met",
        }
        for match in matches
        for i in range(per_match)
    ]


def run(env, measure):
    matches, users = build_matches(env, MENTORS)
    total = MENTORS * PER_MENTOR
    Encounter = env["mentoring.encounter"]

    # Odoo's own baseline in the same run: plain timesheet-style analytic lines.
    plan = env["account.analytic.plan"].create({"name": "Bench plan"})
    account = env["account.analytic.account"].create({"name": "Bench", "plan_id": plan.id})
    with measure("baseline: create account.analytic.line", total):
        env["account.analytic.line"].create(
            [
                {"name": f"line {i}", "account_id": account.id, "unit_amount": 0.75, "date": date.today()}
                for i in range(total)
            ]
        )

    with measure("create draft encounters", total):
        drafts = Encounter.create(encounter_vals(matches, PER_MENTOR))
    # The same at a tenth of the volume, to show queries per encounter do not grow. Created
    # before either is confirmed: Odoo tracks changes only on records older than the transaction
    # step, and both batches must pay for their chatter alike.
    small = Encounter.create(encounter_vals(matches[:5], PER_MENTOR, days_back=400))
    env.flush_all()
    env.cr.precommit.run()
    with measure("confirm encounters (one batch)", total):
        drafts.action_confirm()
    with measure("confirm encounters (one batch, 1/10 volume)", len(small)):
        small.action_confirm()

    mentor_env = Encounter.with_user(users[0])
    mentor_env.search_read([], LIST_FIELDS, limit=80)  # warm the access caches
    with measure("list as a Peer Mentor: first page (80)", 80):
        mentor_env.search_read([], LIST_FIELDS, limit=80)
    with measure("list as a Peer Mentor: count own encounters", 1):
        own = mentor_env.search_count([])
    expected = Encounter.search_count([("mentor_id.user_id", "=", users[0].id)])
    assert own == expected, f"the mentor sees {own} encounters, expected {expected}"

    print()
    create = measure.seconds("create draft encounters") + measure.seconds("confirm encounters (one batch)")
    baseline = measure.seconds("baseline: create account.analytic.line")
    print(f"encounters created and confirmed per second: {total / create:.0f}")
    print(f"ratio (create+confirm encounter) / (create analytic line): {create / baseline:.1f}x")
    big = measure.per_row("confirm encounters (one batch)")
    small_q = measure.per_row("confirm encounters (one batch, 1/10 volume)")
    print(f"queries per confirmed encounter: {big:.2f} at {total}, {small_q:.2f} at {len(small)}")
    print(f"mentor sees {own} of {Encounter.search_count([])} encounters")


if __name__ == "__main__":
    main(run)
