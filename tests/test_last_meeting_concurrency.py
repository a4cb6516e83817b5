"""Two requests at the same moment change the meetings of one match: one cancels its last
meeting while the other confirms an earlier one. Each computes the match's last meeting day in
its own snapshot; both write the match's row, so the second is retried and the day stored is
the one of the meetings as they end up (../shared/odoo.md: write skew)."""

from datetime import timedelta

from psycopg2.errors import SerializationFailure

from odoo import Command, fields
from odoo.tests import tagged

from .common_concurrency import CommittedRecordsCase


@tagged("post_install", "-at_install")
class TestLastMeetingDayUnderTwoRequests(CommittedRecordsCase):
    def _commit_fixture(self, env):
        today = fields.Date.context_today(env["mentoring.match"])
        program = env["mentoring.program"].create(
            {"name": "Last Meeting Programme", "code": "TLASTM", "intro_contact_limit": 5}
        )
        mentor_partner, mentee_partner = env["res.partner"].create(
            [{"name": "Lu Mentor"}, {"name": "Mo Mentee"}]
        )
        mentor = env["mentoring.mentor"].create(
            {
                "partner_id": mentor_partner.id,
                "program_ids": [Command.set(program.ids)],
                "state": "certified",
                "ethics_ack_date": today - timedelta(days=100),
            }
        )
        mentee = env["mentoring.mentee"].create(
            {"partner_id": mentee_partner.id, "program_ids": [Command.set(program.ids)]}
        )
        match = env["mentoring.match"].create(
            {
                "mentor_id": mentor.id,
                "mentee_id": mentee.id,
                "program_id": program.id,
                "date_start": today - timedelta(days=60),
            }
        )
        match.action_introduce()
        meetings = env["mentoring.encounter"].create(
            [
                {
                    "match_id": match.id,
                    "date": today - timedelta(days=days),
                    "start_time": 10.0,
                    "end_time": 11.0,
                    "location_type": "agency",
                    "progress": "met",
                }
                for days in (20, 3, 10)
            ]
        )
        meetings[:2].action_confirm()
        return {"match": match.id, "last": meetings[1].id, "earlier": meetings[2].id, "today": today}

    def test_cancel_the_last_while_confirming_an_earlier_one(self):
        today = self.committed["today"]
        env1, env2 = self.in_two_transactions()
        match2 = env2["mentoring.match"].browse(self.committed["match"])
        self.assertEqual(match2.last_meeting_date, today - timedelta(days=3))  # env2's snapshot
        env1["mentoring.encounter"].browse(self.committed["last"]).action_cancel()
        env1.cr.commit()
        earlier = env2["mentoring.encounter"].browse(self.committed["earlier"])
        with self.assertRaises(SerializationFailure):
            earlier.action_confirm()
            env2.flush_all()
        env2.cr.rollback()  # Odoo retries the request from the start, in a new snapshot
        env2.invalidate_all()
        earlier.action_confirm()
        env2.cr.commit()
        env2.invalidate_all()
        self.assertEqual(match2.last_meeting_date, today - timedelta(days=10))
