"""Run in `odoo-bin shell` after the upgrade, with this clone's code: the records that
upgrade_check_create.py made under the previous release ($UPGRADE_SAVED) still read the same, and
the fields added since then have the values migrations/ and the new code give them. Exits non-zero
with the list of what differs."""

import json
import os
import sys

env = env  # noqa: F821, PLW0127 - `env` is given by odoo-bin shell

with open(os.environ["UPGRADE_SAVED"]) as saved_file:
    saved = json.load(saved_file)
utc_day = saved.pop("utc_day")
problems = []
for model, rows in saved.items():
    records = env[model].browse([int(key) for key in rows]).exists()
    if len(records) != len(rows):
        problems.append(f"{model}: {len(rows) - len(records)} of {len(rows)} records lost")
    for record in records:
        for name, before in rows[str(record.id)].items():
            after = str(record[name])
            if after != before:
                problems.append(f"{model} {record.id}: {name} was {before!r}, now {after!r}")
records = {model: env[model].browse([int(key) for key in rows]) for model, rows in saved.items()}
program = records["mentoring.program"]
mentor = records["mentoring.mentor"]
mentee = records["mentoring.mentee"]
match = records["mentoring.match"]
agreement = records["mentoring.agreement"]
plan = records["mentoring.plan"]
goal = records["mentoring.goal"]
encounters = records["mentoring.encounter"]
authorization = records["mentoring.authorization"]
sheet = records["mentoring.monthly.timesheet"]


def expect(label, value, wanted):
    if value != wanted:
        problems.append(f"{label}: {value!r}, expected {wanted!r}")


# Fields added since the previous release, on the records a live agency already has.
# migrations/19.0.1.3.0: the days on the monthly timesheet's signature lines, from its chatter.
expect("monthly timesheet submitted on", str(sheet.submitted_on), utc_day)
expect("monthly timesheet approved on", str(sheet.approved_on), utc_day)
# Defaults of the new programme settings (check-ins, easy read, portal evaluations).
expect("programme check-in every (months)", program.checkin_interval_months, 1)
expect("programme check-ins in the first month", program.checkin_first_month_count, 2)
expect("programme easy read by default", program.easy_read_default, False)
# New stored computes, worked out for the existing records: the active match's next check-in.
if not match.checkin_due_date or match.checkin_due_date < match.date_start:
    problems.append(f"active match: next check-in {match.checkin_due_date}, expected one after its start")
expect("goal weight", goal.weight, 1)
expect("company safeguarding retention (years)", program.company_id.safeguarding_retention_years, 10)
expect("mentee's sex (nobody recorded it)", mentee.sex, False)
expect("mentor's interview date (nobody recorded it)", mentor.interview_date, False)
expect("agreement's signing link (none sent)", agreement.sign_link_token, False)
expect("meetings the mentor confirmed", encounters.mapped("state").count("confirmed"), 2)
# migrations/19.0.1.3.0 and the column's first fill: the day of the match's last confirmed meeting.
confirmed = encounters.filtered(lambda e: e.state == "confirmed")
expect("match's last meeting", match.last_meeting_date, max(confirmed.mapped("date")))
# The stored "has a signed agreement" (read by Needs doing), computed by the upgrade for every
# match: equal to its agreements, for the check's match and any other.
expect("match has a signed agreement", match.has_signed_agreement, True)
env.cr.execute(
    """SELECT count(*) FROM mentoring_match m
        WHERE m.has_signed_agreement IS DISTINCT FROM EXISTS (
              SELECT 1 FROM mentoring_agreement a WHERE a.match_id = m.id AND a.state = 'signed')"""
)
expect("matches whose stored signed agreement differs from their agreements", env.cr.fetchone()[0], 0)
# New fields nobody filled before: none of the old units were used before the addon.
expect("authorisation's units used before Peer Mentoring", authorization.units_used_before, 0)

if problems:
    print("upgrade check FAILED:\n  " + "\n  ".join(problems))
    sys.exit(1)
checked = sum(len(rows) for rows in saved.values())
print(f"checked: {checked} records of {len(saved)} models read as before the upgrade; new fields filled")
