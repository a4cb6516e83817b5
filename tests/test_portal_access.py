from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_portal import SIGNATURE, MentoringPortalCase


@tagged("post_install", "-at_install")
class TestPortalAccess(MentoringPortalCase):
    """The person mentored on the portal, through the ORM as a client would call it: their own
    plan, agreement, goals and meetings, the fields the forms print, and nothing else."""

    def assertDenied(self, method, *args):
        """Refused, by the access rights or by the model's own check (whichever comes first)."""
        try:
            with self.env.cr.savepoint():
                method(*args)
        except (AccessError, UserError):
            self.env.invalidate_all()
            return
        self.fail(f"{method} was not refused")

    def test_the_coordinator_invites_the_mentee_with_a_portal_login(self):
        self.assertTrue(self.portal_user._is_portal())
        self.assertEqual(self.portal_user.partner_id, self.mentee.partner_id)
        self.assertIn("jamie@example.com", self.portal_user.login)

    def test_only_a_coordinator_of_the_programme_invites(self):
        mentee = self.create_mentee("Robin Lee")
        mentee.partner_id.email = "robin@example.com"
        for user in (self.mentor_user, self.coordinator_b_user, self.supervisor_user):
            with self.assertRaises(AccessError, msg=user.login):
                mentee.with_user(user).action_portal_invite()
        self.assertFalse(mentee.portal_user_id)

    def test_a_mentee_with_a_login_keeps_their_contact(self):
        """The portal rules follow the mentee's contact: moving Pat's record to Jamie's contact
        would show Pat's records to Jamie's login."""
        with self.assertRefused(UserError, "login"):
            self.mentee_b.with_user(self.coordinator_user).partner_id = self.mentee.partner_id
        with self.assertRefused(UserError, "login"):
            self.mentee.with_user(self.coordinator_user).partner_id = self.env["res.partner"].create(
                {"name": "Someone else"}
            )
        with self.assertRefused(UserError, "login"):
            self.create_mentee("Jamie again").with_user(
                self.coordinator_user
            ).partner_id = self.portal_b_user.partner_id

    def test_portal_mentee_reads_only_their_own_records(self):
        jamie, pat = self.jamie_records(), self.pat_records()
        for model, own in jamie.items():
            Model = self.env[model].with_user(self.portal_user)
            found = Model.search([])
            self.assertIn(own, found, model)
            self.assertFalse(found & pat[model], model)
            self.assertEqual(found.sudo().mentee_id, self.mentee, model)
            self.assertEqual(Model.search_count([("id", "in", pat[model].ids)]), 0, model)
            with self.assertRaises(AccessError, msg=model):
                Model.browse(pat[model].ids).read(["name"])
            with self.assertRaises(AccessError, msg=model):
                Model.browse(pat[model].ids).web_read({"name": {}})
            self.assertDenied(
                Model.browse(own.ids).write,
                {
                    "sequence"
                    if model == "mentoring.goal"
                    else "date_reviewed"
                    if model == "mentoring.plan"
                    else "recording"
                    if model == "mentoring.agreement"
                    else "next_steps": "changed"
                },
            )
            self.assertDenied(Model.browse(own.ids).unlink)
            self.assertTrue(own.exists())
        # Pat, the other way round.
        found = self.env["mentoring.plan"].with_user(self.portal_b_user).search([])
        self.assertEqual(found, self.plan_b)

    def test_portal_mentee_reads_nothing_else_of_the_mentoring(self):
        for model in (
            "mentoring.mentee",
            "mentoring.match",
            "mentoring.mentor",
            "mentoring.program",
            "mentoring.authorization",
            "mentoring.billing.entry",
            "mentoring.mentee.coverage",
        ):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.portal_user).search_read([], ["display_name"])

    def test_portal_mentee_never_reads_notes_billing_or_member_ids(self):
        Encounter = self.env["mentoring.encounter"].with_user(self.portal_user)
        own = Encounter.browse(self.encounter.id)
        # What the form prints is there.
        values = own.read()[0]
        self.assertEqual(values["progress"], "met")
        self.assertNotIn("notes", values)
        for field in (
            "notes",
            "billed_units",
            "authorization_id",
            "not_billed_reason",
            "mentee_signature",
            "mentor_signature",
            "message_ids",
            "create_uid",
            "mentor_credential",
        ):
            with self.assertRaises(AccessError, msg=field):
                own.read([field])
            with self.assertRaises(AccessError, msg=field):
                Encounter.search([(field, "!=", False)])
        with self.assertRaises(AccessError):
            Encounter.search([], order="billed_units")
        with self.assertRaises(AccessError):
            Encounter.formatted_read_group([], ["authorization_id"], ["__count"])
        self.portal_user.group_ids |= self.env.ref("base.group_allow_export")
        with self.assertRaises(AccessError):
            own.export_data(["notes"])
        self.assertNotIn("notes", Encounter.fields_get())
        rendered = str(own.read()) + str(
            self.env["mentoring.plan"].with_user(self.portal_user).search([]).read()
        )
        for secret in ("Talked about home", "M-12345", "Jamie's secret", "Pat"):
            self.assertNotIn(secret, rendered)
        with self.assertRaises(AccessError):
            self.env["mentoring.goal"].with_user(self.portal_user).browse(self.goal.id).read(["status_note"])

    def test_portal_mentee_reads_no_chatter_files_or_followers_of_their_records(self):
        """Odoo shows portal users the non-internal messages and the files of the records they
        read: not on mentoring records."""
        self.plan.message_subscribe(self.coordinator_user.partner_id.ids)
        for model, own in self.jamie_records().items():
            messages = (
                self.env["mail.message"]
                .with_user(self.portal_user)
                .search([("model", "=", model), ("res_id", "in", own.ids)])
            )
            self.assertFalse(messages, model)
        comment = self.encounter.message_ids.filtered(lambda m: "housing" in (m.body or ""))
        self.assertTrue(comment)
        with self.assertRaises(AccessError):
            comment.with_user(self.portal_user).read(["body"])
        # Portal users have no access to attachments as such; the rule stands if they are given some.
        Attachment = self.env["ir.attachment"].with_user(self.portal_user)
        with self.assertRaises(AccessError):
            Attachment.browse(self.attachment.id).read(["raw"])
        try:
            followers = (
                self.env["mail.followers"]
                .with_user(self.portal_user)
                .search([("res_model", "like", "mentoring.")])
            )
        except AccessError:
            followers = False
        self.assertFalse(followers)

    def test_portal_mentee_signs_their_own_plan_only_as_the_mentee(self):
        plan = self.plan.with_user(self.portal_user)
        self.assertTrue(plan.portal_waiting_for_mentee)
        plan.action_portal_sign("Jamie R.", SIGNATURE)
        self.env.invalidate_all()
        self.assertEqual(self.plan.mentee_signed_by, "Jamie R.")
        self.assertEqual(self.plan.mentee_signed_on, self.today)
        self.assertTrue(self.plan.mentee_signature)
        self.assertFalse(self.plan.mentor_signature or self.plan.mentor_signed_on)
        # The mentor has not signed yet: the plan waits for them, as a draft.
        self.assertEqual(self.plan.state, "draft")
        self.assertFalse(self.plan.portal_waiting_for_mentee)
        note = self.plan.message_ids.filtered(lambda m: "on the portal" in (m.body or ""))
        self.assertEqual(note.author_id, self.portal_user.partner_id)
        self.assertIn("Jamie R.", note.body)
        with self.assertRefused(UserError, "not waiting for your signature"):
            plan.action_portal_sign("Jamie", SIGNATURE)

    def test_the_mentees_signature_completes_a_plan_the_mentor_signed(self):
        self.plan.write({"mentor_signed_on": self.yesterday})
        self.plan.with_user(self.portal_user).action_portal_sign("Jamie Rivera", SIGNATURE)
        self.assertEqual(self.plan.state, "signed")
        self.assertEqual(self.plan.date_signed, self.today)

    def test_the_mentees_signature_completes_a_new_version_of_the_agreement(self):
        new = self.env["mentoring.agreement"].browse(
            self.agreement.with_user(self.coordinator_user).action_new_version()["res_id"]
        )
        new.with_user(self.mentor_user).write({"mentor_signed_on": self.today})
        self.assertTrue(new.with_user(self.portal_user).portal_waiting_for_mentee)
        new.with_user(self.portal_user).action_portal_sign("Jamie Rivera", SIGNATURE)
        self.assertEqual(new.state, "signed")
        self.assertEqual(self.agreement.state, "superseded")

    def test_a_signature_is_an_image(self):
        with self.assertRefused(UserError, "image"):
            self.plan.with_user(self.portal_user).action_portal_sign("Jamie", "bm90IGFuIGltYWdl")
        self.assertFalse(self.plan.mentee_signature)

    def test_portal_mentee_signs_a_draft_meeting_which_the_mentor_then_confirms(self):
        self.encounter.with_user(self.portal_user).action_portal_sign("Jamie Rivera", SIGNATURE)
        self.assertEqual(self.encounter.mentee_signed_by, "Jamie Rivera")
        self.assertEqual(self.encounter.state, "draft")
        self.encounter.with_user(self.mentor_user).action_confirm()
        self.assertEqual(self.encounter.state, "confirmed")

    def test_portal_mentee_cannot_sign_as_the_mentor(self):
        for record in (self.plan, self.encounter):
            for vals in (
                {"mentor_signature": SIGNATURE},
                {"mentor_signed_by": "Ada"},
                {"mentee_signature": SIGNATURE},
            ):
                with self.assertRaises(AccessError, msg=f"{record} {vals}"):
                    record.with_user(self.portal_user).write(vals)
        self.assertFalse(self.plan.mentor_signature or self.plan.mentor_signed_by)

    def test_nobody_signs_someone_elses_record_on_the_portal(self):
        for record in (self.plan_b, self.encounter_b):
            with self.assertRaises(AccessError, msg=record):
                record.with_user(self.portal_user).action_portal_sign("Jamie", SIGNATURE)
            self.assertFalse(record.mentee_signed_by)
        # Staff do not sign for the mentee through the portal action either.
        for user in (self.mentor_user, self.coordinator_user):
            with self.assertRaises(AccessError, msg=user.login):
                self.plan.with_user(user).action_portal_sign("Jamie", SIGNATURE)
        self.assertFalse(self.plan.mentee_signed_by)

    def test_a_signed_agreement_or_an_unfinished_record_is_not_signed_again(self):
        self.assertEqual(self.agreement.state, "signed")
        with self.assertRefused(UserError, "not waiting for your signature"):
            self.agreement.with_user(self.portal_user).action_portal_sign("Jamie", SIGNATURE)
        empty = self.create_encounter(self.match, progress=False)
        self.assertFalse(empty.portal_waiting_for_mentee)
        with self.assertRefused(UserError, "not waiting for your signature"):
            empty.with_user(self.portal_user).action_portal_sign("Jamie", SIGNATURE)

    def test_a_former_mentee_reads_their_records_but_signs_nothing_more(self):
        # As the close wizard leaves it (its own tests cover how it gets there).
        self.match.sudo().write({"state": "closed", "date_closed": self.today})
        self.assertIn(self.plan, self.env["mentoring.plan"].with_user(self.portal_user).search([]))
        with self.assertRefused(UserError, "ended"):
            self.plan.with_user(self.portal_user).action_portal_sign("Jamie", SIGNATURE)

    def test_revoked_access_reads_nothing(self):
        self.mentee.with_user(self.coordinator_user).action_portal_revoke()
        self.assertFalse(self.portal_user.active)
        self.assertFalse(self.mentee.portal_user_id)
