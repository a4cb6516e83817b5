"""Issue 21, Needs doing at a million meetings: each match stores the day of its last confirmed
meeting (`last_meeting_date`), kept by confirming, cancelling and moving meetings, and the
board's "No meeting for 30 days" card reads it."""

from datetime import timedelta

from odoo.tests import tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestLastMeetingDate(MentoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # No check-ins: their card would carry the days since the last meeting instead.
        cls.program.write({"checkin_first_month_count": 0, "checkin_interval_months": 0})
        cls.match.date_start = cls.today - timedelta(days=90)
        cls.days_ago = staticmethod(lambda days: cls.today - timedelta(days=days))

    def card(self):
        self.env.invalidate_all()
        return (
            self.env["mentoring.overview.item"]
            .with_user(self.coordinator_user)
            .search([("kind", "=", "no_contact"), ("match_id", "=", self.match.id)])
        )

    def meeting(self, days, confirm=True):
        encounter = self.create_encounter(self.match, date=self.days_ago(days))
        if confirm:
            # The mentor confirms: they cannot write the match, the day is kept all the same.
            encounter.with_user(self.mentor_user).action_confirm()
        return encounter

    def assertLastMeeting(self, day, card_since):
        self.env.invalidate_all()
        self.assertEqual(self.match.last_meeting_date, day)
        card = self.card()
        if card_since is None:
            self.assertFalse(card)
        else:
            self.assertEqual(card.due_date, card_since)

    def test_confirming_cancelling_and_two_meetings_keep_the_day_and_the_card(self):
        # The fixture's draft meeting counts for nothing: no meeting yet, the card since the start.
        self.assertLastMeeting(False, self.match.date_start)
        first = self.meeting(40)
        self.assertLastMeeting(self.days_ago(40), self.days_ago(40))
        self.assertIn("40 days since the last meeting", self.card().fact)
        second = self.meeting(10)
        self.assertLastMeeting(self.days_ago(10), None)
        # An earlier meeting confirmed after it, and a later one left in draft, change nothing.
        self.meeting(60)
        self.meeting(5, confirm=False)
        self.assertLastMeeting(self.days_ago(10), None)
        # Cancelling the last one: the one before it is the last again, and the card is back.
        second.action_cancel()
        self.assertLastMeeting(self.days_ago(40), self.days_ago(40))
        second.action_reset_to_draft()
        self.assertLastMeeting(self.days_ago(40), self.days_ago(40))
        # A confirmed meeting moved to another day moves the day with it.
        first.date = self.days_ago(3)
        self.assertLastMeeting(self.days_ago(3), None)
        first.action_cancel()
        self.assertLastMeeting(self.days_ago(60), self.days_ago(60))

    def test_no_meeting_left_confirmed_goes_back_to_the_start(self):
        only = self.meeting(20)
        self.assertLastMeeting(self.days_ago(20), None)
        only.action_cancel()
        self.assertLastMeeting(False, self.match.date_start)
        self.assertIn("No meeting in the 90 days since the start", self.card().fact)

    def test_a_batch_of_meetings_of_two_matches_keeps_each_match_apart(self):
        other = self.create_active_match(self.mentor, self.create_mentee("Robin Lake"))
        meetings = self.create_encounter(self.match, date=self.days_ago(7))
        meetings |= self.create_encounter(self.match, date=self.days_ago(2))
        meetings |= self.create_encounter(other, date=self.days_ago(9))
        with self.assertQueryCount(__system__=1):
            # One statement for the whole batch, whatever the number of meetings.
            meetings.match_id._refresh_last_meeting_date()
        meetings.action_confirm()
        self.env.invalidate_all()
        self.assertEqual(self.match.last_meeting_date, self.days_ago(2))
        self.assertEqual(other.last_meeting_date, self.days_ago(9))
