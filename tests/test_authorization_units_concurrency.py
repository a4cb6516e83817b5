"""Two mentors confirm meetings of the same person at the same moment, and both meetings need
the authorisation's last units: two transactions, each in its own REPEATABLE READ snapshot, in
which the other's units are not used yet (../shared/odoo.md: concurrency in production).

What must hold: nothing is billed beyond the authorisation, and the second request fails in a
way Odoo retries (a serialization failure), never with an integrity error that leaves a valid
meeting in draft; the retry then confirms it, unbilled, for the coordinator's attention."""

# These tests race two committed transactions, as production does (Odoo's own concurrency tests
# commit too); what they commit is removed afterwards (CommittedRecordsCase).
# pylint: disable=invalid-commit

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_concurrency import CommittedRecordsCase, create_billed_mentee


class BilledMeetingsAtOnceCase(CommittedRecordsCase):
    """Two meetings of one person confirmed at the same moment (no tests of its own)."""

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

    def _retry_confirm(self, encounter_id):
        """Odoo's retry of the refused request, committed: the billing, and the meeting's
        attention flag and reason."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            encounter = env["mentoring.encounter"].browse(encounter_id)
            encounter.action_confirm()
            env.flush_all()
            cr.commit()
            return self._billing(env), encounter.read(["needs_billing_attention", "not_billed_reason"])[0]

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


@tagged("post_install", "-at_install")
class TestAuthorizationUnitsUnderConcurrency(BilledMeetingsAtOnceCase):
    """A mentee with an approved authorisation of 4 quarter-hour units and two documented
    one-hour meetings (4 units each) on two days, committed for cursors of their own."""

    def _commit_fixture(self, env):
        return create_billed_mentee(env, units_authorized=4)

    def test_two_meetings_needing_the_last_units_at_once_bill_them_once_and_the_second_is_retried(self):
        first, second = self.committed["encounters"]
        # In the second request's snapshot the 4 units are still there.
        self._confirm_at_the_same_moment(first, second)
        # Odoo's retry of that request sees the first meeting's units: the second meeting is
        # confirmed as documented, not billed, and needs the coordinator's attention.
        billing, unbilled = self._retry_confirm(second)
        self.assertEqual(billing, (4.0, "exhausted", ["confirmed", "confirmed"], [4.0, 0.0], [1, 0]))
        self.assertTrue(unbilled["needs_billing_attention"])
        self.assertRegex(
            unbilled["not_billed_reason"], "needs 4.0 units, more than remain on authorisation AUTH-CONC"
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


@tagged("post_install", "-at_install")
class TestDailyCapUnderConcurrency(BilledMeetingsAtOnceCase):
    """The payer's daily cap of 6 quarter-hour units per person, and two one-hour meetings of
    the person on the same day (10:00 and 14:00), by two mentors' requests at the same moment.
    The rule (CMS 8-minute rule, the day's minutes together, up to the cap): 120 minutes make 8
    units, the cap bills 6: the first meeting 4, the second the 2 left under the cap."""

    def _commit_fixture(self, env):
        return create_billed_mentee(
            env, units_authorized=100, daily_cap_units=6, meetings=((1, 10.0, 11.0), (1, 14.0, 15.0))
        )

    def test_two_meetings_of_one_day_at_once_bill_no_more_than_the_daily_cap(self):
        first, second = self.committed["encounters"]
        # In the second request's snapshot the day has no billed units yet: 4 would fit.
        self._confirm_at_the_same_moment(first, second)
        billing, capped = self._retry_confirm(second)
        self.assertEqual(billing, (6.0, "approved", ["confirmed", "confirmed"], [4.0, 2.0], [1, 1]))
        self.assertRegex(
            capped["not_billed_reason"] or "", "daily cap of 6 units: 2 of its 4 units are billed"
        )
