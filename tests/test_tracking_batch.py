from datetime import timedelta

from odoo.tests import tagged

from .common import MentoringCase

# What a chatter reader sees of a log note: everything but its own id, time and e-mail id.
MESSAGE_FIELDS = [
    "author_id",
    "author_guest_id",
    "email_from",
    "reply_to",
    "model",
    "res_id",
    "message_type",
    "is_internal",
    "subtype_id",
    "subject",
    "body",
    "parent_id",
    "partner_ids",
    "attachment_ids",
    "record_alias_domain_id",
    "record_company_id",
    "email_add_signature",
    "create_uid",
]
TRACKING_FIELDS = ["field_id", "old_value_char", "new_value_char", "old_value_integer", "new_value_integer"]


@tagged("post_install", "-at_install")
class TestTrackingBatch(MentoringCase):
    """The "who confirmed" and "who cancelled" notes of a batch of meetings are the notes Odoo
    writes one by one, written in one statement per author."""

    def draft_meetings(self, count, days_back=2):
        meetings = self.env["mentoring.encounter"].create(
            [
                {
                    "match_id": self.match.id,
                    "date": self.today - timedelta(days=days_back + i),
                    "start_time": 10.0,
                    "end_time": 11.0,
                    "location_type": "agency",
                    "progress": "met",
                }
                for i in range(count)
            ]
        )
        self.flush_tracking()  # as if created earlier: Odoo tracks records it did not just create
        return meetings

    def tracking_note(self, meeting):
        return meeting.sudo().message_ids.filtered("tracking_value_ids")[:1]

    def test_batched_note_is_the_note_odoo_writes(self):
        meetings = self.draft_meetings(2)
        meetings.with_user(self.mentor_user).action_confirm()
        self.flush_tracking()
        batched = self.tracking_note(meetings[0])
        # Odoo's own note for the same change, written outside a tracking run.
        meeting = meetings[0]
        commands = meeting._mail_track(meeting.fields_get(["state"]), {"state": "draft"})[1]
        odoo_note = meeting.with_user(self.mentor_user)._message_log(
            body="", author_id=self.mentor_user.partner_id.id, tracking_value_ids=commands
        )
        self.env.invalidate_all()
        self.assertTrue(batched and odoo_note)
        self.assertNotEqual(batched, odoo_note)
        self.assertEqual(
            batched.read(MESSAGE_FIELDS)[0] | {"id": 0},
            odoo_note.sudo().read(MESSAGE_FIELDS)[0] | {"id": 0},
        )
        self.assertEqual(
            batched.tracking_value_ids.read(TRACKING_FIELDS)[0] | {"id": 0},
            odoo_note.sudo().tracking_value_ids.read(TRACKING_FIELDS)[0] | {"id": 0},
        )
        shown = [
            [dict(value, id=0) for value in note.sudo().tracking_value_ids._tracking_value_format()]
            for note in (batched, odoo_note)
        ]
        self.assertEqual(shown[0], shown[1])
        self.assertEqual(batched.tracking_value_ids.old_value_char, "Draft")
        self.assertEqual(batched.tracking_value_ids.new_value_char, "Confirmed")

    def test_each_note_names_who_acted(self):
        confirmed, cancelled = self.draft_meetings(2)
        confirmed.with_user(self.mentor_user).action_confirm()
        self.flush_tracking()
        cancelled.with_user(self.coordinator_user).action_cancel()
        self.flush_tracking()
        self.assertEqual(self.tracking_note(confirmed).author_id, self.mentor_user.partner_id)
        self.assertEqual(self.tracking_note(cancelled).author_id, self.coordinator_user.partner_id)
        self.assertEqual(self.tracking_note(cancelled).tracking_value_ids.new_value_char, "Cancelled")

    def test_the_mentor_reads_the_note_on_their_meeting(self):
        meeting = self.draft_meetings(1)
        meeting.with_user(self.mentor_user).action_confirm()
        self.flush_tracking()
        notes = meeting.with_user(self.mentor_user).message_ids
        self.assertIn(self.tracking_note(meeting), notes.sudo())
        # Mentor B reads nothing of it, as with any note of a meeting that is not theirs.
        self.assertFalse(
            self.env["mail.message"].with_user(self.mentor_b_user).search([("id", "in", notes.ids)])
        )

    def test_no_context_removes_the_note(self):
        meeting = self.draft_meetings(1)
        meeting.with_user(self.mentor_user).with_context(
            **{"mentoring.tracking.pending_logs": [], "tracking_disable": False}
        ).action_confirm()
        self.flush_tracking()
        self.assertEqual(self.tracking_note(meeting).author_id, self.mentor_user.partner_id)

    def test_queries_do_not_grow_with_the_batch(self):
        warm = self.draft_meetings(1, days_back=2)
        small = self.draft_meetings(3, days_back=5)
        large = self.draft_meetings(12, days_back=20)
        counts = []
        for meetings in (warm, small, large):
            meetings.action_confirm()
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            self.env.cr.precommit.run()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[1], counts[2], "the notes of 12 meetings cost the queries of 3")
        self.assertEqual(len(large.sudo().message_ids.filtered("tracking_value_ids")), 12)
