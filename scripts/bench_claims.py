"""Benchmark (issue 21): an 837P file of 600 and of 5,000 claims (made, validated with pyx12 and
the guide's rules, sent), then the payer's 835 paying each in full imported (validated, read,
booked as payments on the invoice), with queries per claim at both volumes; each under 60 s.

200 people with an authorisation each, 28 billed meetings each on 28 days, one invoice (Odoo's
batch invoicing of the 200 orders); claims made per day of service (one claim per person and day),
so that 5,600 claims come from one build. Rolled back at the end.

Run with `make bench` (or scripts/bench.sh)."""

import base64
import time
from datetime import timedelta

import bench_billing
from bench_common import main

DAYS = 28
SMALL_DAYS = 3  # 600 claims
FILE = "837P file (make, validate, send)"
IMPORT = "835 import (validate, read, book)"


def set_up_claims(env, auths):
    # The tests' agency claim set-up (imported once the registry is up).
    from odoo.addons.peer_mentoring.tests.common_claims import AGENCY_CLAIM_SETUP  # noqa: PLC0415

    indiana = env["res.country.state"].search([("code", "=", "IN"), ("country_id.code", "=", "US")], limit=1)
    auths.company_id.write(
        {**AGENCY_CLAIM_SETUP, "state_id": indiana.id, "country_id": indiana.country_id.id}
    )
    auths.payer_id.write({"mentoring_payer_code": "SUN01", "mentoring_claim_filing_code": "MC"})
    mentees = auths.mentee_id
    env["mentoring.mentee.coverage"].create(
        [
            {
                "mentee_id": mentee.id,
                "payer_id": auths.payer_id.id,
                "member_id": f"M-{mentee.id:06d}",
                "date_from": min(auths.mapped("date_from")) - timedelta(days=365),
                "diagnosis_codes": "F84.0, F70",
            }
            for mentee in mentees
        ]
    )
    mentees.partner_id.write(
        {"street": "2 Oak Street", "city": "Indianapolis", "state_id": indiana.id, "zip": "46205"}
    )
    mentees.write({"sex": "F", "birthdate": "1990-05-01"})


def import_835(env, claims, trace):
    # The tests' 835 paying every claim in full, line by line (imported once the registry is up).
    from odoo.addons.peer_mentoring.tests.common_claims import paying_835  # noqa: PLC0415

    journal = env["account.journal"].search(
        [("type", "=", "bank"), ("company_id", "=", claims.company_id.id)], limit=1
    )
    remittance = env["mentoring.remittance"].create(
        {
            "file": base64.b64encode(paying_835(claims, trace)),
            "file_name": f"{trace}.835",
            "journal_id": journal.id,
        }
    )
    remittance.action_import()
    return remittance


def run(env, measure):
    bench_billing.PER_AUTHORIZATION = DAYS
    matches, plans, auths = bench_billing.build(env)
    matches.mentor_id.write({"npi": "1245319599", "taxonomy": "175T00000X"})
    set_up_claims(env, auths)
    auths.action_approve()
    env["mentoring.encounter"].create(bench_billing.encounter_vals(matches, plans)).action_confirm()
    invoices = auths.sale_order_id._create_invoices()
    invoices.action_post()
    env.flush_all()
    Claim = env["mentoring.claim"]
    services = invoices._mentoring_claim_timesheets()
    by_day = services.grouped(lambda s: (s.date, s.timesheet_invoice_id))
    days = sorted({day for day, _invoice in by_day})
    print(f"{len(services)} services on {len(invoices)} invoice(s), {len(days)} days")
    start = time.perf_counter()
    claims_by_day = [
        Claim.browse().union(
            *(Claim._create_for_services(invoice, by_day[day, invoice]) for d, invoice in by_day if d == day)
        )
        for day in days
    ]
    print(f"claims made: {sum(len(c) for c in claims_by_day)} in {time.perf_counter() - start:.1f} s")
    # Odoo's tracking runs at commit and skips the records made in the same transaction: run it
    # now, as a commit would, so that both files' measures include the chatter line of every
    # claim they send (before, the 600-claim measure had none of it and looked cheaper per claim).
    env.flush_all()
    env.cr.precommit.run()
    small = Claim.browse().union(*claims_by_day[:SMALL_DAYS])
    large = Claim.browse().union(*claims_by_day[SMALL_DAYS:])
    Batch = env["mentoring.claim.batch"]
    with measure(FILE, len(small)):
        Batch._create_for_claims(small)
    with measure(FILE + "  ", len(large)):
        batch = Batch._create_for_claims(large)
    print(f"file of {len(large)} claims: {len(batch.file or b'')} bytes (base64)")
    measured = [("837P", FILE, small), ("837P", FILE + "  ", large)]
    # The 835 pays each invoice's claims with one payment (one per invoice and remittance).
    with measure(IMPORT, len(small)):
        first = import_835(env, small, "BENCH-EFT-1")
    with measure(IMPORT + "  ", len(large)):
        second = import_835(env, large, "BENCH-EFT-2")
    for remittance in (first, second):
        print(f"remittance {remittance.name}: {remittance.state}, {len(remittance.payment_ids)} payment(s)")
    measured += [("835 import", IMPORT, small), ("835 import", IMPORT + "  ", large)]
    print()
    for what, label, claims in measured:
        seconds = measure.seconds(label)
        print(
            f"{what} of {len(claims)} claims: {seconds:.1f} s ({'under' if seconds < 60 else 'OVER'} 60 s), "
            f"{measure.per_row(label):.2f} queries per claim"
        )


if __name__ == "__main__":
    main(run)
