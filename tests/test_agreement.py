from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestAgreement(MentoringCase):
    def test_confidentiality_and_terms_are_prefilled_from_the_programme(self):
        self.program.write({"opt_out_notice_hours": 48, "duration_months": 4})
        match = self.create_match(self.mentor, self.create_mentee("Lee Park"))
        agreement = self.env["mentoring.agreement"].create({"match_id": match.id, "duration_months": 2})
        self.assertEqual(agreement.confidentiality_statement, self.program.confidentiality_statement)
        self.assertIn("risk", agreement.confidentiality_limits)
        self.assertEqual(agreement.opt_out_notice_hours, 48)
        self.assertEqual(agreement.duration_months, 2, "what the user typed wins over the default")
        self.assertEqual(agreement.contact_frequency, "monthly")

    def test_signing_lists_what_is_missing(self):
        match = self.create_match(self.mentor, self.create_mentee("Lee Park"))
        agreement = self.env["mentoring.agreement"].create({"match_id": match.id})
        match.action_introduce()
        with self.assertRefused(
            UserError, "Fill in: Purpose, Development goals, the mentor's signature, the mentee's signature"
        ):
            agreement.action_sign()
        self.assertEqual(agreement.state, "draft")

    def test_signed_agreement_is_read_only(self):
        with self.assertRefused(UserError, "New version"):
            self.agreement.with_user(self.mentor_user).write({"purpose": "Something else"})
        self.assertEqual(self.agreement.purpose, "Find paid work")

    def test_signed_agreement_still_takes_chatter_messages(self):
        self.agreement.with_user(self.mentor_user).message_post(body="Copy given to Jamie")
        self.assertIn("Copy given", self.agreement.message_ids[0].body)

    def test_new_version_is_a_draft_copy_and_signing_it_supersedes_the_old(self):
        action = self.agreement.with_user(self.mentor_user).action_new_version()
        new = self.env["mentoring.agreement"].browse(action["res_id"])
        self.assertEqual((new.state, new.version, new.previous_id), ("draft", 2, self.agreement))
        self.assertEqual(new.purpose, "Find paid work")
        self.assertFalse(new.mentor_signed_on, "signatures are not copied")
        new.write(
            {
                "purpose": "Find paid work and travel alone",
                "mentor_signed_on": self.today,
                "mentee_signed_on": self.today,
            }
        )
        new.action_sign()
        self.assertEqual(self.agreement.state, "superseded")
        self.assertEqual(new.state, "signed")
        self.assertTrue(self.match.has_signed_agreement)

    def test_signed_agreement_cannot_be_deleted(self):
        with self.assertRefused(UserError, "cannot be deleted"):
            self.agreement.unlink()
        draft = self.env["mentoring.agreement"].create({"match_id": self.match.id})
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_coordinator_signature_is_optional_and_stamped_with_the_coordinator(self):
        match = self.create_match(self.mentor, self.create_mentee("Lee Park"))
        match.action_introduce()
        agreement = self.create_agreement(
            match,
            coordinator_signature="iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
        )
        self.assertEqual(agreement.coordinator_signed_by, self.coordinator_user.name)
        agreement.action_sign()
        self.assertEqual(agreement.state, "signed")
