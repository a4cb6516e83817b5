"""Bulk data for the benchmarks: a programme at a realistic volume, made in seconds.

API (for other benchmark scripts; run from `scripts/`, as `bench.sh` does)::

    from bench_volume_data import load_volume

    volume = load_volume(env, matches=10_000, meetings=200_000)
    volume.program        # mentoring.program (sudo env), coordinated by volume.coordinator
    volume.coordinator    # res.users in group_coordinator, coordinator of that programme only
    volume.match_ids      # ids of the matches made (all states)
    volume.seconds        # how long the load took; volume.phases: {phase: seconds}

    # Or only people, with the columns a benchmark needs (bench_jobs.py): returns the first id.
    insert_people(env.cr, "mentoring_mentor", 100, "Mentor ", company_id, program_id, state="certified")

`load_volume(env, matches, meetings, name=None, years=3)` adds one programme each time it is
called (call it twice for two volumes; everything goes when the caller rolls back). The few
parent records (programme, coordinator) are made through the ORM; the rest is
`INSERT … SELECT generate_series` in SQL, with the stored fields the models compute (names,
related company/mentor/mentee/programme, minutes, score values) written by the same SQL, and the
ones that need the models' rules (planned end, next check-in, agreement wording) recomputed by
the ORM afterwards. Then `env.invalidate_all()`.

What it makes, for `matches` relationships (shares taken from the match's number, so two
volumes have the same shape):
- one mentee per match and 5 % more waiting for a mentor; one volunteer mentor (a contact, no
  login) per 5 matches, certified, capacity 5 (never more than 5 ongoing matches each);
- matches: 45 % active, 5 % introduced, 5 % on hold, 40 % closed, 3 % proposed, 2 % cancelled,
  begun over the last `years` years; closed ones lasted 2 weeks to 2 years;
- `meetings` confirmed meetings spread evenly over the months each active, on-hold or closed
  match ran (the last one 0 to 44 days ago for ongoing matches, so some need getting in touch);
  one in 1,000 needs billing's attention;
- for every match introduced or later: a signed agreement (9 in 10) and a signed individual plan
  with 3 goals (in progress, achieved, not started, paused or no longer a goal), each goal rated
  by the mentee and the mentor at the 3- and 6-month reviews that fell before the match ended.
"""

import time
from collections import namedtuple

from odoo.fields import Command
from odoo.tools import SQL

Volume = namedtuple("Volume", "program coordinator match_ids seconds phases")

MENTEES_WAITING = 0.05
MATCHES_PER_MENTOR = 5


def _reserve_ids(cr, table, count):
    """The first of `count` consecutive ids taken from the table's sequence."""
    cr.execute(f"SELECT setval('{table}_id_seq', nextval('{table}_id_seq') + %s - 1)", [count])
    return cr.fetchone()[0] - count + 1


def _insert_partners(cr, count, label):
    first = _reserve_ids(cr, "res_partner", count)
    cr.execute(
        """
        INSERT INTO res_partner (id, name, complete_name, commercial_partner_id, type, active, is_company,
                                 partner_share, autopost_bills, lang, create_uid, write_uid, create_date,
                                 write_date)
        SELECT %(first)s + g - 1, %(label)s || g, %(label)s || g, %(first)s + g - 1, 'contact', TRUE, FALSE,
               TRUE, 'ask', 'en_US', 1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM generate_series(1, %(count)s) g
        """,
        {"first": first, "count": count, "label": label},
    )
    return first


def insert_people(cr, table, count, label, company_id, program_id, **columns):
    """`count` rows of `table` (mentoring_mentee or mentoring_mentor) named `label` and a number,
    each with a contact of its own, in the programme; `columns` are the values of their other
    columns (the same on every row). Returns the first id (the rows' ids follow it)."""
    columns = {"active": True, **columns}
    partner = _insert_partners(cr, count, label)
    first = _reserve_ids(cr, table, count)
    cr.execute(
        SQL(
            """
            INSERT INTO %(table)s (id, partner_id, company_id, name, %(columns)s,
                                   create_uid, write_uid, create_date, write_date)
            SELECT %(first)s + g - 1, %(partner)s + g - 1, %(company)s, %(label)s || g, %(values)s,
                   1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
              FROM generate_series(1, %(count)s) g;
            INSERT INTO %(programs)s (%(member)s, program_id)
            SELECT %(first)s + g - 1, %(program)s FROM generate_series(1, %(count)s) g;
            """,
            table=SQL.identifier(table),
            columns=SQL(", ").join(SQL.identifier(column) for column in columns),
            values=SQL(", ").join(columns.values()),
            programs=SQL.identifier(f"{table}_program_rel"),
            member=SQL.identifier(f"{table.removeprefix('mentoring_')}_id"),
            first=first,
            partner=partner,
            company=company_id,
            label=label,
            count=count,
            program=program_id,
        )
    )
    return first


def _insert_people(env, program, matches, tag):
    """Mentees (one per match, and some waiting) and mentors; returns their first ids."""
    mentees = matches + int(matches * MENTEES_WAITING)
    mentors = -(-matches // MATCHES_PER_MENTOR)
    company = program.company_id.id
    first_mentee = insert_people(
        env.cr,
        "mentoring_mentee",
        mentees,
        f"Person {tag}-",
        company,
        program.id,
        mentor_gender_preference="none",
    )
    first_mentor = insert_people(
        env.cr,
        "mentoring_mentor",
        mentors,
        f"Mentor {tag}-",
        company,
        program.id,
        state="certified",
        capacity=MATCHES_PER_MENTOR,
    )
    return first_mentee, first_mentor, mentors


def _insert_matches(env, program, coordinator, matches, years, people):
    """Matches in realistic states; match g has mentee g and mentor g mod the mentors (so a
    mentor's matches are g, g + mentors, …: five, of which at most five ongoing)."""
    first_mentee, first_mentor, mentors = people
    first = _reserve_ids(env.cr, "mentoring_match", matches)
    env.cr.execute(
        """
        INSERT INTO mentoring_match (id, mentor_id, mentee_id, program_id, company_id, coordinator_id, name,
                                     state, date_start, date_end, date_closed, date_introduced, closure_reason,
                                     active, create_uid, write_uid, create_date, write_date)
        SELECT m.id, m.mentor_id, m.mentee_id, %(program)s, %(company)s, %(coordinator)s,
               mentor.name || ' & ' || mentee.name, m.state, m.date_start,
               m.date_start + make_interval(months => %(months)s),
               CASE WHEN m.state = 'closed'
                    THEN LEAST(m.date_start + 14 + (m.g * 37) %% 700, CURRENT_DATE - 1) END,
               CASE WHEN m.state NOT IN ('draft', 'cancelled') THEN m.date_start END,
               CASE WHEN m.state = 'closed' THEN 'planned_end' END,
               TRUE, 1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM (
                SELECT g, %(first)s + g - 1 AS id, %(first_mentee)s + g - 1 AS mentee_id,
                       %(first_mentor)s + (g - 1) %% %(mentors)s AS mentor_id, s.state,
                       CASE WHEN s.state IN ('draft', 'introduced', 'cancelled')
                            THEN CURRENT_DATE - (g %% 30)
                            ELSE CURRENT_DATE - 45 - (g * 7919) %% (%(days)s - 45) END AS date_start
                  FROM generate_series(1, %(count)s) g,
               LATERAL (SELECT CASE WHEN g %% 100 < 45 THEN 'active'
                                    WHEN g %% 100 < 50 THEN 'introduced'
                                    WHEN g %% 100 < 55 THEN 'on_hold'
                                    WHEN g %% 100 < 95 THEN 'closed'
                                    WHEN g %% 100 < 98 THEN 'draft'
                                    ELSE 'cancelled' END AS state) s
               ) m
          JOIN mentoring_mentor mentor ON mentor.id = m.mentor_id
          JOIN mentoring_mentee mentee ON mentee.id = m.mentee_id
        """,
        {
            "first": first,
            "first_mentee": first_mentee,
            "first_mentor": first_mentor,
            "mentors": mentors,
            "program": program.id,
            "company": program.company_id.id,
            "coordinator": coordinator.id,
            "months": program.duration_months or 12,
            "days": int(years * 365),
            "count": matches,
        },
    )
    return list(range(first, first + matches))


def _insert_meetings(env, match_ids, meetings):
    """`meetings` confirmed meetings, the same number per match (the first ones one more),
    spread evenly from the match's start to its close (or a few weeks before today)."""
    env.cr.execute(
        """
        WITH held AS (
            SELECT m.*, row_number() OVER (ORDER BY m.id) AS n, count(*) OVER () AS total,
                   GREATEST(1, COALESCE(m.date_closed, CURRENT_DATE - (m.id %% 45)) - m.date_start) AS span
              FROM mentoring_match m
             WHERE m.id = ANY(%(ids)s) AND m.state IN ('active', 'on_hold', 'closed')
        ), per AS (
            SELECT held.*, %(meetings)s / total + CASE WHEN n <= %(meetings)s %% total THEN 1 ELSE 0 END AS k
              FROM held
        )
        INSERT INTO mentoring_encounter (match_id, company_id, mentor_id, mentee_id, program_id, name, date,
                                         start_time, end_time, duration_minutes, location_type, progress,
                                         state, was_confirmed, is_group_session, needs_billing_attention,
                                         not_billed_reason, create_uid, write_uid, create_date, write_date)
        SELECT id, company_id, mentor_id, mentee_id, program_id, 'Meeting of ' || day, day,
               9 + i %% 8, 9 + i %% 8 + CASE WHEN i %% 4 = 0 THEN 0.75 ELSE 1 END,
               CASE WHEN i %% 4 = 0 THEN 45 ELSE 60 END, 'agency', 'met', 'confirmed', TRUE, FALSE,
               attention, CASE WHEN attention THEN 'No authorisation covers the day of this meeting' END,
               1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM per, generate_series(1, per.k) i,
       LATERAL (SELECT date_start + ((i * span) / k)::int AS day,
                       (id * 31 + i) %% 1000 = 0 AS attention) d
        """,
        {"ids": match_ids, "meetings": meetings},
    )


def _insert_papers(env, match_ids):
    """Signed agreements (9 matches in 10), signed plans, three goals each, and their ratings."""
    env.cr.execute(
        """
        INSERT INTO mentoring_agreement (match_id, company_id, mentor_id, mentee_id, program_id, version, state,
                                         name, date_signed, mentor_signed_on, mentee_signed_on, purpose,
                                         development_goals, create_uid, write_uid, create_date, write_date)
        SELECT id, company_id, mentor_id, mentee_id, program_id, 1, 'signed', 'Agreement ' || name || ' (v1)',
               date_start, date_start, date_start, 'Friendship and skills', 'Goals of the person',
               1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM mentoring_match
         WHERE id = ANY(%(ids)s) AND state NOT IN ('draft', 'cancelled') AND id %% 10 <> 0;

        INSERT INTO mentoring_plan (match_id, company_id, mentor_id, mentee_id, program_id, version, state, name,
                                    plan_date, date_signed, mentor_signed_on, mentee_signed_on, next_review_date,
                                    create_uid, write_uid, create_date, write_date)
        SELECT m.id, m.company_id, m.mentor_id, m.mentee_id, m.program_id, 1, 'signed',
               'Individual plan of ' || t.name || ' (v1)', m.date_start, m.date_start, m.date_start,
               m.date_start,
               CASE WHEN m.state = 'closed' THEN NULL ELSE CURRENT_DATE - 30 + m.id %% 150 END,
               1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM mentoring_match m JOIN mentoring_mentee t ON t.id = m.mentee_id
         WHERE m.id = ANY(%(ids)s) AND m.state NOT IN ('draft', 'cancelled');

        INSERT INTO mentoring_goal (plan_id, match_id, mentee_id, company_id, sequence, name, status,
                                    expected_outcome, weight, is_first_two, create_uid, write_uid, create_date,
                                    write_date)
        SELECT p.id, p.match_id, p.mentee_id, p.company_id, s, 'Goal ' || s,
               (ARRAY['in_progress', 'achieved', 'not_started', 'paused', 'changed'])[1 + (p.id + s) %% 5],
               'Does it on their own', 1, s <= 2, 1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM mentoring_plan p, generate_series(1, 3) s
         WHERE p.match_id = ANY(%(ids)s);

        INSERT INTO mentoring_goal_rating (goal_id, goal_sequence, plan_id, match_id, mentee_id, program_id,
                                           company_id, rater, score, score_value, review_date, create_uid,
                                           write_uid, create_date, write_date)
        SELECT g.id, g.sequence, g.plan_id, g.match_id, g.mentee_id, m.program_id, g.company_id, rater,
               v::text, v, review, 1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM mentoring_goal g
          JOIN mentoring_match m ON m.id = g.match_id,
               generate_series(1, 2) r, unnest(ARRAY['mentee', 'mentor']) rater,
       LATERAL (SELECT (m.date_start + make_interval(months => 3 * r))::date AS review,
                       (g.id + r + length(rater)) %% 5 - 2 AS v) d
         WHERE g.match_id = ANY(%(ids)s) AND g.status <> 'changed' AND m.state IN ('active', 'on_hold', 'closed')
           AND d.review <= COALESCE(m.date_closed, CURRENT_DATE);
        """,
        {"ids": match_ids},
    )


def _recompute(env, match_ids):
    """Stored fields whose value follows the models' own rules: let the ORM compute them."""
    env.invalidate_all()
    matches = env["mentoring.match"].browse(match_ids)
    ongoing = matches.filtered(lambda m: m.state in ("introduced", "active"))
    env.add_to_compute(matches._fields["checkin_due_date"], ongoing)
    env.add_to_compute(matches._fields["checkin_due_with"], ongoing)
    env.add_to_compute(matches._fields["has_signed_agreement"], matches)
    agreements = env["mentoring.agreement"].search([("match_id", "in", match_ids)])
    for name in (
        "contact_frequency",
        "duration_months",
        "confidentiality_statement",
        "confidentiality_limits",
    ):
        env.add_to_compute(agreements._fields[name], agreements)
    env.flush_all()
    matches._refresh_last_meeting_date()
    env.invalidate_all()


def _make_program(env, name):
    coordinator = env["res.users"].create(
        {
            "name": f"{name} coordinator",
            "login": f"{name.lower().replace(' ', '_')}_coordinator",
            "group_ids": [Command.link(env.ref("peer_mentoring.group_coordinator").id)],
        }
    )
    program = env["mentoring.program"].create(
        {
            "name": name,
            "code": name.upper().replace(" ", "")[:12],
            "max_mentees_per_mentor": MATCHES_PER_MENTOR,
            "coordinator_ids": [Command.set(coordinator.ids)],
        }
    )
    return program, coordinator


def load_volume(env, matches, meetings, name=None, years=3):
    """Make one programme of `matches` relationships and `meetings` confirmed meetings (see the
    module's docstring); returns a Volume."""
    start = time.perf_counter()
    name = name or f"Volume {matches} {int(start * 1000) % 100000}"
    program, coordinator = _make_program(env, name)
    env.flush_all()
    tag = f"{program.id}"
    phases = {}

    def phase(name, fn, *args):
        begin = time.perf_counter()
        result = fn(*args)
        phases[name] = time.perf_counter() - begin
        return result

    people = phase("people", _insert_people, env, program, matches, tag)
    match_ids = phase("matches", _insert_matches, env, program, coordinator, matches, years, people)
    phase("meetings", _insert_meetings, env, match_ids, meetings)
    phase("papers", _insert_papers, env, match_ids)
    phase("recompute", _recompute, env, match_ids)
    phase(
        "analyze",
        env.cr.execute,
        # Every table the loader fills, as autovacuum would have analysed them in a live
        # database: with stale statistics of the plans and programmes (a few rows), PostgreSQL
        # walked the matches' primary key for the plans due and probed the programme of every
        # Needs doing card one by one.
        "ANALYZE mentoring_match, mentoring_encounter, mentoring_goal, mentoring_goal_rating, mentoring_plan,"
        " mentoring_agreement, mentoring_program, mentoring_program_coordinator_rel",
    )
    return Volume(program, coordinator, match_ids, time.perf_counter() - start, phases)


if __name__ == "__main__":
    import sys

    from bench_common import open_env

    env, cr = open_env(sys.argv[1])
    try:
        volume = load_volume(env, int(sys.argv[2]), int(sys.argv[3]))
        for table in ("mentoring_match", "mentoring_encounter", "mentoring_goal_rating"):
            cr.execute(f"SELECT count(*) FROM {table} WHERE program_id = %s", [volume.program.id])
            print(table, cr.fetchone()[0])
        print(
            f"loaded in {volume.seconds:.1f} s:",
            ", ".join(f"{k} {v:.1f} s" for k, v in volume.phases.items()),
        )
    finally:
        cr.rollback()
        cr.close()
