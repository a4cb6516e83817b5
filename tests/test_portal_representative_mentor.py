from contextlib import contextmanager

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_portal_mentor import MentoringPortalMentorCase


@tagged("post_install", "-at_install")
class TestPortalRepresentativeIsNotAMentor(MentoringPortalMentorCase):
    """One portal login is either a mentor's or a representative's: a carer who could also
    represent Jamie would read Jamie's papers with the login that logs their own meetings,
    and a guardian made a mentor would log meetings with the login that signs for Jamie."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.maria = cls.env["res.partner"].create({"name": "Maria Rivera", "email": "maria@example.com"})
        cls.jamie = cls.mentee.with_user(cls.coordinator_user)

    @contextmanager
    def refused(self, exception, message):
        # assertRaises (not assertRaisesRegex) rolls the refused write back to a savepoint.
        with self.assertRaises(exception) as caught:
            yield
        self.assertIn(message, str(caught.exception))

    def test_a_portal_carer_is_not_made_a_representative(self):
        self.assertTrue(self.carer_user._is_portal())
        with self.refused(ValidationError, "a mentor cannot be someone's representative"):
            self.jamie.write({"representative_partner_ids": [Command.link(self.carer.partner_id.id)]})
        self.env.invalidate_all()
        self.assertFalse(self.mentee.sudo().representative_partner_ids)

    def test_a_carer_not_yet_invited_is_not_made_a_representative(self):
        # Without a login yet: the representatives' invitation would give the mentor's
        # contact a portal login, which then becomes the mentor's login too.
        carer = self.create_carer("Lee Notyet")
        self.assertFalse(carer.user_id)
        with self.assertRaises(ValidationError):
            self.jamie.write({"representative_partner_ids": [Command.link(carer.partner_id.id)]})
        self.env.invalidate_all()
        self.assertFalse(self.mentee.sudo().representative_partner_ids)

    def test_a_representative_is_not_invited_as_a_portal_mentor(self):
        self.jamie.representative_partner_ids = self.maria
        # Before the representative's invitation: the mentor profile is refused on that contact.
        with self.refused(UserError, "a representative cannot be a mentor"):
            self.env["mentoring.mentor"].with_user(self.coordinator_user).create(
                {"partner_id": self.maria.id, "program_ids": [Command.set(self.program.ids)]}
            )
        # A mentor moved onto the representative's contact: refused the same way.
        carer = self.create_carer("Lee Notyet")
        with self.refused(UserError, "a representative cannot be a mentor"):
            carer.with_user(self.coordinator_user).write({"partner_id": self.maria.id})
        # A mentor profile made on that contact some other way is not invited either.
        carer.sudo().partner_id = self.maria
        with self.refused(UserError, "a representative cannot be a mentor"):
            carer.with_user(self.coordinator_user).action_portal_invite()
        # Nor does the representatives' invitation give that contact a login.
        with self.refused(ValidationError, "a mentor cannot be someone's representative"):
            self.jamie.action_portal_invite_representatives()
        self.assertFalse(self.maria.user_ids)
        self.assertFalse(carer.user_id)

    def test_a_guardian_who_is_not_a_mentor_is_still_a_representative(self):
        self.jamie.representative_partner_ids = self.maria
        self.jamie.action_portal_invite_representatives()
        self.assertEqual(self.mentee.sudo().representative_partner_ids, self.maria)
        self.assertTrue(self.maria.user_ids._is_portal())
