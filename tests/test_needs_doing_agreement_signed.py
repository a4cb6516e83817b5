"""Issue 21, Needs doing at a million meetings: each match stores whether it has a signed
agreement (`has_signed_agreement`), kept by the ORM whenever an agreement is made, signed or
superseded, whoever signs it and however (the form, the portal, a paper agreement recorded at
import), and the board's "Agreement to sign" card reads that column instead of every signed
agreement. The column is read from the database, not from the cache, so that a value kept only
in memory would fail these tests."""

from odoo.tests import tagged

from .common import MentoringCase
from .common_needs_doing import NeedsDoingFixtures
from .common_portal import SIGNATURE, MentoringPortalCase


class SignedAgreementAsserts:
    def stored_flag(self, match):
        self.env.flush_all()
        self.env.cr.execute("SELECT has_signed_agreement FROM mentoring_match WHERE id = %s", [match.id])
        return self.env.cr.fetchone()[0]

    def agreement_card(self, match):
        self.env.invalidate_all()
        return (
            self.env["mentoring.overview.item"]
            .with_user(self.coordinator_user)
            .search([("kind", "=", "agreement"), ("match_id", "=", match.id)])
        )

    def assertSigned(self, match, signed, card):
        """The stored flag says `signed`; the card is there or not (`card`)."""
        self.assertIs(self.stored_flag(match), signed)
        self.assertEqual(bool(self.agreement_card(match)), card)


@tagged("post_install", "-at_install")
class TestSignedAgreementFlag(SignedAgreementAsserts, NeedsDoingFixtures, MentoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet = cls.create_quiet_pair()  # introduced, no agreement written

    def sign_new_version(self, agreement):
        new = self.env["mentoring.agreement"].browse(agreement.action_new_version()["res_id"])
        new.write({"mentor_signed_on": self.today, "mentee_signed_on": self.today})
        return new

    def test_signing_sets_it_and_new_versions_keep_it(self):
        self.assertSigned(self.quiet, False, card=True)
        first = self.create_agreement(self.quiet)
        self.assertSigned(self.quiet, False, card=True)  # a draft is not signed
        first.with_user(self.coordinator_user).action_sign()
        self.assertSigned(self.quiet, True, card=False)
        # A new version is a draft beside the signed one; signing it supersedes the first.
        second = self.sign_new_version(first)
        self.assertSigned(self.quiet, True, card=False)
        second.action_sign()
        self.assertEqual((first.state, second.state), ("superseded", "signed"))
        self.assertSigned(self.quiet, True, card=False)
        # The fixture's matches were signed through the same path.
        self.assertTrue(self.stored_flag(self.match) and self.stored_flag(self.match_b))

    def test_a_new_match_and_a_draft_agreement_are_not_signed(self):
        match = self.create_match(self.mentor, self.create_mentee("Robin Lake"))
        self.assertSigned(match, False, card=False)  # a proposal has no card yet
        self.create_agreement(match)
        match.action_introduce()
        self.assertSigned(match, False, card=True)

    def test_cancelling_reopening_and_archiving_keep_the_flag_and_the_card_follows(self):
        self.quiet.action_cancel()
        self.assertSigned(self.quiet, False, card=False)
        self.quiet.action_reset_to_draft()
        self.assertSigned(self.quiet, False, card=False)
        self.quiet.action_introduce()
        self.assertSigned(self.quiet, False, card=True)
        self.quiet.action_archive()
        self.assertSigned(self.quiet, False, card=False)
        self.quiet.action_unarchive()
        self.assertSigned(self.quiet, False, card=True)

    def test_holding_resuming_and_closing_keep_the_flag(self):
        self.create_agreement(self.quiet).action_sign()
        self.quiet.action_activate()
        self.quiet.action_hold()
        self.assertSigned(self.quiet, True, card=False)
        self.quiet.action_activate()
        self.assertSigned(self.quiet, True, card=False)
        self.close_match(self.quiet, "goals_met")
        self.assertEqual(self.quiet.state, "closed")
        self.assertSigned(self.quiet, True, card=False)

    def test_a_paper_agreement_recorded_at_import_sets_it(self):
        # As the import of running matches records it (mentoring_match_import.py).
        self.quiet.with_user(self.coordinator_user)._apply_import_values(
            {"import_state": "introduced", "import_agreement_signed_on": self.yesterday}
        )
        self.assertEqual(self.quiet.agreement_ids.state, "signed")
        self.assertSigned(self.quiet, True, card=False)

    def test_a_signed_agreement_moved_to_another_match_moves_the_flag(self):
        # Only the superuser can move a record to another match (mentoring.match.child.mixin).
        signed = self.create_agreement(self.quiet)
        signed.action_sign()
        other = self.create_match(self.mentor, self.create_mentee("Robin Lake"))
        other.action_introduce()
        signed.sudo().write({"match_id": other.id})
        self.assertSigned(self.quiet, False, card=True)
        self.assertSigned(other, True, card=False)

    def test_every_stored_flag_equals_the_agreements(self):
        self.create_agreement(self.quiet).action_sign()
        self.env.flush_all()
        self.env.cr.execute(
            """SELECT count(*) FROM mentoring_match m
                WHERE m.has_signed_agreement IS DISTINCT FROM EXISTS (
                      SELECT 1 FROM mentoring_agreement a WHERE a.match_id = m.id AND a.state = 'signed')"""
        )
        self.assertEqual(self.env.cr.fetchone()[0], 0)


@tagged("post_install", "-at_install")
class TestSignedAgreementFlagOnThePortal(SignedAgreementAsserts, MentoringPortalCase):
    def test_the_persons_signature_on_the_portal_signs_and_sets_it(self):
        robin = self.create_mentee("Robin Lake")
        robin.partner_id.email = "robin@example.com"
        robin.with_user(self.coordinator_user).action_portal_invite()
        match = self.create_match(self.mentor_b, robin)
        match.action_introduce()
        agreement = self.create_agreement(match, mentee_signed_on=False)
        self.assertSigned(match, False, card=True)
        agreement.with_user(robin.portal_user_id).action_portal_sign("Robin", SIGNATURE)
        self.assertEqual(agreement.state, "signed")
        self.assertSigned(match, True, card=False)
