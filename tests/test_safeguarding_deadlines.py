"""Issue 19: notification deadlines as data, counted on the agency's working-time calendar."""

from datetime import datetime

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common_safeguarding import SafeguardingCase


@tagged("post_install", "-at_install")
class TestSafeguardingDeadlines(SafeguardingCase):
    """The company calendar is Monday to Friday, 8:00-12:00 and 13:00-17:00, London time
    (in December London time is UTC)."""

    def lado(self, concern):
        return concern.notification_ids.filtered(lambda n: "LADO" in n.recipient)

    def test_friday_evening_allegation_is_due_at_the_end_of_monday(self):
        with freeze_time("2026-12-04 18:30:00"):  # a Friday
            _screen, concern = self.raise_concern(
                self.coordinator_user, self.type_allegation, subject_mentor_id=self.mentor.id
            )
        notification = self.lado(concern)
        self.assertEqual(notification.due_on, datetime(2026, 12, 7, 17, 0))
        activity = notification.activity_id
        self.assertEqual(activity.user_id, self.lead_user)
        self.assertEqual(activity.date_deadline, fields.Date.to_date("2026-12-07"))
        self.assertIn("LADO", activity.summary)

    def test_thursday_morning_before_a_public_holiday_is_due_monday(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Christmas Day",
                "calendar_id": self.calendar.id,
                "date_from": "2026-12-25 00:00:00",
                "date_to": "2026-12-25 23:59:59",
            }
        )
        with freeze_time("2026-12-24 09:15:00"):  # a Thursday; Friday is a holiday
            _screen, concern = self.raise_concern(
                self.coordinator_user, self.type_allegation, subject_mentor_id=self.mentor.id
            )
        self.assertEqual(self.lado(concern).due_on, datetime(2026, 12, 28, 17, 0))

    def test_a_weekday_concern_is_due_the_next_working_day(self):
        with freeze_time("2026-12-01 16:59:00"):  # a Tuesday, one minute before the day ends
            _screen, concern = self.raise_concern(
                self.coordinator_user, self.type_allegation, subject_mentor_id=self.mentor.id
            )
        self.assertEqual(self.lado(concern).due_on, datetime(2026, 12, 2, 17, 0))

    def test_clock_hours_run_through_the_weekend(self):
        """US home- and community-based services: protective services by phone at once and in
        writing within 48 hours, the state's critical-incident report within 24 hours."""
        self.program.safeguarding_jurisdiction_id = self.env.ref(
            "peer_mentoring.safeguarding_jurisdiction_us_hcbs"
        )
        with freeze_time("2026-12-04 18:30:00"):
            _screen, concern = self.raise_concern(
                self.mentor_user, self.type_disclosure, match_id=self.match.id
            )
        due = {n.recipient: (n.method, n.due_on) for n in concern.notification_ids}
        self.assertEqual(
            due,
            {
                "Adult or child protective services (APS/CPS)": ("phone", datetime(2026, 12, 4, 18, 30)),
                "Adult or child protective services (APS/CPS), written report": (
                    "written",
                    datetime(2026, 12, 6, 18, 30),
                ),
                "State agency (critical incident report)": ("online", datetime(2026, 12, 5, 18, 30)),
            },
        )

    def test_fostering_regulator_within_24_hours_only_for_its_events(self):
        self.program.safeguarding_jurisdiction_id = self.env.ref(
            "peer_mentoring.safeguarding_jurisdiction_england_fostering"
        )
        with freeze_time("2026-12-04 18:30:00"):
            _screen, missing = self.raise_concern(
                self.mentor_user,
                self.env.ref("peer_mentoring.safeguarding_type_missing"),
                match_id=self.match.id,
            )
            _screen, breach = self.raise_concern(
                self.mentor_user,
                self.env.ref("peer_mentoring.safeguarding_type_data_breach"),
                match_id=self.match.id,
            )
        self.assertEqual(
            [(n.recipient, n.due_on) for n in missing.notification_ids],
            [("Fostering regulator (Ofsted)", datetime(2026, 12, 5, 18, 30))],
        )
        self.assertFalse(breach.notification_ids)

    def test_no_jurisdiction_no_notification(self):
        self.program.safeguarding_jurisdiction_id = False
        _screen, concern = self.raise_concern(self.mentor_user, self.type_safety, match_id=self.match.id)
        self.assertFalse(concern.notification_ids)

    def test_overdue_list_and_recording_the_notification(self):
        with freeze_time("2026-12-04 18:30:00"):
            _screen, concern = self.raise_concern(
                self.coordinator_user, self.type_allegation, subject_mentor_id=self.mentor.id
            )
        notification = self.lado(concern)
        Notification = self.env["mentoring.safeguarding.notification"].with_user(self.lead_user)
        with freeze_time("2026-12-07 16:59:00"):
            self.assertNotIn(notification, Notification.search([("is_overdue", "=", True)]))
        with freeze_time("2026-12-07 17:01:00"):
            self.assertIn(notification, Notification.search([("is_overdue", "=", True)]))
            self.assertEqual(concern.with_user(self.lead_user).overdue_notification_count, 1)
            for user in (self.coordinator_user, self.mentor_user, self.finance_user):
                with self.assertRaises(AccessError, msg=user.login):
                    self.env["mentoring.safeguarding.notification"].with_user(user).search_count(
                        [("is_overdue", "=", True)]
                    )
        as_lead = notification.with_user(self.lead_user)
        with self.assertRefused(UserError, "set by the rule"):
            as_lead.write({"due_on": "2026-12-31 00:00:00"})
        with self.assertRefused(UserError, "name of the person you told"):
            as_lead.action_mark_notified()
        as_lead.write(
            {
                "notified_on": "2026-12-07 10:00:00",
                "contact_name": "Jo Officer",
                "reference": "LADO-778",
                "method": "phone",
            }
        )
        with self.assertRaises(UserError):
            notification.with_user(self.coordinator_user).action_mark_notified()
        as_lead.action_mark_notified()
        self.assertEqual((notification.state, notification.notified_by_id), ("done", self.lead_user))
        self.assertFalse(notification.activity_id.active, "the activity is done")
        self.assertIn("LADO-778", notification.activity_id.feedback or "")
        with freeze_time("2026-12-08 09:00:00"):
            self.assertNotIn(notification, Notification.search([("is_overdue", "=", True)]))
        with self.assertRefused(UserError, "cannot be changed"):
            as_lead.write({"reference": "other"})
        with self.assertRefused(UserError, "not allowed to delete"):
            as_lead.unlink()
        with self.assertRefused(UserError, "never deleted"):
            notification.sudo().unlink()

    def test_lead_records_a_notification_on_the_concern_form(self):
        with freeze_time("2026-12-04 18:30:00"):
            _screen, concern = self.raise_concern(
                self.coordinator_user, self.type_allegation, subject_mentor_id=self.mentor.id
            )
        with Form(concern.with_user(self.lead_user)) as form:
            with form.notification_ids.edit(0) as line:
                line.notified_on = "2026-12-07 09:30:00"
                line.contact_name = "Jo Officer"
                line.reference = "LADO-1"
            with form.notification_ids.new() as line:
                line.recipient = "Police (non-emergency)"
                line.method = "phone"
                line.due_on = "2026-12-05 12:00:00"
        self.assertEqual(len(concern.notification_ids), 2)
        lado = self.lado(concern)
        self.assertEqual((lado.contact_name, lado.state), ("Jo Officer", "due"))
        lado.with_user(self.lead_user).action_mark_notified()
        self.assertEqual(lado.state, "done")

    def test_lead_adds_a_notification_by_hand(self):
        _screen, concern = self.raise_concern(self.mentor_user, self.type_safety, match_id=self.match.id)
        notification = (
            self.env["mentoring.safeguarding.notification"]
            .with_user(self.lead_user)
            .create(
                {
                    "concern_id": concern.id,
                    "recipient": "Police (non-emergency)",
                    "method": "phone",
                    "due_on": "2026-12-31 12:00:00",
                }
            )
        )
        self.assertEqual(notification.activity_id.user_id, self.lead_user)
        with self.assertRaises(UserError):
            self.env["mentoring.safeguarding.notification"].with_user(self.coordinator_user).create(
                {
                    "concern_id": concern.id,
                    "recipient": "x",
                    "method": "phone",
                    "due_on": "2026-12-31 12:00:00",
                }
            )
