"""Issue 19: concerns raised by anyone in a mentoring role, read and decided by safeguarding leads."""

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_safeguarding import SafeguardingCase


@tagged("post_install", "-at_install")
class TestSafeguardingConcern(SafeguardingCase):
    def test_mentor_raises_from_meeting_and_gets_only_a_receipt(self):
        action = self.encounter.with_user(self.mentor_user).action_raise_concern()
        screen, concern = self.raise_concern(
            self.mentor_user,
            self.type_disclosure,
            context=action["context"],
            steps_taken="Told my supervisor",
        )
        self.assertEqual(screen.state, "done")
        self.assertRegex(screen.concern_reference, r"^SG-\d{4}-\d{4}$")
        self.assertIn("own words", screen.guidance)
        self.assertEqual(concern.raised_by_id, self.mentor_user)
        self.assertEqual(
            (concern.encounter_id, concern.match_id, concern.mentee_id, concern.program_id),
            (self.encounter, self.match, self.mentee, self.program),
        )
        self.assertEqual(concern.description, "She said he hit her.")
        self.assertEqual(concern.steps_taken, "Told my supervisor")
        # The raiser reads the receipt, not the concern, and does not follow it.
        self.assertEqual(
            screen.with_user(self.mentor_user).read(["concern_reference"])[0]["concern_reference"],
            concern.name,
        )
        with self.assertRaises(AccessError):
            concern.with_user(self.mentor_user).read(["description"])
        self.assertNotIn(self.mentor_user.partner_id, concern.message_partner_ids)
        # Nothing is said on the meeting or the match, which the people it may be about read.
        self.flush_tracking()
        for record in (self.encounter, self.match, self.mentor):
            self.assertFalse(
                record.message_ids.filtered(
                    lambda m: concern.name in (m.body or "") or "concern" in (m.body or "").lower()
                ),
                record._name,
            )

    def test_links_sent_by_the_client_must_be_readable(self):
        """The raise screen's defaults come from the client: mentor B cannot raise 'on' mentor A's
        match (that would read its name back and mark it as having a concern)."""
        with self.assertRaises(AccessError):
            self.raise_concern(
                self.mentor_b_user, self.type_safety, context={"default_match_id": self.match.id}
            )
        with self.assertRaises(AccessError):
            self.raise_concern(self.mentor_b_user, self.type_safety, match_id=self.match.id)
        self.assertFalse(
            self.env["mentoring.safeguarding.concern"].search([("match_id", "=", self.match.id)])
        )

    def test_nobody_creates_or_deletes_a_concern_directly(self):
        _screen, concern = self.raise_concern(self.mentor_user, self.type_safety, match_id=self.match.id)
        for user in (self.lead_user, self.manager_user, self.mentor_user):
            with self.assertRaises(UserError, msg=user.login):
                self.env["mentoring.safeguarding.concern"].with_user(user).create(
                    {"type_id": self.type_safety.id, "description": "x", "raised_by_id": user.id}
                )
            with self.assertRaises(UserError, msg=user.login):
                concern.with_user(user).unlink()
        with self.assertRefused(UserError, "never deleted"):
            concern.sudo().unlink()
        self.assertTrue(concern.exists())

    def test_lead_cannot_set_protected_fields_or_move_the_concern(self):
        _screen, concern = self.raise_concern(self.mentor_user, self.type_safety, match_id=self.match.id)
        as_lead = concern.with_user(self.lead_user)
        for vals in (
            {"state": "closed"},
            {"outcome": "false"},
            {"description": "rewritten"},
            {"raised_by_id": self.lead_user.id},
            {"suspension_state": "lifted"},
        ):
            with self.assertRefused(UserError, "cannot be set directly"):
                as_lead.write(vals)
        with self.assertRefused(UserError, "cannot be changed once set"):
            as_lead.write({"match_id": self.match_b.id})
        as_lead.write({"lead_notes": "<p>Called the mentee's carer.</p>"})
        self.assertEqual(concern.match_id, self.match)
        self.assertEqual(concern.state, "open")
        self.assertEqual(concern.description, "She said he hit her.")

    def test_allegation_suspends_the_mentor_and_gives_the_lead_a_review_today(self):
        second = self.create_active_match(self.mentor, self.create_mentee("Robin Lee"))
        action = self.mentor.with_user(self.supervisor_user).action_raise_concern()
        # A supervisor raises it from the mentor's form: the mentor and the type are filled in.
        _screen, concern = self.raise_concern(
            self.supervisor_user, self.type_allegation, context=action["context"]
        )
        self.assertEqual(concern.subject_mentor_id, self.mentor)
        self.assertEqual(self.mentor.state, "suspended")
        self.assertEqual((self.match | second).mapped("state"), ["on_hold", "on_hold"])
        self.assertEqual(self.match_b.state, "active", "another mentor's match goes on")
        self.assertEqual(concern.suspension_state, "pending")
        review = concern.activity_ids.filtered(
            lambda a: (
                a.activity_type_id == self.env.ref("peer_mentoring.mail_activity_type_safeguarding_review")
            )
        )
        self.assertEqual(review.user_id, self.lead_user)
        self.assertEqual(review.date_deadline, fields.Date.context_today(concern))
        # The match's chatter says it was held, but not by whom nor why beyond the suspension.
        self.flush_tracking()
        held = self.match.message_ids.filtered(lambda m: "Put on hold" in (m.body or ""))
        self.assertTrue(held)
        self.assertNotEqual(held.author_id, self.supervisor_user.partner_id)

    def test_lead_decides_the_suspension_with_a_reason(self):
        _screen, concern = self.raise_concern(
            self.coordinator_user, self.type_allegation, subject_mentor_id=self.mentor.id
        )
        self.assertEqual(self.mentor.state, "suspended")
        # Only a lead decides; and only with a reason.
        for user in (self.coordinator_user, self.mentor_user, self.supervisor_user):
            with self.assertRaises(UserError, msg=user.login):
                concern.with_user(user).action_lift_suspension()
        with self.assertRefused(UserError, "reason"):
            concern.with_user(self.lead_user).action_lift_suspension()
        concern.with_user(self.lead_user).write(
            {"suspension_reason": "Police confirmed he was abroad that day."}
        )
        concern.with_user(self.lead_user).action_lift_suspension()
        self.assertEqual(concern.suspension_state, "lifted")
        self.assertEqual(concern.suspension_decided_by_id, self.lead_user)
        self.assertEqual(self.mentor.state, "certified", "back to the status held before")
        self.assertEqual(self.match.state, "on_hold", "the coordinator resumes each match")
        self.assertFalse(
            concern.activity_ids.filtered(lambda a: a.activity_type_id.name == "Safeguarding review")
        )
        with self.assertRefused(UserError, "no suspension waiting"):
            concern.with_user(self.lead_user).action_keep_suspension()

    def test_lead_keeps_the_suspension(self):
        _screen, concern = self.raise_concern(
            self.coordinator_user, self.type_allegation, subject_mentor_id=self.mentor.id
        )
        concern.with_user(self.lead_user).write({"suspension_reason": "Investigation under way."})
        concern.with_user(self.lead_user).action_keep_suspension()
        self.assertEqual(concern.suspension_state, "kept")
        self.assertEqual(self.mentor.state, "suspended")

    def test_lead_names_the_mentor_later(self):
        """A mentor who raises an allegation against another mentor cannot pick them (they do
        not read other mentors): the lead names the mentor, which suspends them."""
        _screen, concern = self.raise_concern(
            self.mentor_user, self.type_allegation, subject_other="Ben, the other mentor"
        )
        self.assertEqual(self.mentor_b.state, "certified")
        concern.with_user(self.lead_user).write({"subject_mentor_id": self.mentor_b.id})
        self.assertEqual(self.mentor_b.state, "suspended")
        self.assertEqual(self.match_b.state, "on_hold")
        # Mentor B's programme is under England's rules: the LADO referral is now due.
        self.assertEqual(
            concern.notification_ids.mapped("recipient"), ["Local authority designated officer (LADO)"]
        )
        with self.assertRefused(UserError, "cannot be changed once set"):
            concern.with_user(self.lead_user).write({"subject_mentor_id": self.mentor.id})

    def test_outcome_then_close(self):
        _screen, concern = self.raise_concern(self.mentor_user, self.type_safety, match_id=self.match.id)
        as_lead = concern.with_user(self.lead_user)
        with self.assertRefused(UserError, "Record the outcome"):
            as_lead.action_close()
        with self.assertRefused(UserError, "Choose the outcome"):
            as_lead.action_record_outcome()
        as_lead.write(
            {
                "outcome_choice": "unfounded",
                "outcome_summary": "Bruise from football, confirmed by the school.",
            }
        )
        with self.assertRaises(UserError):
            concern.with_user(self.coordinator_user).action_record_outcome()
        as_lead.action_record_outcome()
        self.assertEqual(concern.outcome, "unfounded")
        self.assertEqual(concern.outcome_recorded_by_id, self.lead_user)
        with self.assertRefused(UserError, "outcome is recorded"):
            as_lead.write({"outcome_choice": "malicious"})
        as_lead.action_close()
        self.assertEqual((concern.state, concern.closed_by_id), ("closed", self.lead_user))
        with self.assertRefused(UserError, "closed concern"):
            as_lead.write({"lead_notes": "<p>later</p>"})

    def test_coordinator_sees_only_that_a_concern_is_open(self):
        _screen, concern = self.raise_concern(self.mentor_user, self.type_safety, match_id=self.match.id)
        match = self.match.with_user(self.coordinator_user)
        self.assertTrue(match.has_open_concern)
        self.assertFalse(self.match_b.with_user(self.coordinator_user).has_open_concern)
        with self.assertRaises(AccessError):
            concern.with_user(self.coordinator_user).read(["name"])
        # Mentors and supervisors do not even get the yes or no.
        for user in (self.mentor_user, self.supervisor_user):
            with self.assertRaises(AccessError, msg=user.login):
                self.match.with_user(user).read(["has_open_concern"])
        _screen, allegation = self.raise_concern(
            self.coordinator_user, self.type_allegation, subject_mentor_id=self.mentor.id
        )
        self.assertTrue(self.mentor.with_user(self.coordinator_user).has_open_concern)
        self.assertFalse(self.mentor_b.with_user(self.coordinator_user).has_open_concern)

    def test_lead_is_a_lead_only_if_in_the_group(self):
        with self.assertRefused(ValidationError, "not a safeguarding lead"):
            self.program.safeguarding_lead_id = self.coordinator_user
