"""Issue 19.2: the living demo's check-ins build through the same rules as real work, some late."""

from odoo.tests import tagged

from .common import MentoringBillingCase


@tagged("post_install", "-at_install")
class TestCheckinDemo(MentoringBillingCase):
    def test_living_programme_has_check_ins_some_late(self):
        Demo = self.env["mentoring.demo"]
        Demo._generate_living_programme(self.program.id, self.supervisor_employee.id, self.payer.id)
        Demo._generate_checkins(self.program.id)
        matches = self.env["mentoring.match"].search(
            [("program_id", "=", self.program.id), ("state", "in", ("introduced", "active"))]
        )
        checkins = self.env["mentoring.checkin"].search([("program_id", "=", self.program.id)])
        self.assertEqual(set(checkins.mapped("state")), {"done"})
        # Every match of the living programme (the fixtures' matches start today: none yet).
        living = matches - self.match - self.match_b
        self.assertEqual(set(checkins.match_id.ids), set(living.ids))
        late = matches.filtered("checkin_overdue")
        self.assertTrue(late)
        self.assertTrue(matches - late)
        self.assertEqual(set(late.mapped("checkin_due_with")), {"mentee"})
        # The scheduled action gave each late match's coordinator one activity.
        activity_type = self.env.ref("peer_mentoring.mail_activity_type_checkin_due")
        for match in late:
            activity = match.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            self.assertEqual(len(activity), 1, match.name)
            self.assertIn(activity.user_id, self.program.coordinator_ids)
