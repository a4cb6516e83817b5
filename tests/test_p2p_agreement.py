from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_p2p import MentoringP2PCase

FRIDAY_3PM = datetime(2026, 11, 27, 15, 0)


@tagged("post_install", "-at_install")
class TestPartnershipAgreement(MentoringP2PCase):
    """Seed 002's agreement: 2 to 4 months, hours per month, goals, skill areas, expectations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.p2p_match = cls.create_match(cls.org_mentor, cls.org_mentee, program=cls.p2p_program)
        cls.p2p_match.action_introduce()

    def test_duration_is_two_to_four_months(self):
        for months in (2, 3, 4):
            self.assertEqual(
                self.create_p2p_agreement(self.p2p_match, duration_months=months).duration_months, months
            )
        for months in (1, 5, 0):
            with self.assertRefused(ValidationError, "lasts 2 to 4 months"):
                self.create_p2p_agreement(self.p2p_match, duration_months=months)
        agreement = self.create_p2p_agreement(self.p2p_match)
        with self.assertRefused(ValidationError, "lasts 2 to 4 months"):
            agreement.with_user(self.org_mentor_user).write({"duration_months": 6})
        self.assertEqual(agreement.duration_months, 3)

    def test_person_to_person_agreements_keep_their_own_durations(self):
        match = self.create_match(self.mentor_b, self.create_mentee("Lee Park"))
        self.assertEqual(self.create_agreement(match, duration_months=12).duration_months, 12)

    def test_signing_asks_for_hours_skill_areas_and_expectations(self):
        agreement = self.create_p2p_agreement(
            self.p2p_match,
            hours_per_month=0,
            skill_areas=False,
            expectation_agenda=False,
            expectation_feedback=False,
        )
        with self.assertRefused(
            UserError,
            "the hours per month we meet .at least 1.*Skill Areas.*Agenda format.*How we exchange feedback",
        ):
            agreement.with_user(self.org_mentor_user).action_sign()
        agreement.write(
            {
                "hours_per_month": 2,
                "skill_areas": "Invoicing",
                "expectation_agenda": "A",
                "expectation_feedback": "B",
            }
        )
        agreement.with_user(self.org_mentor_user).action_sign()
        self.assertEqual(agreement.state, "signed")

    def test_agreement_pdf_prints_the_expectations(self):
        agreement = self.create_p2p_agreement(self.p2p_match)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("peer_mentoring.mentoring_agreement_report", agreement.ids)[0]
            .decode()
        )
        self.assertIn("Our expectations of the mentoring relationship", html)
        self.assertIn("The mentee sends three questions before each meeting", html)
        person = (
            self.env["ir.actions.report"]
            ._render_qweb_html("peer_mentoring.mentoring_agreement_report", self.agreement.ids)[0]
            .decode()
        )
        self.assertNotIn("Our expectations", person)


@tagged("post_install", "-at_install")
class TestNoFaultOptOut(MentoringP2PCase):
    """Seed 002: "No-Fault, opt-out" - the programme is told within 48 hours."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.p2p_match = cls.create_active_p2p_match()
        cls.other_p2p_match = cls.create_active_p2p_match(
            cls.org_mentor_b, cls.create_mentee("Harbour Jobs Alliance", program=cls.p2p_program)
        )

    def opt_out_activities(self, match):
        kind = self.env.ref("peer_mentoring.mail_activity_type_opt_out")
        return match.activity_ids.filtered(lambda a: a.activity_type_id == kind)

    def opt_out(self, user, party="mentor", opted_out_on=None, match=None):
        match = (match or self.p2p_match).with_user(user)
        action = match.action_open_opt_out_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
            .create({"party": party, **({"opted_out_on": opted_out_on} if opted_out_on else {})})
        )
        return wizard.action_confirm()

    @freeze_time(FRIDAY_3PM)
    def test_mentor_tells_the_programme_and_the_coordinator_has_48_hours(self):
        self.opt_out(self.org_mentor_user)
        match = self.p2p_match
        self.assertEqual(match.state, "active", "the coordinator finalises it")
        self.assertEqual(match.closure_reason, "no_fault_opt_out")
        self.assertEqual((match.opt_out_party, match.opt_out_on), ("mentor", FRIDAY_3PM))
        self.assertEqual(
            (match.opt_out_told_on, match.opt_out_told_by_id), (FRIDAY_3PM, self.org_mentor_user)
        )
        self.assertEqual(match.opt_out_notice_hours, 48)
        self.assertFalse(match.opt_out_told_late)
        activity = self.opt_out_activities(match)
        self.assertEqual(activity.user_id, self.coordinator_user)
        self.assertEqual(activity.date_deadline, date(2026, 11, 29), "48 hours after Friday 3 pm")
        message = match.message_ids[0].body
        self.assertIn("nobody's failure", message)
        self.assertIn("the mentor organisation chose to end", message)

    @freeze_time(FRIDAY_3PM)
    def test_the_notice_is_the_one_the_parties_signed(self):
        self.p2p_match.agreement_ids.filtered(lambda a: a.state == "signed").sudo().opt_out_notice_hours = 72
        self.opt_out(self.coordinator_user, party="mentee")
        self.assertEqual(self.p2p_match.opt_out_notice_hours, 72)
        self.assertEqual(self.opt_out_activities(self.p2p_match).date_deadline, date(2026, 11, 30))

    @freeze_time(FRIDAY_3PM)
    def test_told_after_48_hours_is_recorded_as_late(self):
        self.opt_out(self.coordinator_user, party="mentee", opted_out_on=FRIDAY_3PM - timedelta(hours=49))
        self.assertTrue(self.p2p_match.opt_out_told_late)
        self.opt_out(
            self.coordinator_user, opted_out_on=FRIDAY_3PM - timedelta(hours=48), match=self.other_p2p_match
        )
        self.assertFalse(self.other_p2p_match.opt_out_told_late, "exactly 48 hours is in time")

    @freeze_time(FRIDAY_3PM)
    def test_an_opt_out_cannot_be_dated_in_the_future_nor_recorded_twice(self):
        with self.assertRefused(UserError, "future"):
            self.opt_out(self.coordinator_user, opted_out_on=FRIDAY_3PM + timedelta(hours=1))
        self.opt_out(self.coordinator_user)
        with self.assertRefused(UserError, "already recorded"):
            self.p2p_match.with_user(self.coordinator_user)._record_opt_out("mentee")

    def test_another_mentor_cannot_record_an_opt_out_nor_write_its_facts(self):
        with self.assertRefused(AccessError, "mentoring.match"):
            self.p2p_match.with_user(self.org_mentor_b_user)._record_opt_out("mentor")
        # A supervisor reads the match but does not speak for either organisation.
        self.org_mentor.sudo().supervisor_id = self.supervisor_employee
        with self.assertRefused(UserError, "Only the mentor of"):
            self.p2p_match.with_user(self.supervisor_user)._record_opt_out("mentor")
        for field, value in (
            ("opt_out_told_on", "2026-01-01 00:00:00"),
            ("opt_out_party", "mentee"),
            ("introduction_due_date", "2030-01-01"),
        ):
            with self.assertRefused(UserError, "cannot be set directly"):
                self.p2p_match.with_user(self.coordinator_user).write({field: value})
        self.assertFalse(self.p2p_match.opt_out_told_on)

    @freeze_time(FRIDAY_3PM)
    def test_closing_finalises_the_opt_out_and_offers_another_mentor(self):
        self.opt_out(self.org_mentor_user)
        self.document_closure(self.p2p_match)
        Close = self.env["mentoring.match.close"].with_user(self.coordinator_user)
        wizard = Close.with_context(default_match_ids=self.p2p_match.ids).create({})
        self.assertEqual(wizard.closure_reason, "no_fault_opt_out", "the reason recorded with the opt-out")
        self.assertTrue(wizard.offers_rematch)
        action = wizard.action_close()
        self.assertEqual(self.p2p_match.state, "closed")
        self.assertFalse(self.opt_out_activities(self.p2p_match), "the activity is done")
        self.assertEqual(action["res_model"], "mentoring.match.finder")
        finder = self.env["mentoring.match.finder"].browse(action["res_id"])
        self.assertEqual((finder.mentee_id, finder.previous_match_id), (self.org_mentee, self.p2p_match))

    @freeze_time(FRIDAY_3PM)
    def test_closing_for_an_opt_out_nobody_recorded_records_it_now(self):
        self.document_closure(self.p2p_match)
        wizard = (
            self.env["mentoring.match.close"]
            .with_user(self.coordinator_user)
            .with_context(default_match_ids=self.p2p_match.ids)
            .create(
                {
                    "closure_reason": "no_fault_opt_out",
                    "opt_out_party": "mentee",
                    "find_another_mentor": False,
                }
            )
        )
        self.assertEqual(wizard.action_close()["type"], "ir.actions.act_window_close")
        self.assertEqual(
            (self.p2p_match.opt_out_party, self.p2p_match.opt_out_told_on), ("mentee", FRIDAY_3PM)
        )
