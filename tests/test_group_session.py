"""Issue 8, item 7: group sessions. One meeting of one mentor with several of their mentees,
each billed on their own authorisation with the group service (H0038 HQ) at the group rate;
the overlap rule treats it as one meeting. Expected figures come from the rules: the 8-minute
rule gives (minutes + 7) // 15 units, at the group rate of 8.00 a unit."""

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common_group import MentoringGroupSessionCase


@tagged("post_install", "-at_install")
class TestGroupSessionBilling(MentoringGroupSessionCase):
    def test_one_mentor_meeting_two_people_at_once_bills_each_on_their_own_authorisation(self):
        """60 minutes, 2 people: (60 + 7) // 15 = 4 units each, at 8.00 = 32.00 on each
        person's own group authorisation, none on the individual one."""
        session = self.group_session([self.mentee, self.mentee_r])
        session.with_user(self.mentor_user).action_confirm()
        self.assertEqual(session.state, "confirmed")
        for mentee in (self.mentee, self.mentee_r):
            meeting = self.meeting_of(session, mentee)
            auth = self.group_auths[mentee]
            self.assertEqual(meeting.state, "confirmed")
            self.assertEqual((meeting.authorization_id, meeting.billed_units), (auth, 4))
            self.assertEqual(meeting.timesheet_ids.so_line.product_id, self.group_product)
            self.assertFalse(meeting.needs_billing_attention)
            self.assertAlmostEqual(auth.units_used, 4)
            move = self.invoice(auth.sale_order_id)
            self.assertEqual(move.amount_untaxed, 4 * self.GROUP_RATE)
            self.assertIn("HQ", move.invoice_line_ids.name)
        self.assertAlmostEqual(self.authorization.units_used, 0, msg="nothing on the individual service")
        self.assertEqual(self.group_auths[self.mentee_s].units_used, 0, "Sam was not on the list")

    def test_two_meetings_of_a_mentor_at_once_outside_a_group_are_still_refused(self):
        """The overlap rule itself stays: two separate meetings of one mentor 10:00–11:00."""
        first = self.billable_encounter(10.0, 11.0)
        first.action_confirm()
        match, goal = self.members[self.mentee_r]
        second = self.billable_encounter(10.0, 11.0, match=match, goal=goal)
        with self.assertRefused(ValidationError, "already has a confirmed meeting"):
            second.with_user(self.mentor_user).action_confirm()
        self.assertEqual(second.state, "draft")

    def test_a_group_meeting_at_the_time_of_another_meeting_of_the_mentor_is_refused(self):
        match, goal = self.members[self.mentee_s]
        alone = self.billable_encounter(10.5, 11.0, match=match, goal=goal)
        alone.action_confirm()
        session = self.group_session([self.mentee, self.mentee_r])
        with self.assertRefused(ValidationError, "already has a confirmed meeting"):
            session.with_user(self.mentor_user).action_confirm()
        self.assertEqual(session.state, "draft")
        self.assertEqual(session.encounter_ids.mapped("state"), ["draft", "draft"])

    def test_a_third_person_over_the_largest_group_is_refused(self):
        self.program.max_group_size = 2
        with self.assertRefused(ValidationError, "at most 2 people; this one has 3"):
            self.group_session([self.mentee, self.mentee_r, self.mentee_s])
        session = self.group_session([self.mentee, self.mentee_r])
        with self.assertRefused(ValidationError, "at most 2 people; this one has 3"):
            session.with_user(self.mentor_user).write({"encounter_ids": [self.member_line(self.mentee_s)]})
        self.assertEqual(len(session.encounter_ids), 2)

    def test_a_person_who_did_not_come_is_not_billed(self):
        """Three on the list, Sam did not come: a group of 2 (within a largest group of 2), 4 units
        each for the two who came; Sam's meeting is cancelled, with nothing billed."""
        self.program.max_group_size = 2
        session = self.group_session(
            [self.mentee, self.mentee_r],
            encounter_ids=[
                self.member_line(self.mentee),
                self.member_line(self.mentee_r),
                self.member_line(self.mentee_s, group_attended=False),
            ],
        )
        absent = self.meeting_of(session, self.mentee_s)
        with self.assertRefused(UserError, "did not come to the group meeting"):
            absent.with_user(self.mentor_user).action_confirm()
        session.with_user(self.mentor_user).action_confirm()
        self.assertEqual((absent.state, absent.billed_units), ("cancelled", 0))
        self.assertFalse(absent.sudo().timesheet_ids)
        self.assertEqual(self.group_auths[self.mentee_s].units_used, 0)
        self.assertEqual(
            [self.meeting_of(session, m).billed_units for m in (self.mentee, self.mentee_r)], [4, 4]
        )
        with self.assertRefused(UserError, "who came is kept as it was"):
            absent.with_user(self.coordinator_user).write({"group_attended": True})

    def test_a_group_meeting_where_nobody_came_is_not_confirmed(self):
        session = self.group_session([], encounter_ids=[self.member_line(self.mentee, group_attended=False)])
        with self.assertRefused(UserError, "has nobody who came"):
            session.with_user(self.mentor_user).action_confirm()

    def test_a_person_in_a_group_seen_by_another_mentor_at_once_is_billed_once(self):
        """Item 8 with a group: Jamie with mentor B 10:00–11:00 (billed 4 units), and in mentor
        A's group at the same time: Jamie's part is not billed; Robin's 4 units are."""
        match = self.create_active_match(self.mentor_b, self.mentee)
        plan = self.env["mentoring.plan"].create(
            {
                "match_id": match.id,
                "person_centred_goals": "Work in a library",
                "goal_ids": [Command.create({"name": "Write a CV", "is_first_two": True})],
            }
        )
        with_b = self.billable_encounter(10.0, 11.0, match=match, goal=plan.goal_ids)
        with_b.action_confirm()
        self.assertEqual(with_b.billed_units, 4)
        session = self.group_session([self.mentee, self.mentee_r])
        session.with_user(self.mentor_user).action_confirm()
        jamie, robin = self.meeting_of(session, self.mentee), self.meeting_of(session, self.mentee_r)
        self.assertEqual((jamie.state, jamie.billed_units, robin.billed_units), ("confirmed", 0, 4))
        self.assertTrue(jamie.needs_billing_attention)
        self.assertIn("same time", jamie.not_billed_reason)

    def test_the_mentor_signs_once_and_each_person_keeps_their_own_note(self):
        session = self.group_session([self.mentee, self.mentee_r])
        session.with_user(self.mentor_user).action_confirm()
        for mentee, (match, goal) in list(self.members.items())[:2]:
            meeting = self.meeting_of(session, mentee)
            self.assertEqual((meeting.match_id, meeting.goal_id), (match, goal))
            self.assertEqual(
                (meeting.mentor_signed_on, meeting.mentor_signed_by), (self.yesterday, "Ada Mentor")
            )
            self.assertTrue(meeting.is_group_session)
            self.assertEqual((meeting.date, meeting.duration_minutes), (self.yesterday, 60))
        self.assertEqual(self.goal.status, "achieved", "“Met goal” moves each person's own goal on")

    def test_a_shorter_group_meeting_is_billed_again_for_each(self):
        """Corrected to 10:00–10:30: 30 minutes = (30 + 7) // 15 = 2 units each."""
        session = self.group_session([self.mentee, self.mentee_r])
        session.with_user(self.mentor_user).action_confirm()
        session.with_user(self.mentor_user).end_time = 10.5
        for mentee in (self.mentee, self.mentee_r):
            meeting = self.meeting_of(session, mentee)
            self.assertEqual((meeting.end_time, meeting.billed_units), (10.5, 2))
            self.assertAlmostEqual(self.group_auths[mentee].units_used, 2)

    def test_cancelling_a_confirmed_group_meeting_releases_each_persons_units(self):
        session = self.group_session([self.mentee, self.mentee_r])
        session.with_user(self.mentor_user).action_confirm()
        with self.assertRefused(UserError, "coordinator"):
            session.with_user(self.mentor_user).action_cancel()
        session.with_user(self.coordinator_user).action_cancel()
        self.assertEqual(session.encounter_ids.mapped("state"), ["cancelled", "cancelled"])
        self.assertEqual([self.group_auths[m].units_used for m in (self.mentee, self.mentee_r)], [0, 0])

    def test_a_confirmed_group_meeting_keeps_its_place_and_is_never_deleted(self):
        session = self.group_session([self.mentee, self.mentee_r])
        session.with_user(self.mentor_user).action_confirm()
        with self.assertRefused(UserError, "is confirmed"):
            session.with_user(self.mentor_user).location_type = "phone"
        with self.assertRefused(UserError, "cancel it instead of deleting it"):
            session.with_user(self.coordinator_user).unlink()
        self.assertEqual(session.location_type, "agency")
        self.assertEqual(session.encounter_ids.mapped("location_type"), ["agency", "agency"])

    def test_a_draft_group_meeting_is_deleted_with_its_lines(self):
        # Nobody signed yet: a signed meeting is kept (tests/test_guard_locks.py).
        session = self.group_session(
            [],
            mentor_signed_on=False,
            encounter_ids=[self.member_line(m, mentee_signed_on=False) for m in (self.mentee, self.mentee_r)],
        )
        meetings = session.encounter_ids
        session.with_user(self.mentor_user).unlink()
        self.assertFalse(meetings.exists())


@tagged("post_install", "-at_install")
class TestGroupSessionAccess(MentoringGroupSessionCase):
    """The attacker's side: a group meeting is no way into another person's record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A supervisor of Robin's match only (not of the mentor): reads Robin's meetings, no other.
        cls.robins_supervisor_user = new_test_user(
            cls.env,
            login="t_supervisor_r",
            groups="peer_mentoring.group_supervisor",
            company_id=cls.company.id,
        )
        employee = cls.env["hr.employee"].create(
            {"name": "Rae Supervisor", "user_id": cls.robins_supervisor_user.id}
        )
        cls.match_r.supervisor_id = employee

    def confirmed_group(self):
        session = self.group_session(
            [],
            encounter_ids=[
                self.member_line(self.mentee, notes="<p>Jamie talked about the eviction</p>"),
                self.member_line(self.mentee_r, notes="<p>Robin's news</p>"),
            ],
        )
        session.with_user(self.mentor_user).action_confirm()
        self.env.invalidate_all()
        return session

    def test_a_mentor_cannot_add_another_mentors_mentee(self):
        session = self.group_session([self.mentee])
        with self.assertRefused(AccessError, "Mentoring Match"):
            session.with_user(self.mentor_user).write(
                {"encounter_ids": [Command.create({"match_id": self.match_b.id, "progress": "met"})]}
            )
        with self.assertRefused(AccessError, "Mentoring Match"):
            self.env["mentoring.encounter"].with_user(self.mentor_user).create(
                {"match_id": self.match_b.id, "group_session_id": session.id, "progress": "met"}
            )
        self.assertEqual(session.encounter_ids.mentee_id, self.mentee)

    def test_a_coordinator_cannot_put_another_mentors_mentee_in_the_group(self):
        session = self.group_session([self.mentee])
        with self.assertRefused(ValidationError, "Only Ada Mentor's own mentees"):
            session.with_user(self.coordinator_user).write(
                {"encounter_ids": [Command.create({"match_id": self.match_b.id, "progress": "met"})]}
            )
        self.assertEqual(session.encounter_ids.mentee_id, self.mentee)

    def test_a_mentor_cannot_log_a_group_meeting_for_another_mentor(self):
        with self.assertRefused(AccessError, "Peer Mentor"):
            self.env["mentoring.group.session"].with_user(self.mentor_user).create(
                {"mentor_id": self.mentor_b.id, "program_id": self.program.id}
            )

    def test_a_persons_line_keeps_the_groups_day_and_stays_in_its_group(self):
        session = self.group_session([self.mentee, self.mentee_r])
        meeting = self.meeting_of(session, self.mentee).with_user(self.mentor_user)
        with self.assertRefused(ValidationError, "keeps the group's day, time and place"):
            meeting.write({"start_time": 9.0})
        with self.assertRefused(UserError, "stays with its group meeting"):
            meeting.write({"group_session_id": False})
        other = self.group_session([self.mentee_s], start=14.0, end=15.0)
        with self.assertRefused(UserError, "stays with its group meeting"):
            meeting.write({"group_session_id": other.id})

    def test_someone_who_reads_one_person_reads_nothing_of_the_others(self):
        session = self.confirmed_group()
        jamie, robin = self.meeting_of(session, self.mentee), self.meeting_of(session, self.mentee_r)
        user = self.robins_supervisor_user
        Encounter = self.env["mentoring.encounter"].with_user(user)
        # Robin's meeting is theirs to read, and says it was a group meeting, naming nobody.
        self.assertEqual(robin.with_user(user).mentee_name, "Robin Lee")
        (values,) = robin.with_user(user).web_read({"group_session_id": {"fields": {"display_name": {}}}})
        self.assertNotIn("Jamie", str(values))
        self.assertEqual(Encounter.search([("group_session_id", "=", session.id)]), robin)
        # Nothing of Jamie: not the group meeting's list, not Jamie's meeting, not by a detour.
        with self.assertRaises(AccessError):
            session.with_user(user).read(["encounter_ids"])
        with self.assertRaises(AccessError):
            robin.with_user(user).web_read(
                {"group_session_id": {"fields": {"encounter_ids": {"fields": {"mentee_name": {}}}}}}
            )
        with self.assertRaises(AccessError):
            jamie.with_user(user).read(["mentee_name", "notes"])
        self.assertFalse(self.env["mentoring.group.session"].with_user(user).search([]))
        found = Encounter.search_read([("group_session_id", "=", session.id)], ["mentee_name", "notes"])
        self.assertNotIn("Jamie", str(found))
        self.assertNotIn("eviction", str(found))

    def test_another_mentor_and_finance_read_nothing_of_the_group(self):
        session = self.confirmed_group()
        for user in (self.mentor_b_user, self.finance_user):
            with self.assertRaises(AccessError):
                session.with_user(user).read(["name"])
        self.assertFalse(self.env["mentoring.group.session"].with_user(self.mentor_b_user).search([]))

    def test_the_mentor_of_all_and_the_coordinator_read_the_whole_list(self):
        session = self.confirmed_group()
        for user in (self.mentor_user, self.supervisor_user, self.coordinator_user):
            names = session.with_user(user).encounter_ids.mapped("mentee_name")
            self.assertEqual(sorted(names), ["Jamie Rivera", "Robin Lee"], user.login)
        self.assertNotIn("Jamie", session.name)

    def test_the_group_meeting_of_today_is_confirmed_once_it_has_ended(self):
        # 16:07 UTC is 10:07 or 11:07 in Chicago, the mentor's timezone: the meeting goes on.
        self.mentor_user.tz = "America/Chicago"
        with freeze_time(f"{self.today} 16:07:40"):
            session = self.group_session([self.mentee, self.mentee_r], start=11.0, end=12.0, date=self.today)
            with self.assertRefused(ValidationError, "ends at 12:00 today: .* from 12:00 on"):
                session.with_user(self.mentor_user).action_confirm()
            self.assertEqual(session.state, "draft")
            self.assertEqual(set(session.encounter_ids.mapped("state")), {"draft"})

    def test_a_new_group_meeting_is_the_hour_that_has_just_ended(self):
        self.mentor_user.tz = "America/Phoenix"  # UTC-7 all year: 16:07 UTC is 09:07 there
        with freeze_time(f"{self.today} 16:07:40"):
            values = (
                self.env["mentoring.group.session"]
                .with_user(self.mentor_user)
                .default_get(["date", "start_time", "end_time"])
            )
        self.assertEqual((values["start_time"], values["end_time"]), (8 + 5 / 60, 9 + 5 / 60))
