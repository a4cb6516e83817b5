from datetime import date, datetime

from freezegun import freeze_time
from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common_p2p import MentoringP2PCase

# Friday 27 November 2026; Monday 30 November is made a public holiday in some tests.
FRIDAY = datetime(2026, 11, 27, 10, 0)


@tagged("post_install", "-at_install")
class TestIntroductionWithinThreeBusinessDays(MentoringP2PCase):
    """Seed 002, step 4: the programme introduces the mentee organisation to its mentor within
    three business days of the agency's working calendar."""

    def public_holiday(self, day, calendar=True):
        return self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.calendar.id if calendar else False,
                "company_id": self.company.id,
                "date_from": datetime.combine(day, datetime.min.time()),
                "date_to": datetime.combine(day, datetime.max.time().replace(microsecond=0)),
            }
        )

    def propose(self, mentor=None):
        return self.create_match(mentor or self.org_mentor, self.org_mentee, program=self.p2p_program)

    def introduction_activities(self, match):
        kind = self.env.ref("peer_mentoring.mail_activity_type_introduction")
        return match.activity_ids.filtered(lambda a: a.activity_type_id == kind)

    @freeze_time(FRIDAY)
    def test_proposed_on_a_friday_is_due_on_wednesday_across_the_weekend(self):
        match = self.propose()
        self.assertEqual(match.introduction_due_date, date(2026, 12, 2))
        activity = self.introduction_activities(match)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, date(2026, 12, 2))
        self.assertEqual(activity.user_id, self.coordinator_user)

    @freeze_time(FRIDAY)
    def test_a_public_holiday_on_monday_moves_it_to_thursday(self):
        self.public_holiday(date(2026, 11, 30))
        self.assertEqual(self.propose().introduction_due_date, date(2026, 12, 3))

    @freeze_time(FRIDAY)
    def test_a_company_wide_holiday_without_a_calendar_counts_too(self):
        self.public_holiday(date(2026, 12, 1), calendar=False)
        self.assertEqual(self.propose().introduction_due_date, date(2026, 12, 3))

    @freeze_time(FRIDAY)
    def test_one_persons_leave_is_no_public_holiday(self):
        leave = self.public_holiday(date(2026, 11, 30))
        leave.resource_id = self.mentor_employee.resource_id
        self.assertEqual(self.propose().introduction_due_date, date(2026, 12, 2))

    @freeze_time(datetime(2026, 11, 24, 16, 0))
    def test_proposed_on_a_tuesday_is_due_on_friday(self):
        self.assertEqual(self.propose().introduction_due_date, date(2026, 11, 27))

    @freeze_time(FRIDAY)
    def test_person_to_person_matches_have_no_introduction_deadline(self):
        match = self.create_match(self.mentor_b, self.create_mentee("Lee Park"))
        self.assertFalse(match.introduction_due_date)
        self.assertFalse(self.introduction_activities(match))

    def test_introducing_marks_the_activity_done(self):
        with freeze_time(FRIDAY):
            match = self.propose()
        with freeze_time(datetime(2026, 12, 2, 9, 0)):
            match.with_user(self.coordinator_user).action_introduce()
        self.assertEqual(match.date_introduced, date(2026, 12, 2))
        self.assertFalse(self.introduction_activities(match), "the activity is done")
        self.assertIn(
            "Introduce the organisations",
            match.message_ids.mapped("body")[0] + str(match.message_ids.mail_activity_type_id.mapped("name")),
        )

    def overdue_filter(self, today):
        """The domain of the "Introduction overdue" filter as the web client evaluates it today."""
        arch = self.env["mentoring.match"].with_user(self.coordinator_user).get_views([(False, "search")])
        node = etree.fromstring(arch["views"]["search"]["arch"]).xpath(
            "//filter[@name='introduction_overdue']"
        )[0]
        return safe_eval(node.get("domain"), {"context_today": lambda: today})

    def test_the_overdue_list_shows_proposals_past_their_due_day(self):
        with freeze_time(FRIDAY):
            match = self.propose()
            introduced = self.propose(self.org_mentor_b)
            introduced.action_introduce()
        Match = self.env["mentoring.match"].with_user(self.coordinator_user)
        for today, expected in ((date(2026, 12, 2), Match), (date(2026, 12, 3), match)):
            found = Match.search(self.overdue_filter(today) + [("id", "in", (match | introduced).ids)])
            self.assertEqual(found, expected, today)
        action = self.env.ref("peer_mentoring.mentoring_match_action_introductions_overdue")
        self.assertIn("search_default_introduction_overdue", action.context)

    @freeze_time(FRIDAY)
    def test_cancelling_the_proposal_removes_the_activity(self):
        match = self.propose()
        match.with_user(self.coordinator_user).action_cancel()
        self.assertFalse(self.introduction_activities(match))

    def test_overdue_introductions_are_on_the_coordinators_home(self):
        with freeze_time(datetime(2026, 11, 20, 10, 0)):
            match = self.propose()
        self.env.flush_all()
        Item = self.env["mentoring.overview.item"]
        items = Item.with_user(self.coordinator_user).search(
            [("kind", "=", "introduction"), ("match_id", "=", match.id)]
        )
        self.assertEqual(len(items), 1)
        self.assertEqual(items.due_date, date(2026, 11, 25))
        self.assertEqual(items.action_open()["res_id"], match.id)
        self.assertFalse(Item.with_user(self.coordinator_b_user).search([("kind", "=", "introduction")]))
        match.action_introduce()
        self.env.flush_all()
        self.assertFalse(Item.search([("kind", "=", "introduction"), ("match_id", "=", match.id)]))

    def test_a_reopened_proposal_has_three_new_business_days(self):
        with freeze_time(FRIDAY):
            match = self.propose()
            match.action_cancel()
        with freeze_time(datetime(2026, 12, 7, 9, 0)):
            match.with_user(self.coordinator_user).action_reset_to_draft()
        self.assertEqual(match.introduction_due_date, date(2026, 12, 10))
        self.assertEqual(self.introduction_activities(match).date_deadline, date(2026, 12, 10))
