from odoo.tests import HttpCase, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestSupervisionTour(HttpCase, MentoringCase):
    """A supervisor records a group supervision session with two peer mentors in the browser;
    one of them confirms their attendance on their own screen."""

    def test_supervisor_records_a_group_session_and_a_mentor_confirms(self):
        self.mentor_b.supervisor_id = self.supervisor_employee
        self.start_tour("/odoo", "peer_mentoring_supervision_group_tour", login=self.supervisor_user.login)
        session = self.env["mentoring.supervision.session"].search(
            [("outcomes", "=", "Five ways to answer a late call")]
        )
        self.assertEqual((session.state, session.session_type, session.modality), ("held", "group", "video"))
        self.assertEqual(session.attendee_ids.mentor_id, self.mentor | self.mentor_b)
        self.assertEqual(session.supervisor_id, self.supervisor_employee)
        self.assertFalse(any(session.attendee_ids.mapped("attended")))

        self.start_tour("/odoo", "peer_mentoring_supervision_confirm_tour", login=self.mentor_user.login)
        self.env.invalidate_all()
        confirmed = session.attendee_ids.filtered("attended")
        self.assertEqual(confirmed.mentor_id, self.mentor)
        self.assertEqual(self.mentor.last_supervision_date, session.date)
