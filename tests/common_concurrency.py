"""Committed fixtures for tests that run two transactions side by side (../shared/odoo.md:
concurrency in production). Each cursor has its own REPEATABLE READ snapshot, so the records
must be committed; they are removed afterwards: every row above the ids seen before the test."""

# These tests race two committed transactions, as production does (Odoo's own concurrency tests
# commit too); what they commit is removed afterwards (CommittedRecordsCase).
# pylint: disable=invalid-commit

from datetime import timedelta

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.tests import TransactionCase
from odoo.tools import SQL

# Every table a fixture, a confirmation or an invoicing run adds rows to, children before parents.
CREATED_TABLES = (
    "mail_tracking_value",
    "mail_notification",
    "mail_message",
    "mail_activity",
    "mail_followers",
    "account_partial_reconcile",
    "account_move_line",
    "account_move",
    "account_analytic_line",
    "mentoring_encounter",
    "mentoring_authorization",
    "project_task",
    "project_project",
    "project_task_type",
    "mail_alias",
    "account_analytic_account",
    "sale_advance_payment_inv",
    "sale_order_line",
    "sale_order",
    "mentoring_goal",
    "mentoring_plan",
    "mentoring_agreement",
    "mentoring_match",
    "mentoring_mentee",
    "mentoring_mentor",
    "hr_employee",
    "hr_version",
    "resource_resource",
    "mentoring_program",
    "product_product",
    "product_template",
    "mentoring_billing_profile",
    "res_partner",
    "ir_attachment",
    "bus_bus",
)


class CommittedRecordsCase(TransactionCase):
    """`_commit_fixture(env)` runs in a cursor of its own and is committed; its result is
    `self.committed`. Everything created from then on, by any cursor, is removed afterwards
    (`extra_tables`: a test's own tables, removed first)."""

    extra_tables = ()

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            self.watermarks = {}
            for table in self._tables():
                cr.execute(SQL("SELECT COALESCE(MAX(id), 0) FROM %s", SQL.identifier(table)))
                self.watermarks[table] = cr.fetchone()[0]
            self.addCleanup(self._remove_committed_records)
            self.committed = self._commit_fixture(api.Environment(cr, SUPERUSER_ID, {}))
            cr.commit()

    def _commit_fixture(self, env):
        raise NotImplementedError

    def _tables(self):
        return (*self.extra_tables, *CREATED_TABLES)

    def _remove_committed_records(self):
        with self.registry.cursor() as cr:
            for table in self._tables():
                cr.execute(SQL("DELETE FROM %s WHERE id > %s", SQL.identifier(table), self.watermarks[table]))
            cr.commit()

    def assertRetriedAfterTheOther(self, env, request):
        """`request(env)` fails to serialise (the other transaction committed a row it writes);
        Odoo then retries it from the start in a new snapshot, where it succeeds and commits."""
        with self.assertRaises(SerializationFailure):
            request(env)
            env.flush_all()
        env.cr.rollback()
        env.invalidate_all()
        request(env)
        env.flush_all()
        env.cr.commit()
        env.invalidate_all()

    def in_two_transactions(self):
        """Two cursors as the superuser: (env1, env2). A request's snapshot is taken at its first
        query, so touch env2 before env1 commits to make it the one that began first."""
        cr1, cr2 = self.registry.cursor(), self.registry.cursor()
        self.addCleanup(cr2.close)
        self.addCleanup(cr1.close)
        return api.Environment(cr1, SUPERUSER_ID, {}), api.Environment(cr2, SUPERUSER_ID, {})


def create_billed_program(env, name, code, price, daily_cap_units=0, **program_vals):
    """A programme billed to a new payer in quarter-hour units under the CMS 8-minute rule, its
    service (HCPCS H0038 at `price` a unit) invoiced from timesheets on a task of its own; the
    benchmarks build theirs with it too (scripts/bench_billing.py). Returns (payer, program)."""
    payer = env["res.partner"].create({"name": f"{name} Health Plan", "is_mentoring_payer": True})
    profile = env["mentoring.billing.profile"].create(
        {
            "name": f"{name} units",
            "billing_unit": "quarter_hour",
            "rounding": "cms_8_minute",
            "daily_cap_units": daily_cap_units,
        }
    )
    product = env["product.product"].create(
        {
            "name": f"{name} peer services",
            "type": "service",
            "service_policy": "delivered_timesheet",
            "service_tracking": "task_in_project",
            "uom_id": env.ref("peer_mentoring.uom_quarter_hour").id,
            "list_price": price,
            "mentoring_service_code": "H0038",
        }
    )
    program = env["mentoring.program"].create(
        {
            "name": f"{name} Billing Programme",
            "code": code,
            "product_id": product.id,
            "billing_profile_id": profile.id,
            **program_vals,
        }
    )
    return payer, program


def create_introduced_match(env, program_name, code, mentor_name, mentee_name):
    """A match introduced in a programme of its own, with a certified mentor and no agreement."""
    program = env["mentoring.program"].create({"name": program_name, "code": code})
    mentor_partner, mentee_partner = env["res.partner"].create([{"name": mentor_name}, {"name": mentee_name}])
    mentor = env["mentoring.mentor"].create(
        {"partner_id": mentor_partner.id, "program_ids": [Command.set(program.ids)], "state": "certified"}
    )
    mentee = env["mentoring.mentee"].create(
        {"partner_id": mentee_partner.id, "program_ids": [Command.set(program.ids)]}
    )
    match = env["mentoring.match"].create(
        {"mentor_id": mentor.id, "mentee_id": mentee.id, "program_id": program.id}
    )
    match.action_introduce()
    return match


def create_billed_mentee(
    env, units_authorized=4, daily_cap_units=0, meetings=((2, 10.0, 11.0), (1, 10.0, 11.0))
):
    """A mentee billed in quarter-hour units under the CMS 8-minute rule, with an approved
    authorisation of `units_authorized` units and documented draft meetings, each
    (days ago, start, end), by one peer mentor. Returns the ids the tests need."""
    today = fields.Date.context_today(env["mentoring.match"])
    yesterday = today - timedelta(days=1)
    payer, program = create_billed_program(
        env,
        "Concurrency",
        "TCONCB",
        20.0,
        daily_cap_units=daily_cap_units,
        coordinator_ids=[Command.set(env.ref("base.user_admin").ids)],
    )
    employee = env["hr.employee"].create({"name": "Connie Mentor"})
    mentor = env["mentoring.mentor"].create(
        {
            "employee_id": employee.id,
            "program_ids": [Command.set(program.ids)],
            "state": "certified",
            "ethics_ack_date": yesterday,
        }
    )
    mentee = env["mentoring.mentee"].create(
        {
            "partner_id": env["res.partner"].create({"name": "Conrad Mentee"}).id,
            "program_ids": [Command.set(program.ids)],
            "payer_id": payer.id,
            "member_id": "M-CONC",
        }
    )
    match = env["mentoring.match"].create(
        {"mentor_id": mentor.id, "mentee_id": mentee.id, "program_id": program.id}
    )
    match.action_introduce()
    env["mentoring.agreement"].create(
        {
            "match_id": match.id,
            "purpose": "Find paid work",
            "development_goals": "Prepare a CV",
            "mentor_signed_on": yesterday,
            "mentee_signed_on": yesterday,
        }
    ).action_sign()
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
            "name": "AUTH-CONC",
            "payer_id": payer.id,
            "mentee_id": mentee.id,
            "program_id": program.id,
            "date_from": today - timedelta(days=30),
            "date_to": today + timedelta(days=30),
            "units_authorized": units_authorized,
            "price_unit": 15.0,
        }
    )
    authorization.action_approve()
    encounters = env["mentoring.encounter"].create(
        [
            {
                "match_id": match.id,
                "date": today - timedelta(days=days_ago),
                "start_time": start,
                "end_time": end,
                "location_type": "agency",
                "progress": "met",
                "goal_id": plan.goal_ids.id,
                "mentor_signed_on": yesterday,
                "mentee_signed_on": yesterday,
            }
            for days_ago, start, end in meetings
        ]
    )
    return {"authorization": authorization.id, "encounters": tuple(encounters.ids)}
