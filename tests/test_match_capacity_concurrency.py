"""Two coordinators introduce a match of the same mentor at the same moment: two transactions,
each in its own REPEATABLE READ snapshot, in which the other's match is not ongoing yet. The
capacity rule must still hold (../shared/odoo.md: write skew)."""

# These tests race two committed transactions, as production does (Odoo's own concurrency tests
# commit too); what they commit is removed afterwards (CommittedRecordsCase).
# pylint: disable=invalid-commit

from psycopg2.errors import SerializationFailure

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common_concurrency import CommittedRecordsCase


@tagged("post_install", "-at_install")
class TestCapacityUnderConcurrency(CommittedRecordsCase):
    def _commit_fixture(self, env):
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
        return {"matches": tuple(matches.ids)}

    def test_two_introductions_at_once_do_not_exceed_the_mentors_capacity(self):
        first, second = self.committed["matches"]
        env1, env2 = self.in_two_transactions()
        # The second coordinator's request has begun: its snapshot is taken.
        env2["mentoring.match"].browse(second).read(["state"])
        env1["mentoring.match"].browse(first).action_introduce()
        env1.flush_all()
        env1.cr.commit()
        # In its snapshot the first match is still a proposal: only the database can refuse.
        with self.assertRaises(SerializationFailure):
            env2["mentoring.match"].browse(second).action_introduce()
            env2.flush_all()
        env2.cr.rollback()
        # Odoo retries a request that failed so: the retry sees the first match and refuses.
        env2.invalidate_all()
        with self.assertRaisesRegex(ValidationError, "No free place \\(1 of 1 places taken\\)"):
            env2["mentoring.match"].browse(second).action_introduce()
        env2.cr.rollback()
        env2.invalidate_all()
        states = env2["mentoring.match"].browse([first, second]).mapped("state")
        self.assertEqual(states, ["introduced", "draft"])
