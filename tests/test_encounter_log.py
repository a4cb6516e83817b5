import re
from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import MentoringBillingCase
from .test_reports import SIGNATURE_PNG

# Words of billing that a peer mentor never reads in what the screens tell them.
BILLING_WORDS = re.compile(r"bill|authori[sz]|payer|units?\b|invoice|cap\b", re.IGNORECASE)


@tagged("post_install", "-at_install")
class TestLogMeeting(MentoringBillingCase):
    """Log a meeting, as the peer mentor uses it: defaults, choices, one Save and sign."""

    def log_form(self, user=None):
        return Form(self.env["mentoring.encounter.log"].with_user(user or self.mentor_user))

    def fill(self, form, **values):
        values = {
            "location_type": "agency",
            "progress": "met",
            "mentor_signature": SIGNATURE_PNG,
            "mentee_signature": SIGNATURE_PNG,
            **values,
        }
        for name, value in values.items():
            setattr(form, name, value)
        return form.save()

    def new_encounters(self, match=None):
        return self.env["mentoring.encounter"].search(
            [("match_id", "=", (match or self.match).id), ("id", "not in", self.encounter.ids)]
        )

    # What the screen offers ----------------------------------------------------------------

    def test_one_mentee_is_filled_in_with_the_goal_of_their_plan(self):
        with freeze_time(f"{self.today} 18:00:00"):
            form = self.log_form()
        self.assertEqual(form.mentee_id, self.mentee)
        self.assertEqual(form.goal_id, self.goal, "the plan's only goal")
        self.assertEqual(form.date, self.today)
        self.assertEqual(form.duration, "60")
        self.assertAlmostEqual(form.end_time - form.start_time, 1.0)

    def test_the_meeting_just_ended_in_the_mentors_timezone_to_five_minutes(self):
        """The screen is filled in after the meeting: by default it ended now (taken down to
        five minutes) and lasted the default hour, so it can be signed at once."""
        self.mentor_user.tz = "America/Chicago"  # UTC-6 in January
        with freeze_time("2025-01-15 16:07:40"):
            form = self.log_form()
            self.assertEqual((form.start_time, form.end_time), (9 + 5 / 60, 10 + 5 / 60), "10:07 there")
        with freeze_time("2025-01-15 16:02:29"):
            self.assertEqual(self.log_form().start_time, 9.0, "10:02:29 there: from 09:00 to 10:00")
        with freeze_time("2025-01-16 03:00:00"):  # 21:00 on the 15th in Chicago
            self.assertEqual(str(self.log_form().date), "2025-01-15")

    def test_in_the_first_hour_after_midnight_the_meeting_is_yesterdays_last_hour(self):
        """At 00:40 no hour of today has ended yet: the screen offers yesterday 23:00 to 24:00,
        which can be signed at once (a meeting of today from 00:00 to 01:00 could not)."""
        self.mentor_user.tz = "America/Chicago"
        with freeze_time("2025-01-16 06:40:00"):  # 00:40 on the 16th in Chicago
            form = self.log_form()
            self.assertEqual((str(form.date), form.start_time, form.end_time), ("2025-01-15", 23.0, 24.0))

    def test_the_places_are_the_paper_forms_places_in_plain_words(self):
        Log, Encounter = self.env["mentoring.encounter.log"], self.env["mentoring.encounter"]
        places = dict(Log._fields["location_type"].selection)
        # The saved meeting says what the mentor chose, in the same words.
        self.assertEqual(places, dict(Encounter._fields["location_type"].selection))
        self.assertEqual(places["agency"], "At the agency")
        self.assertEqual(Log._fields["progress"].selection, Encounter._fields["progress"].selection)

    def test_duration_buttons_set_the_end_and_typed_times_set_the_duration(self):
        form = self.log_form()
        form.start_time = 14.0
        form.duration = "45"
        self.assertEqual(form.end_time, 14.75)
        form.duration = "30"
        self.assertEqual(form.end_time, 14.5)
        form.end_time = 15.0
        self.assertEqual(form.duration, "60")
        form.end_time = 15.25
        self.assertFalse(form.duration, "75 minutes is none of the buttons")

    def test_two_mentees_are_a_choice_of_only_the_mentors_own(self):
        robin = self.create_mentee("Robin Lee")
        self.create_active_match(self.mentor, robin)
        proposed = self.create_match(self.mentor, self.create_mentee("Sky Proposed"))
        self.assertEqual(proposed.state, "draft")
        form = self.log_form()
        self.assertFalse(form.mentee_id, "two mentees: the mentor chooses")
        self.assertFalse(form.goal_id)
        available = form.save().available_mentee_ids
        self.assertEqual(available, self.mentee | robin)
        # What the big buttons list, asked as the web client asks (name_search with the domain).
        offered = (
            self.env["mentoring.mentee"]
            .with_user(self.mentor_user)
            .name_search("", [("id", "in", available.ids)])
        )
        self.assertEqual({name for _id, name in offered}, {"Jamie Rivera", "Robin Lee"})
        form.mentee_id = robin
        self.assertFalse(form.has_goals, "Robin has no plan yet")
        form.mentee_id = self.mentee
        self.assertEqual(form.goal_id, self.goal)

    def test_another_mentors_mentee_cannot_be_slipped_in(self):
        Log = self.env["mentoring.encounter.log"].with_user(self.mentor_user)
        with self.assertRaises(AccessError):
            Log.create({"mentee_id": self.mentee_b.id})
        # A mentee the mentor may still read, but whose relationship is on hold, is not logged.
        self.match.action_hold()
        wizard = Log.create({"mentee_id": self.mentee.id, "location_type": "agency", "progress": "met"})
        wizard.mentor_signature = SIGNATURE_PNG
        self.assertFalse(wizard.action_save_and_sign())
        self.assertEqual(
            wizard.problem, "You have nobody to log a meeting with right now. Your coordinator can help."
        )
        self.assertFalse(self.new_encounters())

    # Save and sign ---------------------------------------------------------------------------

    def test_save_and_sign_creates_the_meeting_and_confirms_it(self):
        with freeze_time(f"{self.today} 20:00:00"):  # the evening of the meeting's day
            form = self.log_form()
            form.start_time = 9.0
            form.duration = "45"
            form.next_steps = "Send the CV"
            wizard = self.fill(form)
            action = wizard.action_save_and_sign()
        encounter = self.new_encounters()
        self.assertEqual(action["res_model"], "mentoring.encounter")
        self.assertEqual(action["res_id"], encounter.id)
        self.assertEqual(encounter.state, "confirmed")
        self.assertEqual((encounter.start_time, encounter.end_time), (9.0, 9.75))
        self.assertEqual(encounter.date, self.today)
        self.assertEqual(encounter.goal_id, self.goal)
        self.assertEqual(encounter.next_steps, "Send the CV")
        self.assertEqual(encounter.create_uid, self.mentor_user)
        self.assertEqual(
            (encounter.mentor_signed_by, encounter.mentee_signed_by), ("Ada Mentor", "Jamie Rivera")
        )
        self.assertEqual(encounter.mentor_signed_on, self.today)
        self.assertEqual(encounter.billed_units, 3, "45 minutes in 15-minute units")
        self.assertFalse(encounter.needs_billing_attention)

    def test_billing_problem_never_blocks_the_mentor(self):
        before_authorisation = self.authorization.date_from - timedelta(days=1)
        wizard = self.fill(self.log_form(), date=before_authorisation)
        action = wizard.action_save_and_sign()
        self.assertFalse(wizard.problem)
        encounter = self.new_encounters()
        self.assertEqual(action["res_id"], encounter.id)
        self.assertEqual(encounter.state, "confirmed")
        self.assertEqual(encounter.billed_units, 0)
        self.assertTrue(encounter.needs_billing_attention)
        self.assertIn("outside every approved authorisation", encounter.not_billed_reason)
        entry = self.env["mentoring.billing.entry"].with_user(self.coordinator_user).browse(encounter.id)
        self.assertEqual(entry.billing_status, "attention")
        self.assertEqual(entry.activity_ids.user_id, self.coordinator_user)
        self.assertIn(
            entry,
            self.env["mentoring.billing.entry"]
            .with_user(self.finance_user)
            .search([("billing_status", "=", "attention")]),
        )

    def test_the_mentor_never_reads_billing_words(self):
        self.authorization.action_cancel()
        self.program.require_mentee_signature = True
        wizard = self.fill(self.log_form(), mentee_signature=False)
        action = wizard.action_save_and_sign()
        encounter = self.new_encounters().with_user(self.mentor_user)
        self.assertEqual(encounter.state, "confirmed")
        self.assertTrue(encounter.sudo().needs_billing_attention, "no authorisation, no mentee signature")
        self.flush_tracking()
        seen = [action["name"], wizard.problem or ""]
        for message in encounter.message_ids:
            seen += [message.body or "", message.subject or "", message.preview or ""]
            seen += message.sudo().tracking_value_ids.mapped(
                lambda t: f"{t.old_value_char} {t.new_value_char}"
            )
        Activity = self.env["mail.activity"].with_user(self.mentor_user)
        for activity in encounter.activity_ids | Activity.search([]):
            seen += [activity.summary or "", str(activity.note or "")]
        self.assertFalse([text for text in seen if BILLING_WORDS.search(str(text))], seen)
        self.assertTrue(self.env["mail.activity"].search([("res_model", "=", "mentoring.billing.entry")]))
        self.assertFalse(Activity.search([("res_model", "=", "mentoring.billing.entry")]))

    def test_a_mentor_correcting_an_invoiced_meeting_is_refused_without_billing_words(self):
        encounter = self.billable_encounter(9.0, 10.0)
        encounter.action_confirm()
        self.invoice(self.authorization.sale_order_id)
        with self.assertRefused(UserError, "Ask your coordinator") as refused:
            encounter.with_user(self.mentor_user).write({"end_time": 10.5})
        self.assertFalse(BILLING_WORDS.search(str(refused.exception)))
        with self.assertRefused(UserError, "already billed on invoice"):
            encounter.with_user(self.coordinator_user).write({"end_time": 10.5})

    def test_what_stops_the_save_is_said_on_the_screen_in_plain_words(self):
        cases = [
            ({"location_type": False}, "Choose where you met."),
            ({"progress": False}, "Choose how it went."),
            ({"progress": "no_action"}, "Choose why no step was taken."),
            ({"progress": "considerable"}, "Write a few words in the box “Tell us more”."),
            (
                {"progress": "no_action", "no_action_reason": "other"},
                "Write a few words in the box “Tell us more”.",
            ),
            ({"mentor_signature": False}, "Sign in the box “Your signature”."),
            (
                {"date": self.today + timedelta(days=1)},
                "Choose the day of the meeting: today or a day before.",
            ),
            (
                {"start_time": 10.0, "end_time": 9.0},
                "The meeting must end after it starts. Check the end time.",
            ),
        ]
        for values, problem in cases:
            with self.subTest(problem=problem):
                wizard = self.fill(self.log_form(), **values)
                self.assertFalse(wizard.action_save_and_sign(), "the screen stays, showing the problem")
                self.assertEqual(wizard.problem, problem)
                self.assertFalse(BILLING_WORDS.search(problem))
                self.assertFalse(self.new_encounters())

    def test_a_meeting_still_going_on_is_signed_once_it_has_ended(self):
        self.mentor_user.tz = "America/Chicago"
        with freeze_time(f"{self.today} 16:07:40"):  # 10:07 or 11:07 there, the same day
            form = self.log_form()
            form.start_time = 10.5
            form.duration = "60"
            wizard = self.fill(form)
            self.assertFalse(wizard.action_save_and_sign())
            self.assertEqual(
                wizard.problem,
                "This meeting ends at 11:30 today: it can be confirmed once it has ended, from 11:30 on.",
            )
            self.assertFalse(self.new_encounters())

    def test_a_rule_of_the_meeting_is_said_on_the_screen_and_nothing_is_kept(self):
        """The encounter's own rules (here: first meetings before the agreement is signed) come
        back as the screen's message, and the half-made meeting is rolled back."""
        robin = self.create_mentee("Robin Lee")
        match = self.create_match(self.mentor, robin)
        match.action_introduce()
        self.program.intro_contact_limit = 0
        form = self.log_form()
        form.mentee_id = robin
        wizard = self.fill(form)
        self.assertFalse(wizard.action_save_and_sign())
        self.assertIn("no signed agreement yet", wizard.problem)
        self.assertFalse(BILLING_WORDS.search(wizard.problem))
        self.assertFalse(self.new_encounters(match))
        # Overlapping the meeting the mentor already confirmed, from 10:00 to 11:00 yesterday.
        self.encounter.action_confirm()
        form = self.log_form()
        form.mentee_id = self.mentee
        wizard = self.fill(form, date=self.yesterday, start_time=10.5, end_time=11.5)
        self.assertFalse(wizard.action_save_and_sign())
        self.assertIn("already has a confirmed meeting", wizard.problem)

    # Where it is ------------------------------------------------------------------------------

    def test_the_mentoring_app_opens_on_log_a_meeting_for_a_mentor_only(self):
        Log = self.env["mentoring.encounter.log"]
        home = Log.with_user(self.mentor_user)._action_mentoring_home()
        self.assertEqual(home["res_model"], "mentoring.encounter.log")
        # Everyone else: the first menu they see, as before (the coordinator's Needs doing).
        needs_doing = self.env.ref("peer_mentoring.mentoring_overview_item_action")
        self.assertEqual(Log.with_user(self.coordinator_user)._action_mentoring_home()["id"], needs_doing.id)
        self.assertEqual(
            Log.with_user(self.supervisor_user)._action_mentoring_home()["res_model"], "mentoring.match"
        )
        self.assertEqual(
            Log.with_user(self.finance_user)._action_mentoring_home()["res_model"], "mentoring.authorization"
        )
        # The web client opens the app's own action, and shows the mentor the menu item.
        menus = self.env["ir.ui.menu"].with_user(self.mentor_user).load_web_menus(False)
        root = self.env.ref("peer_mentoring.mentoring_menu_root")
        self.assertEqual(menus[root.id]["actionID"], self.env.ref("peer_mentoring.mentoring_home_action").id)
        log_menu = self.env.ref("peer_mentoring.mentoring_encounter_log_menu")
        self.assertEqual(menus[root.id]["children"][0], log_menu.id)
        finance_menus = self.env["ir.ui.menu"].with_user(self.finance_user).load_web_menus(False)
        self.assertNotIn(log_menu.id, finance_menus)
