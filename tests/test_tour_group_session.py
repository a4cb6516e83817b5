from odoo.tests import HttpCase, tagged

from ..models.mentoring_encounter import just_ended_hour
from .common_group import MentoringGroupSessionCase


@tagged("post_install", "-at_install")
class TestGroupSessionTour(MentoringGroupSessionCase, HttpCase):
    """A peer mentor logs a group meeting with two mentees through the screens, in a browser."""

    def test_mentor_logs_and_confirms_a_group_meeting(self):
        # The form offers the hour that has just ended: yesterday's last one before 01:00.
        offered = {just_ended_hour(self.env["mentoring.group.session"].with_user(self.mentor_user))[0]}
        self.start_tour("/odoo", "peer_mentoring_group_session_tour", login=self.mentor_user.login)
        offered.add(just_ended_hour(self.env["mentoring.group.session"].with_user(self.mentor_user))[0])

        session = self.env["mentoring.group.session"].search([("mentor_id", "=", self.mentor.id)])
        self.assertEqual(len(session), 1)
        self.assertEqual((session.state, session.create_uid), ("confirmed", self.mentor_user))
        self.assertIn(session.date, offered)
        self.assertEqual((session.duration_minutes, session.location_type), (60, "community"))
        self.assertEqual(session.encounter_ids.mentee_id, self.mentee | self.mentee_r)
        for mentee in (self.mentee, self.mentee_r):
            meeting = self.meeting_of(session, mentee)
            self.assertEqual((meeting.state, meeting.progress), ("confirmed", "met"))
            self.assertEqual(meeting.goal_id, self.members[mentee][1])
            self.assertEqual(meeting.mentee_signed_by, mentee.name)
            self.assertEqual(meeting.mentor_signed_by, "Ada Mentor")
            # 60 minutes: (60 + 7) // 15 = 4 units, on the person's own group authorisation.
            self.assertEqual((meeting.authorization_id, meeting.billed_units), (self.group_auths[mentee], 4))
            self.assertFalse(meeting.needs_billing_attention)
