"""Issue 15, item 1: every state that locks writes also locks deletion, and nothing signed or
confirmed is deleted. A meeting that carries a signature, was ever confirmed or is cancelled
stays; a confirmed or cancelled group meeting is kept like each person's meeting; an internship
in review changes only through its actions. Tried as the denied user, over the ORM and over
JSON-RPC; a plain draft is still deleted by its author."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, JsonRpcException, tagged

from .common_group import MentoringGroupSessionCase
from .common_internship import MentoringInternshipCase
from .test_guard_scope import CallKw

KEPT = "cannot be deleted"
MEETING_KEPT = "is part of the record"


@tagged("post_install", "-at_install")
class TestMeetingLocks(CallKw, MentoringInternshipCase, HttpCase):
    def draft_meeting(self, start, **vals):
        """A draft meeting of mentor A with Jamie, logged by the mentor."""
        return (
            self.env["mentoring.encounter"]
            .with_user(self.mentor_user)
            .create(
                {
                    "match_id": self.match.id,
                    "date": self.yesterday,
                    "start_time": start,
                    "end_time": start + 1,
                    "location_type": "agency",
                    "progress": "met",
                    **vals,
                }
            )
        )

    def test_a_meeting_cancelled_before_it_was_confirmed_is_kept(self):
        meeting = self.draft_meeting(13.0)
        meeting.action_cancel()
        self.assertEqual((meeting.state, meeting.was_confirmed), ("cancelled", False))
        with self.assertRefused(UserError, "kept as they were"):
            meeting.write({"progress": "no_action", "no_action_reason": "sick"})
        for user in (self.mentor_user, self.coordinator_user):
            with self.assertRefused(UserError, MEETING_KEPT):
                meeting.with_user(user).unlink()
        self.assertEqual((meeting.exists(), meeting.sudo().progress), (meeting, "met"))

    def test_a_signed_draft_is_kept_but_still_written(self):
        meeting = self.draft_meeting(13.0, mentee_signed_on=self.yesterday)
        meeting.write({"progress": "some_steps", "progress_explanation": "Called the bank"})
        with self.assertRefused(UserError, MEETING_KEPT):
            meeting.unlink()
        self.assertTrue(meeting.exists())

    def test_a_meeting_once_confirmed_and_set_back_to_draft_is_corrected_not_deleted(self):
        meeting = self.draft_meeting(13.0)
        meeting.action_confirm()
        meeting.with_user(self.coordinator_user).action_cancel()
        meeting.action_reset_to_draft()
        self.assertEqual((meeting.state, meeting.was_confirmed), ("draft", True))
        meeting.write({"progress": "some_steps", "progress_explanation": "Called the bank"})
        with self.assertRefused(UserError, MEETING_KEPT):
            meeting.unlink()
        self.assertTrue(meeting.exists())

    def test_a_plain_draft_is_deleted_by_its_author(self):
        meeting = self.draft_meeting(13.0)
        meeting.unlink()
        self.assertFalse(meeting.exists())

    def test_rpc_a_cancelled_meeting_is_neither_rewritten_nor_deleted(self):
        meeting = self.draft_meeting(13.0)
        meeting.action_cancel()
        for method, args in (
            ("write", [meeting.ids, {"location_type": "phone"}]),
            ("unlink", [meeting.ids]),
        ):
            with self.assertRaises(JsonRpcException, msg=method) as caught:
                self.call("t_mentor_a", "mentoring.encounter", method, args)
            self.assertIn("odoo.exceptions.UserError", str(caught.exception))
        self.env.invalidate_all()
        self.assertEqual((meeting.exists(), meeting.location_type), (meeting, "agency"))

    def test_an_internship_in_review_changes_only_through_its_actions(self):
        self.complete_internship()
        self.assertEqual(self.internship.state, "in_review")
        planned_end = self.internship.date_end
        for user in (self.supervisor_user, self.coordinator_user, self.manager_user):
            with self.assertRefused(UserError, "can no longer be changed"):
                self.internship.with_user(user).write({"date_end": self.today})
        with self.assertRefused(UserError, KEPT):
            self.internship.with_user(self.manager_user).unlink()
        self.assertEqual(self.internship.date_end, planned_end)
        # The actions still run: the supervisor reopens it, and the log is theirs again.
        self.internship.with_user(self.supervisor_user).action_reopen()
        self.internship.with_user(self.supervisor_user).write({"date_end": self.today})
        self.assertEqual(self.internship.date_end, self.today)

    def test_rpc_an_internship_in_review_is_not_rewritten(self):
        self.complete_internship()
        with self.assertRaises(JsonRpcException) as caught:
            self.call(
                "t_supervisor",
                "mentoring.internship",
                "write",
                [self.internship.ids, {"date_end": "2020-01-01"}],
            )
        self.assertIn("odoo.exceptions.UserError", str(caught.exception))
        self.env.invalidate_all()
        self.assertNotEqual(str(self.internship.date_end), "2020-01-01")


@tagged("post_install", "-at_install")
class TestGroupMeetingLocks(CallKw, MentoringGroupSessionCase, HttpCase):
    def test_a_confirmed_group_meeting_keeps_its_people_place_and_signature(self):
        session = self.group_session([self.mentee, self.mentee_r])
        session.with_user(self.mentor_user).action_confirm()
        as_mentor = session.with_user(self.mentor_user)
        for vals in (
            {"encounter_ids": [self.member_line(self.mentee_s)]},
            {"mentor_signed_by": "Somebody else"},
            {"location_type": "phone"},
        ):
            with self.assertRefused(UserError, "is confirmed"):
                as_mentor.write(vals)
        self.assertEqual(len(session.sudo().encounter_ids), 2)
        self.assertFalse(session.mentor_signed_by)
        as_mentor.write({"start_time": 9.5, "end_time": 10.5})  # the time is still corrected
        self.assertEqual(self.meeting_of(session, self.mentee).start_time, 9.5)

    def test_a_group_meeting_cancelled_as_a_draft_is_kept(self):
        session = self.group_session([self.mentee])
        session.with_user(self.mentor_user).action_cancel()
        with self.assertRefused(UserError, "are kept as they were"):
            session.with_user(self.mentor_user).write({"location_type": "phone"})
        for user in (self.mentor_user, self.coordinator_user):
            with self.assertRefused(UserError, "cancel it instead of deleting it"):
                session.with_user(user).unlink()
        self.assertEqual(session.location_type, "agency")

    def test_a_signed_draft_group_meeting_is_kept(self):
        session = self.group_session([self.mentee])
        with self.assertRefused(UserError, "cancel it instead of deleting it"):
            session.with_user(self.mentor_user).unlink()
        self.assertTrue(session.exists())

    def test_rpc_a_confirmed_group_meeting_is_neither_rewritten_nor_deleted(self):
        session = self.group_session([self.mentee, self.mentee_r])
        session.with_user(self.mentor_user).action_confirm()
        line = {"match_id": self.match_s.id, "progress": "met"}
        for method, args in (
            ("write", [session.ids, {"encounter_ids": [Command.create(line)]}]),
            ("unlink", [session.ids]),
        ):
            with self.assertRaises(JsonRpcException, msg=method) as caught:
                self.call("t_mentor_a", "mentoring.group.session", method, args)
            self.assertIn("odoo.exceptions.UserError", str(caught.exception))
        self.env.invalidate_all()
        self.assertEqual(len(session.sudo().encounter_ids), 2)
