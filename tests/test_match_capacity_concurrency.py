"""Two coordinators introduce a match of the same mentor at the same moment: two transactions,
each in its own REPEATABLE READ snapshot, in which the other's match is not ongoing yet. The
capacity rule must still hold (../shared/odoo.md: write skew)."""

# These tests race two committed transactions, as production does (Odoo's own concurrency tests
# commit too); what they commit is removed afterwards (CommittedRecordsCase).
# pylint: disable=invalid-commit

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCapacityUnderConcurrency(TransactionCase):
    """Works on committed records in cursors of its own (a snapshot is per transaction), and
    removes them afterwards."""

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            program = env["mentoring.program"].create({"name": "Concurrency Programme", "code": "TCONC"})
            partners = env["res.partner"].create([{"name": n} for n in ("Cleo Mentor", "Mo One", "Mo Two")])
            mentor = env["mentoring.mentor"].create(
                {
                    "partner_id": partners[0].id,
                    "program_ids": [Command.set(program.ids)],
                    "state": "certified",
                    "capacity": 1,
                }
            )
            mentees = env["mentoring.mentee"].create(
                [{"partner_id": p.id, "program_ids": [Command.set(program.ids)]} for p in partners[1:]]
            )
            matches = env["mentoring.match"].create(
                [{"mentor_id": mentor.id, "mentee_id": m.id, "program_id": program.id} for m in mentees]
            )
            cr.commit()
            self.committed = {
                "program": program.id,
                "partners": tuple(partners.ids),
                "mentor": mentor.id,
                "mentees": tuple(mentees.ids),
                "matches": tuple(matches.ids),
            }
        self.addCleanup(self._remove_committed_records)

    def _remove_committed_records(self):
        with self.registry.cursor() as cr:
            ids = self.committed
            for model, res_ids in (
                ("mentoring.match", ids["matches"]),
                ("mentoring.mentee", ids["mentees"]),
                ("mentoring.mentor", (ids["mentor"],)),
                ("mentoring.program", (ids["program"],)),
            ):
                cr.execute("DELETE FROM mail_message WHERE model = %s AND res_id IN %s", [model, res_ids])
            cr.execute("DELETE FROM mentoring_match WHERE mentor_id = %s", [ids["mentor"]])
            cr.execute("DELETE FROM mentoring_mentee WHERE id IN %s", [ids["mentees"]])
            cr.execute("DELETE FROM mentoring_mentor WHERE id = %s", [ids["mentor"]])
            cr.execute("DELETE FROM mentoring_program WHERE id = %s", [ids["program"]])
            cr.execute("DELETE FROM res_partner WHERE id IN %s", [ids["partners"]])
            cr.commit()

    def test_two_introductions_at_once_do_not_exceed_the_mentors_capacity(self):
        first, second = self.committed["matches"]
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            # The second coordinator's request has begun: its snapshot is taken.
            env2["mentoring.match"].browse(second).read(["state"])
            env1["mentoring.match"].browse(first).action_introduce()
            env1.flush_all()
            cr1.commit()
            # In its snapshot the first match is still a proposal: only the database can refuse.
            with self.assertRaises(SerializationFailure):
                env2["mentoring.match"].browse(second).action_introduce()
                env2.flush_all()
            cr2.rollback()
        # Odoo retries a request that failed so: the retry sees the first match and refuses.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            with self.assertRaisesRegex(ValidationError, "No free place \\(1 of 1 places taken\\)"):
                env["mentoring.match"].browse(second).action_introduce()
            cr.rollback()
            states = env["mentoring.match"].browse([first, second]).mapped("state")
            self.assertEqual(states, ["introduced", "draft"])
