"""Two mentors confirm meetings of the same person at the same moment, and both meetings need
the authorisation's last units: two transactions, each in its own REPEATABLE READ snapshot, in
which the other's units are not used yet (../shared/odoo.md: concurrency in production).

What must hold: nothing is billed beyond the authorisation, and the second request fails in a
way Odoo retries (a serialization failure), never with an integrity error that leaves a valid
meeting in draft; the retry then confirms it, unbilled, for the coordinator's attention."""

from datetime import timedelta

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

# Every table the fixture and the confirmations add rows to, children before parents: the
# records are committed, so they are removed afterwards (everything above the ids seen first).
CREATED_TABLES = (
    "mail_tracking_value",
    "mail_notification",
    "mail_message",
    "mail_activity",
    "mail_followers",
    "account_analytic_line",
    "mentoring_encounter",
    "mentoring_authorization",
    "project_task",
    "project_project",
    "project_task_type",
    "mail_alias",
    "account_analytic_account",
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


@tagged("post_install", "-at_install")
class TestAuthorizationUnitsUnderConcurrency(TransactionCase):
    """A mentee with an approved authorisation of 4 quarter-hour units and two documented
    one-hour meetings (4 units each) on two days, committed for cursors of their own."""

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            self.watermarks = {}
            for table in CREATED_TABLES:
                cr.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608 (constant names)
                self.watermarks[table] = cr.fetchone()[0]
            self.addCleanup(self._remove_committed_records)
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.committed = self._create_billed_mentee(env)
            cr.commit()

    def _create_billed_mentee(self, env):
        today = fields.Date.context_today(env["mentoring.match"])
        yesterday = today - timedelta(days=1)
        payer = env["res.partner"].create({"name": "Concurrency Health Plan", "is_mentoring_payer": True})
        profile = env["mentoring.billing.profile"].create(
            {"name": "Concurrency units", "billing_unit": "quarter_hour", "rounding": "cms_8_minute"}
        )
        product = env["product.product"].create(
            {
                "name": "Concurrency peer services",
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
                "name": "Concurrency Billing Programme",
                "code": "TCONCB",
                "coordinator_ids": [Command.set(env.ref("base.user_admin").ids)],
                "product_id": product.id,
                "billing_profile_id": profile.id,
            }
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
                "units_authorized": 4,
                "price_unit": 15.0,
            }
        )
        authorization.action_approve()
        encounters = env["mentoring.encounter"].create(
            [
                {
                    "match_id": match.id,
                    "date": today - timedelta(days=days_ago),
                    "start_time": 10.0,
                    "end_time": 11.0,
                    "location_type": "agency",
                    "progress": "met",
                    "goal_id": plan.goal_ids.id,
                    "mentor_signed_on": yesterday,
                    "mentee_signed_on": yesterday,
                }
                for days_ago in (2, 1)
            ]
        )
        return {"authorization": authorization.id, "encounters": tuple(encounters.ids)}

    def _remove_committed_records(self):
        with self.registry.cursor() as cr:
            for table in CREATED_TABLES:
                cr.execute(f"DELETE FROM {table} WHERE id > %s", [self.watermarks[table]])  # noqa: S608
            cr.commit()

    def _billing(self, env):
        env.invalidate_all()
        authorization = env["mentoring.authorization"].browse(self.committed["authorization"])
        encounters = env["mentoring.encounter"].browse(self.committed["encounters"])
        return (
            authorization.units_used,
            authorization.state,
            encounters.mapped("state"),
            encounters.mapped("billed_units"),
            [len(e.timesheet_ids) for e in encounters],
        )

    def _confirm_at_the_same_moment(self, first, second):
        """Mentor 1 confirms `first` while mentor 2's request, begun before (its snapshot
        taken), confirms `second`: only the database can refuse, and it must refuse in the way
        Odoo retries (a serialization failure, not "a partner cannot follow twice"), before
        the second request writes any billing (timesheet line, warning, follower)."""
        Encounter = type(self.env["mentoring.encounter"])
        write_billing = Encounter._write_billing
        writers = []

        def spy(encounters, results):
            writers.append(encounters.env.cr)
            return write_billing(encounters, results)

        self.patch(Encounter, "_write_billing", spy)
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            env2["mentoring.encounter"].browse(second).read(["state"])
            env1["mentoring.encounter"].browse(first).action_confirm()
            env1.flush_all()
            cr1.commit()
            with self.assertRaises(SerializationFailure), mute_logger("odoo.sql_db"):
                env2["mentoring.encounter"].browse(second).action_confirm()
                env2.flush_all()
            cr2.rollback()
            self.assertNotIn(cr2, writers, "refused while planning, before writing any billing")
            self.assertIn(cr1, writers)

    def test_two_meetings_needing_the_last_units_at_once_bill_them_once_and_the_second_is_retried(self):
        first, second = self.committed["encounters"]
        # In the second request's snapshot the 4 units are still there.
        self._confirm_at_the_same_moment(first, second)
        # Odoo's retry of that request sees the first meeting's units: the second meeting is
        # confirmed as documented, not billed, and needs the coordinator's attention.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["mentoring.encounter"].browse(second).action_confirm()
            env.flush_all()
            cr.commit()
            self.assertEqual(
                self._billing(env), (4.0, "exhausted", ["confirmed", "confirmed"], [4.0, 0.0], [1, 0])
            )
            unbilled = env["mentoring.encounter"].browse(second)
            self.assertTrue(unbilled.needs_billing_attention)
            self.assertRegex(
                unbilled.not_billed_reason, "needs 4.0 units, more than remain on authorisation AUTH-CONC"
            )

    def test_the_same_meeting_confirmed_twice_at_once_is_billed_once(self):
        first = self.committed["encounters"][0]
        self._confirm_at_the_same_moment(first, first)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            with self.assertRaisesRegex(UserError, "already confirmed"):
                env["mentoring.encounter"].browse(first).action_confirm()
            cr.rollback()
            self.assertEqual(
                self._billing(env), (4.0, "exhausted", ["confirmed", "draft"], [4.0, 0.0], [1, 0])
            )
