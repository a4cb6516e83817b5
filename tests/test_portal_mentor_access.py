from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_portal_mentor import MentoringPortalMentorCase


@tagged("post_install", "-at_install")
class TestPortalMentorAccess(MentoringPortalMentorCase):
    """A carer mentor on the portal, through the ORM as a client would call it: the login is
    theirs, given by a coordinator; they read the meetings and goals of their own match and
    their own timesheets, and nothing of anyone else."""

    def test_the_coordinator_invites_the_carer_and_the_login_becomes_the_mentors_user(self):
        self.assertTrue(self.carer_user._is_portal())
        self.assertEqual(self.carer_user.partner_id, self.carer.partner_id)
        self.assertEqual(self.carer.user_id, self.carer_user)
        self.assertTrue(self.carer.has_portal_login)
        Mentor = self.env["mentoring.mentor"]
        self.assertEqual(Mentor.with_user(self.carer_user)._portal_mentor(), self.carer)
        self.assertFalse(Mentor.with_user(self.portal_user)._portal_mentor(), "a mentee is no mentor")
        self.assertFalse(Mentor.with_user(self.mentor_user)._portal_mentor(), "staff use the back office")

    def test_only_a_coordinator_of_the_mentors_programmes_invites(self):
        carer = self.create_carer("Eve Newcarer")
        for user in (self.mentor_user, self.coordinator_b_user, self.supervisor_user, self.carer_user):
            with self.assertRaises(UserError, msg=user.login):  # AccessError included
                carer.with_user(user).action_portal_invite()
        self.assertFalse(carer.user_id)

    def test_a_staff_mentor_is_not_invited(self):
        with self.assertRefused(UserError, "Staff mentors"):
            self.mentor.with_user(self.coordinator_user).action_portal_invite()

    def test_revoking_takes_the_login_away_from_the_mentor(self):
        self.carer_c.with_user(self.coordinator_user).action_portal_revoke()
        self.assertFalse(self.carer_c.user_id)
        self.assertFalse(self.env["mentoring.encounter"].with_user(self.carer_c_user).search([]))

    def test_nobody_points_a_mentor_at_someone_elses_portal_login(self):
        """The portal rules follow the mentor's user: setting it to a mentee's login, or moving
        the carer onto another contact with a login, would hand over a relationship."""
        for login in (self.portal_user, self.carer_c_user):
            with self.assertRefused(UserError, "portal login"):
                self.carer.with_user(self.coordinator_user).user_id = login
        with self.assertRefused(UserError, "login"):
            self.carer.with_user(self.coordinator_user).partner_id = self.portal_b_user.partner_id
        with self.assertRefused(UserError, "login"):
            self.mentor_b.with_user(self.coordinator_user).write(
                {"employee_id": False, "partner_id": self.portal_user.partner_id.id}
            )
        with self.assertRefused(UserError, "login"):
            self.env["mentoring.mentor"].with_user(self.coordinator_user).create(
                {"partner_id": self.portal_user.partner_id.id, "program_ids": self.program.ids}
            )
        self.assertEqual(self.carer.user_id, self.carer_user)

    def test_a_mentees_contact_is_not_invited_as_a_mentor(self):
        carer = self.create_carer("Robin as mentor")
        carer.sudo().partner_id = self.mentee_robin.partner_id
        self.mentee_robin.partner_id.email = "robin@example.com"
        with self.assertRefused(UserError, "person mentored"):
            carer.with_user(self.coordinator_user).action_portal_invite()

    def test_the_carer_reads_only_their_own_matchs_meetings_and_goals(self):
        Encounter = self.env["mentoring.encounter"].with_user(self.carer_user)
        self.assertEqual(Encounter.search([]), self.encounter_robin)
        Goal = self.env["mentoring.goal"].with_user(self.carer_user)
        self.assertEqual(Goal.search([]), self.goal_robin)
        rows = Encounter.search_read([], ["date", "progress", "next_steps", "mentee_name"])
        self.assertEqual(rows[0]["next_steps"], "Call the social worker")
        self.assertEqual(rows[0]["mentee_name"], "Robin Chen")
        for field in ("notes", "billed_units", "message_ids", "mentor_signature", "authorization_id"):
            with self.assertRaises(AccessError, msg=field):
                Encounter.browse(self.encounter_robin.id).read([field])
        for attacker in (self.carer_c_user, self.carer_former_user, self.portal_user, self.portal_b_user):
            found = self.env["mentoring.encounter"].with_user(attacker).search([])
            self.assertNotIn(self.encounter_robin, found, attacker.login)
            with self.assertRaises(AccessError, msg=attacker.login):
                self.encounter_robin.with_user(attacker).read(["date"])
            self.assertFalse(
                self.env["mentoring.goal"].with_user(attacker).search([("id", "=", self.goal_robin.id)]),
                attacker.login,
            )
        sheet = self.env["mentoring.monthly.timesheet"].create(
            {"mentor_id": self.carer.id, "month": self.today, "company_id": self.company.id}
        )
        self.assertEqual(self.env["mentoring.monthly.timesheet"].with_user(self.carer_user).search([]), sheet)
        for attacker in (self.carer_c_user, self.carer_former_user, self.portal_user):
            self.assertFalse(
                self.env["mentoring.monthly.timesheet"].with_user(attacker).search([]), attacker.login
            )
        # The former mentor keeps the meetings they wrote, not the new relationship's.
        self.assertEqual(
            self.env["mentoring.encounter"].with_user(self.carer_former_user).search([]),
            self.encounter_former,
        )

    def test_the_carer_writes_nothing_directly(self):
        encounter = self.encounter_robin.with_user(self.carer_user)
        with self.assertRaises(AccessError):
            encounter.write({"progress": "no_action"})
        with self.assertRaises(AccessError):
            encounter.unlink()
        with self.assertRaises(AccessError):
            self.env["mentoring.encounter"].with_user(self.carer_user).create(
                {"match_id": self.match_robin.id, "start_time": 9, "end_time": 10}
            )
        with self.assertRaises(AccessError):
            self.env["mentoring.monthly.timesheet"].with_user(self.carer_user).create(
                {"mentor_id": self.carer.id, "company_id": self.company.id}
            )
        with self.assertRaises(AccessError):
            self.env["mentoring.mentor"].with_user(self.carer_user).search_read([], ["name"])
        with self.assertRaises(AccessError):
            self.env["mentoring.match"].with_user(self.carer_user).search_read([], ["name"])
        with self.assertRaises(AccessError):
            self.env["mentoring.mentee"].with_user(self.carer_user).search_read([], ["name"])

    def test_staff_mentors_keep_their_rules(self):
        """A portal login as mentor's user does not widen a staff mentor's view."""
        found = self.env["mentoring.encounter"].with_user(self.mentor_user).search([])
        self.assertNotIn(self.encounter_robin, found)
        self.assertIn(self.encounter, found)
