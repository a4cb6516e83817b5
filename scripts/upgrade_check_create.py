"""Run in `odoo-bin shell` on the database of the previous release, with that release's code:
creates one of each record a live agency has (a programme, a mentor, a mentee, an active match
with its signed agreement, a plan with a goal, meetings, an approved authorisation), commits, and
saves what it wrote to the JSON file named by $UPGRADE_SAVED for upgrade_check_verify.py.
Written against the oldest code it must run on: only fields and methods that release has. That is
why it does not reuse the tests' fixtures (tests/common*.py), which follow the current code."""

import json
import os
from datetime import timedelta

from odoo import Command, fields

env = env  # noqa: F821, PLW0127 - `env` is given by odoo-bin shell

today = fields.Date.context_today(env["mentoring.match"])
yesterday = today - timedelta(days=1)
coordinator = env["res.users"].create(
    {
        "name": "Upgrade Coordinator",
        "login": "upgrade_coordinator",
        "group_ids": [Command.link(env.ref("peer_mentoring.group_coordinator").id)],
    }
)
mentor_user = env["res.users"].create(
    {
        "name": "Upgrade Mentor",
        "login": "upgrade_mentor",
        "group_ids": [Command.link(env.ref("peer_mentoring.group_mentor").id)],
    }
)
employee = env["hr.employee"].create({"name": "Ada Upgrade", "user_id": mentor_user.id})
# Billed in 15-minute units (HCPCS H0038), as the pilot's programmes are.
profile = env["mentoring.billing.profile"].create(
    {"name": "Upgrade peer services", "billing_unit": "quarter_hour", "rounding": "cms_8_minute"}
)
product = env["product.product"].create(
    {
        "name": "Upgrade peer mentoring",
        "type": "service",
        "service_policy": "delivered_timesheet",
        "service_tracking": "task_in_project",
        "uom_id": env.ref("peer_mentoring.uom_quarter_hour").id,
        "list_price": 20.0,
        "mentoring_service_code": "H0038",
    }
)
program = env["mentoring.program"].create(
    {
        "name": "Upgrade Programme",
        "code": "UPG",
        "coordinator_ids": [Command.set(coordinator.ids)],
        "product_id": product.id,
        "billing_profile_id": profile.id,
    }
)
mentor = env["mentoring.mentor"].create(
    {
        "employee_id": employee.id,
        "program_ids": [Command.set(program.ids)],
        "state": "certified",
        "ethics_ack_date": yesterday,
    }
)
payer = env["res.partner"].create({"name": "Upgrade Health Plan", "is_mentoring_payer": True})
mentee = env["mentoring.mentee"].create(
    {
        "partner_id": env["res.partner"].create({"name": "Jamie Upgrade"}).id,
        "program_ids": [Command.set(program.ids)],
        "birthdate": "2006-05-01",
        "notes": "<p>Jamie's notes</p>",
        "payer_id": payer.id,
        "member_id": "M-UPG-1",
    }
)
match = env["mentoring.match"].create(
    {
        "mentor_id": mentor.id,
        "mentee_id": mentee.id,
        "program_id": program.id,
        "coordinator_id": coordinator.id,
    }
)
match.action_introduce()
agreement = env["mentoring.agreement"].create(
    {
        "match_id": match.id,
        "purpose": "Find paid work",
        "development_goals": "Prepare a CV",
        "mentor_signed_on": yesterday,
        "mentee_signed_on": yesterday,
    }
)
agreement.action_sign()
match.action_activate()
plan = env["mentoring.plan"].create(
    {
        "match_id": match.id,
        "person_centred_goals": "Work in a library",
        "goal_ids": [Command.create({"name": "Get a part-time job", "is_first_two": True})],
    }
)
authorization = env["mentoring.authorization"].create(
    {
        "name": "AUTH-UPG",
        "payer_id": payer.id,
        "mentee_id": mentee.id,
        "program_id": program.id,
        "date_from": today - timedelta(days=60),
        "date_to": today + timedelta(days=60),
        "units_authorized": 40,
        "price_unit": 15.0,
    }
)
authorization.action_approve()
encounters = env["mentoring.encounter"]
for days_ago, start in ((3, 10.0), (2, 14.0), (1, 9.5)):
    encounters |= env["mentoring.encounter"].create(
        {
            "match_id": match.id,
            "date": today - timedelta(days=days_ago),
            "start_time": start,
            "end_time": start + 1,
            "location_type": "agency",
            "progress": "met",
            "goal_id": plan.goal_ids.id,
            "notes": f"<p>Meeting {days_ago} days ago</p>",
        }
    )
encounters[:2].action_confirm()
# A monthly timesheet submitted, then approved in another transaction (two chatter messages).
sheet = env["mentoring.monthly.timesheet"].create({"mentor_id": mentor.id, "month": encounters[0].date})
sheet.action_submit()
env.cr.commit()
sheet.action_approve()
env.flush_all()


def snapshot(records, names):
    return {str(record.id): {name: str(record[name]) for name in names} for record in records}


saved = {
    "mentoring.program": snapshot(program, ["name", "code", "coordinator_ids"]),
    "mentoring.mentor": snapshot(mentor, ["employee_id", "state", "program_ids", "ethics_ack_date"]),
    "mentoring.mentee": snapshot(mentee, ["partner_id", "birthdate", "notes", "program_ids"]),
    "mentoring.match": snapshot(match, ["name", "state", "mentor_id", "mentee_id", "program_id"]),
    "mentoring.agreement": snapshot(agreement, ["match_id", "state", "purpose", "mentee_signed_on"]),
    "mentoring.plan": snapshot(plan, ["match_id", "person_centred_goals", "goal_ids"]),
    "mentoring.goal": snapshot(plan.goal_ids, ["name", "plan_id"]),
    "mentoring.encounter": snapshot(
        encounters,
        ["match_id", "date", "start_time", "end_time", "state", "goal_id", "notes", "duration_minutes"],
    ),
    "mentoring.authorization": snapshot(
        authorization, ["name", "state", "units_authorized", "payer_id", "mentee_id", "date_to"]
    ),
    "mentoring.monthly.timesheet": snapshot(sheet, ["mentor_id", "month", "state", "approved_by_id"]),
    # The day (UTC) the chatter stamps the submission and approval with.
    "utc_day": str(fields.Datetime.now().date()),
}
env.cr.commit()
with open(os.environ["UPGRADE_SAVED"], "w") as out:
    json.dump(saved, out, indent=1)
print("created:", ", ".join(f"{len(rows)} {model}" for model, rows in saved.items() if "." in model))
