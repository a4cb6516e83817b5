from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestEncounterRules(MentoringCase):
    def test_duration_is_computed_from_start_and_end(self):
        encounter = self.create_encounter(self.match, start_time=9.25, end_time=10.0)
        self.assertEqual(encounter.duration_minutes, 45)

    def test_end_before_start_is_refused_with_the_times(self):
        with self.assertRefused(ValidationError, r"ends at 09:00, which is not after it starts \(10:00\)"):
            self.create_encounter(self.match, start_time=10.0, end_time=9.0)

    def test_end_equal_to_start_is_refused(self):
        with self.assertRaises(ValidationError):
            self.create_encounter(self.match, start_time=10.0, end_time=10.0)

    def test_time_outside_the_day_is_refused(self):
        with self.assertRefused(ValidationError, "within the day"):
            self.create_encounter(self.match, start_time=23.0, end_time=25.0)

    def test_confirming_a_future_meeting_is_refused(self):
        encounter = self.create_encounter(self.match, date=self.today + timedelta(days=1))
        with self.assertRefused(ValidationError, "has not happened yet"):
            encounter.action_confirm()
        self.assertEqual(encounter.state, "draft")

    def test_meeting_today_can_be_confirmed_once_it_has_ended(self):
        # 16:07 UTC is 10:07 or 11:07 in Chicago, the coordinator's timezone: same day.
        self.coordinator_user.tz = "America/Chicago"
        with freeze_time(f"{self.today} 16:07:40"):
            ended = self.create_encounter(self.match, date=self.today, start_time=8.0, end_time=9.0)
            ended.with_user(self.coordinator_user).action_confirm()
            self.assertEqual(ended.state, "confirmed")
            going_on = self.create_encounter(self.match, date=self.today, start_time=11.0, end_time=12.5)
            with self.assertRefused(ValidationError, "ends at 12:30 today: .* from 12:30 on"):
                going_on.with_user(self.coordinator_user).action_confirm()
            self.assertEqual(going_on.state, "draft")

    def test_moving_a_confirmed_meeting_into_the_future_is_refused(self):
        self.encounter.action_confirm()
        with self.assertRaises(ValidationError):
            self.encounter.date = self.today + timedelta(days=3)

    def test_overlapping_confirmed_meetings_of_one_mentor_are_refused(self):
        self.encounter.action_confirm()
        other_mentee = self.create_mentee("Robin Chen")
        other_match = self.create_active_match(self.mentor, other_mentee)
        overlapping = self.create_encounter(other_match, start_time=10.5, end_time=11.5)
        with self.assertRefused(ValidationError, "already has a confirmed meeting .* from 10:00 to 11:00"):
            overlapping.action_confirm()
        self.assertEqual(overlapping.state, "draft")

    def test_back_to_back_meetings_do_not_overlap(self):
        self.encounter.action_confirm()
        after = self.create_encounter(self.match, start_time=11.0, end_time=12.0)
        after.action_confirm()
        self.assertEqual(after.state, "confirmed")

    def test_overlap_within_one_batch_is_refused(self):
        first = self.create_encounter(self.match, date=self.yesterday, start_time=8.0, end_time=9.0)
        second = self.create_encounter(self.match, date=self.yesterday, start_time=8.5, end_time=9.5)
        with self.assertRaises(ValidationError):
            (first | second).action_confirm()

    def test_other_mentors_meetings_at_the_same_time_are_fine(self):
        self.encounter.action_confirm()
        self.encounter_b.action_confirm()
        self.assertEqual(self.encounter_b.state, "confirmed")

    def test_cancelled_meetings_do_not_block_the_slot(self):
        self.encounter.action_confirm()
        self.encounter.action_cancel()
        again = self.create_encounter(self.match)
        again.action_confirm()
        self.assertEqual(again.state, "confirmed")

    def test_no_action_needs_a_reason(self):
        encounter = self.create_encounter(self.match, progress="no_action")
        with self.assertRefused(ValidationError, "choose the reason"):
            encounter.action_confirm()
        encounter.no_action_reason = "sick"
        encounter.action_confirm()
        self.assertEqual(encounter.state, "confirmed")

    def test_no_action_for_an_other_reason_needs_an_explanation(self):
        encounter = self.create_encounter(self.match, progress="no_action", no_action_reason="other")
        with self.assertRefused(ValidationError, "Explanation or steps taken"):
            encounter.action_confirm()

    def test_considerable_progress_and_some_steps_need_the_explanation(self):
        for progress in ("considerable", "some_steps"):
            encounter = self.create_encounter(self.match, date=self.yesterday, progress=progress)
            with self.assertRefused(ValidationError, "Explanation or steps taken"):
                encounter.action_confirm()
            encounter.progress_explanation = "Wrote half of the CV"
            encounter.action_confirm()
            encounter.action_cancel()

    def test_progress_is_required_to_confirm(self):
        encounter = self.create_encounter(self.match, progress=False)
        with self.assertRefused(ValidationError, "Record the progress"):
            encounter.action_confirm()

    def test_a_refused_confirmation_keeps_what_was_typed(self):
        encounter = self.create_encounter(
            self.match, progress="considerable", next_steps="Bring the CV", notes="<p>kept</p>"
        )
        with self.assertRaises(ValidationError):
            encounter.action_confirm()
        self.assertEqual(encounter.state, "draft")
        self.assertEqual(encounter.next_steps, "Bring the CV")
        self.assertIn("kept", encounter.notes)

    def test_encounters_only_on_introduced_or_active_matches(self):
        proposal = self.create_match(self.mentor, self.create_mentee("Lee Park"))
        with self.assertRefused(UserError, "introduced or active"):
            self.create_encounter(proposal)

    def test_confirming_on_a_match_put_on_hold_is_refused(self):
        self.match.action_hold()
        with self.assertRefused(UserError, "introduced or active"):
            self.encounter.action_confirm()

    def test_introductory_contacts_before_the_agreement_are_limited(self):
        match = self.create_match(self.mentor, self.create_mentee("Lee Park"))
        match.action_introduce()
        first = self.create_encounter(match, start_time=13.0, end_time=14.0)
        first.action_confirm()  # the programme allows one introductory contact
        second = self.create_encounter(match, start_time=15.0, end_time=16.0)
        with self.assertRefused(UserError, "no signed agreement yet"):
            second.action_confirm()
        self.create_agreement(match).action_sign()
        second.action_confirm()
        self.assertEqual(second.state, "confirmed")

    def test_introductory_limit_counts_the_whole_batch(self):
        match = self.create_match(self.mentor, self.create_mentee("Lee Park"))
        match.action_introduce()
        encounters = self.create_encounter(match, start_time=13.0, end_time=14.0) | self.create_encounter(
            match, start_time=15.0, end_time=16.0
        )
        with self.assertRaises(UserError):
            encounters.action_confirm()

    def test_confirmed_encounter_cannot_be_deleted_but_can_be_cancelled(self):
        self.encounter.action_confirm()
        with self.assertRefused(UserError, "Cancel it instead"):
            self.encounter.unlink()
        self.encounter.with_user(self.coordinator_user).action_cancel()
        self.flush_tracking()
        self.assertEqual(self.encounter.state, "cancelled")
        tracked = self.encounter.message_ids.filtered(lambda m: m.tracking_value_ids)
        self.assertEqual(tracked[0].author_id, self.coordinator_user.partner_id)

    def test_draft_encounter_can_be_deleted(self):
        draft = self.create_encounter(self.match, date=self.today)
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_only_cancelled_encounters_go_back_to_draft(self):
        with self.assertRaises(UserError):
            self.encounter.action_reset_to_draft()
        self.encounter.action_cancel()
        self.encounter.action_reset_to_draft()
        self.assertEqual(self.encounter.state, "draft")

    def test_drawn_signature_stamps_name_and_date(self):
        self.encounter.mentor_signature = (
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        )
        self.assertEqual(self.encounter.mentor_signed_by, "Ada Mentor")
        self.assertEqual(self.encounter.mentor_signed_on, self.today)
