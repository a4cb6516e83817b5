"""Benchmark (issue 3): 200 authorisations x 50 encounters confirmed (each with its timesheet
line), then invoiced in one batch; the ratio of "confirm an encounter with its timesheet" to
"create the same timesheet line directly", measured in the same run. Rolled back at the end.

Run with `make bench` (or scripts/bench.sh)."""

from datetime import date, timedelta

from bench_common import main

from odoo.fields import Command

AUTHORIZATIONS = 200
PER_AUTHORIZATION = 50
MENTEES_PER_MENTOR = 4
SALE_ORDER_BASELINE = "baseline: create + confirm a sale order (project & task)"
APPROVE = "approve authorisations (sale order confirmed each)"


def build(env):
    today = date.today()
    # The concurrency tests' billed programme (imported once the registry is up).
    from odoo.addons.peer_mentoring.tests.common_concurrency import create_billed_program  # noqa: PLC0415

    payer, program = create_billed_program(
        env,
        "Bench",
        "BENCHB",
        18.5,
        max_mentees_per_mentor=MENTEES_PER_MENTOR,
        require_mentee_signature=False,
    )
    mentors_needed = AUTHORIZATIONS // MENTEES_PER_MENTOR
    employees = env["hr.employee"].create(
        [{"name": f"Bench billed mentor {i}"} for i in range(mentors_needed)]
    )
    mentors = env["mentoring.mentor"].create(
        [
            {"employee_id": e.id, "program_ids": [Command.set(program.ids)], "state": "certified"}
            for e in employees
        ]
    )
    partners = env["res.partner"].create([{"name": f"Bench person {i}"} for i in range(AUTHORIZATIONS)])
    mentees = env["mentoring.mentee"].create(
        [
            {
                "partner_id": p.id,
                "program_ids": [Command.set(program.ids)],
                "payer_id": payer.id,
                "member_id": f"M{i:05d}",
            }
            for i, p in enumerate(partners)
        ]
    )
    matches = env["mentoring.match"].create(
        [
            {
                "mentor_id": mentors[i // MENTEES_PER_MENTOR].id,
                "mentee_id": m.id,
                "program_id": program.id,
                "state": "active",
            }
            for i, m in enumerate(mentees)
        ]
    )
    env["mentoring.agreement"].create(
        [
            {
                "match_id": m.id,
                "purpose": "p",
                "development_goals": "g",
                "mentor_signed_on": today,
                "mentee_signed_on": today,
            }
            for m in matches
        ]
    ).action_sign()
    plans = env["mentoring.plan"].create(
        [
            {"match_id": m.id, "goal_ids": [Command.create({"name": "Goal", "is_first_two": True})]}
            for m in matches
        ]
    )
    auths = env["mentoring.authorization"].create(
        [
            {
                "name": f"AUTH-{i:04d}",
                "payer_id": payer.id,
                "mentee_id": m.id,
                "program_id": program.id,
                "date_from": today - timedelta(days=90),
                "date_to": today + timedelta(days=30),
                "units_authorized": PER_AUTHORIZATION * 3 + 10,
                "price_unit": 18.5,
            }
            for i, m in enumerate(mentees)
        ]
    )
    return matches, plans, auths


def encounter_vals(matches, plans):
    today = date.today()
    vals = []
    for index, (match, plan) in enumerate(zip(matches, plans, strict=True)):
        slot = index % MENTEES_PER_MENTOR
        for i in range(PER_AUTHORIZATION):
            vals.append(
                {
                    "match_id": match.id,
                    "date": today - timedelta(days=1 + i),
                    "start_time": 8.0 + slot,
                    "end_time": 8.75 + slot,  # 45 minutes: 3 units
                    "location_type": "agency",
                    "progress": "met",
                    "goal_id": plan.goal_ids.id,
                    "mentor_signed_on": today,
                }
            )
    return vals


def run(env, measure):
    matches, plans, auths = build(env)
    total = AUTHORIZATIONS * PER_AUTHORIZATION
    # Baseline (issue 21): Odoo's own path for the same thing, one sale order of the same
    # project-and-task service per authorisation, created and confirmed one by one.
    order_vals = [
        {
            "partner_id": auth.payer_id.id,
            "order_line": [
                Command.create(
                    {
                        "product_id": auth.product_id.id,
                        "product_uom_qty": auth.units_authorized,
                        "price_unit": 18.5,
                    }
                )
            ],
        }
        for auth in auths
    ]
    # In four rounds, each baseline just before the approvals it is compared with: both then
    # run under the same load of the machine.
    quarter = AUTHORIZATIONS // 4
    for start in range(0, AUTHORIZATIONS, quarter):
        with measure(f"{SALE_ORDER_BASELINE} #{start // quarter + 1}", quarter):
            for vals in order_vals[start : start + quarter]:
                env["sale.order"].create(vals).action_confirm()
        with measure(f"{APPROVE} #{start // quarter + 1}", quarter):
            auths[start : start + quarter].action_approve()

    drafts = env["mentoring.encounter"].create(encounter_vals(matches, plans))
    env.flush_all()
    env.cr.precommit.run()  # as if committed: both confirmation batches pay for their chatter alike

    # Baseline: the same timesheet lines, created directly, then removed again. Each part of
    # the baseline is measured just before the confirmations it is compared with, so that both
    # run under the same load of the machine (a shared machine's load moves within a minute).
    authorisation_of = [a for a in auths for _ in range(PER_AUTHORIZATION)]
    line_vals = {
        e: {
            "name": "Peer mentoring – encounter",
            "date": e.date,
            "employee_id": e.mentor_id.employee_id.id,
            "project_id": a.project_id.id,
            "task_id": a.task_id.id,
            "so_line": a.sale_line_id.id,
            "unit_amount": 0.75,
            # An authorisation's line takes only meetings' timesheet lines (issue 8).
            "mentoring_encounter_id": e.id,
        }
        for a, e in zip(authorisation_of, drafts, strict=True)
    }
    first_tenth = drafts[: total // 10]
    rest = drafts - first_tenth
    for part, label in ((first_tenth, "1/10"), (rest, "9/10")):
        with measure(f"baseline: create the same timesheet lines directly ({label} volume)", len(part)):
            baseline = env["account.analytic.line"].create([line_vals[e] for e in part])
        baseline.unlink()
        env.flush_all()
        with measure(f"confirm encounters with timesheets ({label} volume)", len(part)):
            part.action_confirm()

    orders = auths.sale_order_id
    with measure("invoice all orders in one batch (create + post)", len(orders)):
        moves = orders._create_invoices()
        moves.action_post()

    print()
    confirm_seconds = measure.seconds("confirm encounters with timesheets (1/10 volume)") + measure.seconds(
        "confirm encounters with timesheets (9/10 volume)"
    )
    baseline_seconds = measure.seconds(
        "baseline: create the same timesheet lines directly (1/10 volume)"
    ) + measure.seconds("baseline: create the same timesheet lines directly (9/10 volume)")
    units = sum(moves.invoice_line_ids.mapped("quantity"))
    print(f"confirmation of {total} encounters: {confirm_seconds:.1f} s ({total / confirm_seconds:.0f}/s)")
    print(
        f"invoicing {len(orders)} orders in one batch: {measure.seconds('invoice all orders in one batch (create + post)'):.1f} s"
    )
    print(
        f"ratio (confirm encounter with its timesheet) / (create timesheet line directly): {confirm_seconds / baseline_seconds:.2f}x"
    )
    print(
        "approving an authorisation / creating and confirming a comparable sale order: "
        f"{measure.total_queries(APPROVE) / AUTHORIZATIONS:.1f} / "
        f"{measure.total_queries(SALE_ORDER_BASELINE) / AUTHORIZATIONS:.1f} queries = "
        f"{measure.total_queries(APPROVE) / measure.total_queries(SALE_ORDER_BASELINE):.2f}x, time "
        f"{measure.total_seconds(APPROVE) / measure.total_seconds(SALE_ORDER_BASELINE):.2f}x"
    )
    print(
        "queries per confirmed encounter: "
        f"{measure.per_row('confirm encounters with timesheets (1/10 volume)'):.2f} at {len(first_tenth)}, "
        f"{measure.per_row('confirm encounters with timesheets (9/10 volume)'):.2f} at {len(rest)}"
    )
    print(
        f"invoiced units: {units:.0f} (expected {total * 3}) on {len(moves)} invoices, total {sum(moves.mapped('amount_untaxed')):.2f}"
    )


if __name__ == "__main__":
    main(run)
