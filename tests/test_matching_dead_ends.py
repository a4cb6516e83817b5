from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_matching import MentoringMatchingBillingCase, MentoringMatchingCase


class WhyNobodyMixin:
    """Issue 16.3, no dead ends: a matching screen that comes up empty says why, naming the
    exact cause that left the mentors out, with its dates in the user's date format."""

    @classmethod
    def use_day_month_dates(cls):
        # The coordinator's language writes dates day first with dots: "31.01.2027".
        lang = cls.env["res.lang"]._lang_get(cls.coordinator_user.lang or "en_US")
        lang.date_format = "%d.%m.%Y"
        cls.env.registry.clear_cache()

    @staticmethod
    def dotted(day):
        return f"{day.day:02d}.{day.month:02d}.{day.year}"

    def open_finder(self, mentee, date_start=None):
        action = mentee.with_user(self.coordinator_user).action_find_mentor()
        finder = self.env["mentoring.match.finder"].with_user(self.coordinator_user).browse(action["res_id"])
        if date_start:
            finder.date_start = date_start
            finder.action_rank()
        return finder

    def open_pool(self, date_start=None):
        action = self.program.with_user(self.coordinator_user).action_open_match_pool()
        wizard = self.env["mentoring.match.pool"].with_user(self.coordinator_user).browse(action["res_id"])
        if date_start:
            wizard.date_start = date_start
        wizard.action_propose()
        return wizard

    def visible_mentors(self):
        return self.env["mentoring.mentor"].with_user(self.coordinator_user).search_count([])

    def assertAllLeftOutFor(self, finder, cause):
        self.assertFalse(finder.candidate_ids)
        self.assertTrue(finder.excluded_ids)
        for line in finder.excluded_ids:
            self.assertIn(cause, line.reasons, line.mentor_id.name)
        self.assertIn(cause, finder.empty_reason)


@tagged("post_install", "-at_install")
class TestFindAMentorSaysWhy(WhyNobodyMixin, MentoringMatchingBillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.use_day_month_dates()
        cls.seeker.write({"payer_id": cls.payer.id, "member_id": "M-777"})

    def authorise_seeker(self, approve=True, **vals):
        auth = self.env["mentoring.authorization"].create(
            {
                "name": "AUTH-CASEY",
                "payer_id": self.payer.id,
                "mentee_id": self.seeker.id,
                "program_id": self.program.id,
                "date_from": self.today - timedelta(days=30),
                "date_to": self.today + timedelta(days=30),
                "units_authorized": 20,
                "price_unit": 15.0,
                **vals,
            }
        )
        if approve:
            auth.action_approve()
        return auth

    def test_no_authorisation_names_the_cause_counted_with_the_button_to_record_it(self):
        finder = self.open_finder(self.seeker)
        count = self.visible_mentors()
        self.assertAllLeftOutFor(finder, "no authorisation recorded")
        self.assertEqual(
            finder.empty_reason,
            f"All {count} mentors were left out: Casey Morgan has no approved authorisation with units "
            "left on the planned start (no authorisation recorded). Record the authorisation first.",
        )
        action = finder.action_fix_empty()
        self.assertEqual(action["res_model"], "mentoring.authorization")
        self.assertEqual(action["context"]["default_mentee_id"], self.seeker.id)
        self.assertEqual(action["context"]["default_program_id"], self.program.id)

    def test_a_draft_authorisation_is_named_with_its_dates_and_the_button_opens_it(self):
        auth = self.authorise_seeker(approve=False)
        finder = self.open_finder(self.seeker)
        span = f"{self.dotted(auth.date_from)} to {self.dotted(auth.date_to)}"
        self.assertAllLeftOutFor(finder, f"the authorisation of {span} is still a draft")
        self.assertIn("approve it", finder.empty_reason)
        self.assertEqual(finder.action_fix_empty()["res_id"], auth.id)

    def test_expired_and_starting_later_are_told_apart(self):
        auth = self.authorise_seeker()
        after = auth.date_to + timedelta(days=1)
        finder = self.open_finder(self.seeker, date_start=after)
        self.assertAllLeftOutFor(finder, f"the authorisation expired on {self.dotted(auth.date_to)}")
        before = auth.date_from - timedelta(days=1)
        finder = self.open_finder(self.seeker, date_start=before)
        self.assertAllLeftOutFor(finder, f"the authorisation starts later, on {self.dotted(auth.date_from)}")

    def test_units_used_up(self):
        self.authorization.sudo().units_authorized = 0.0001
        self.billable_encounter(10.0, 11.0).action_confirm()
        self.env.invalidate_all()
        finder = self.open_finder(self.mentee)
        span = f"{self.dotted(self.authorization.date_from)} to {self.dotted(self.authorization.date_to)}"
        self.assertAllLeftOutFor(finder, f"the units of the authorisation of {span} are used up")

    def test_propose_matches_says_why_each_unmatched_mentee_got_nobody(self):
        # Casey has no authorisation; Jamie's units are used up; nobody is proposed.
        self.authorization.sudo().units_authorized = 0.0001
        self.billable_encounter(10.0, 11.0).action_confirm()
        closure = self.document_closure(self.match, closure_reason="goals_met")
        closure.with_user(self.coordinator_user).action_close_match()
        self.env.invalidate_all()
        wizard = self.open_pool()
        lines = wizard.unmatched_reasons.splitlines()
        casey = next(line for line in lines if line.startswith("Casey Morgan: "))
        self.assertIn("no authorisation recorded", casey)
        jamie = next(line for line in lines if line.startswith(f"{self.mentee.name}: "))
        self.assertIn("are used up", jamie)


@tagged("post_install", "-at_install")
class TestMatchingScreensSayWhy(WhyNobodyMixin, MentoringMatchingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.use_day_month_dates()

    def test_an_earlier_conflict_is_named_with_when(self):
        closure = self.document_closure(self.match, closure_reason="conflict")
        closure.with_user(self.coordinator_user).action_close_match()
        finder = self.open_finder(self.mentee)
        line = finder.excluded_ids.filtered(lambda line: line.mentor_id == self.mentor)
        self.assertIn(f"conflict, closed on {self.dotted(self.match.date_closed)}", line.reasons)

    def test_breadcrumbs_carry_names(self):
        finder = self.open_finder(self.seeker)
        self.assertEqual(finder.display_name, "Find a mentor for Casey Morgan")
        wizard = self.open_pool()
        self.assertEqual(wizard.display_name, f"Propose matches for {self.program.name}")
        self.assertNotIn(",", finder.display_name + wizard.display_name.replace(self.program.name, ""))

    def test_every_matching_screen_that_can_be_empty_shows_its_reason(self):
        # Find a mentor with nobody (a new programme no mentor is in yet) and Propose matches
        # with nobody waiting (its only mentee just proposed a mentor elsewhere): each says why.
        new_program = self.env["mentoring.program"].create(
            {
                "name": "Youth Transitions",
                "code": "TYT",
                "coordinator_ids": [Command.set(self.coordinator_user.ids)],
            }
        )
        self.seeker.program_ids = [Command.set(new_program.ids)]
        action = (
            self.env["mentoring.match.finder"]
            .with_user(self.coordinator_user)
            ._action_open(self.seeker, program=new_program)
        )
        finder = self.env["mentoring.match.finder"].with_user(self.coordinator_user).browse(action["res_id"])
        self.assertFalse(finder.candidate_ids)
        self.assertEqual(
            finder.empty_reason,
            f"All {self.visible_mentors()} mentors were left out: not in the programme. "
            "Add the programme to the mentors' profiles first.",
        )
        self.program = new_program
        waiting = self.open_pool()
        self.assertFalse(waiting.line_ids)
        self.assertEqual(
            waiting.empty_reason, "None of the 1 mentee(s) waiting could be proposed a mentor: see why below."
        )
        self.assertEqual(
            waiting.unmatched_reasons,
            "Casey Morgan: Youth Transitions has no mentors yet: add the programme to a certified mentor's profile.",
        )
        self.seeker.program_ids = [Command.set(self.other_program.ids)]
        wizard = self.open_pool()
        self.assertEqual(
            wizard.empty_reason,
            "Every mentee of Youth Transitions already has a match or a proposal: nobody is waiting "
            "for a mentor.",
        )
        screens = [
            ("mentoring.match.finder", finder),
            ("mentoring.match.pool", waiting),
            ("mentoring.match.pool", wizard),
        ]
        for model, empty in screens:
            arch = self.env[model].with_user(self.coordinator_user).get_views([(False, "form")])
            form = arch["views"]["form"]["arch"]
            self.assertIn('name="empty_reason"', form, model)
            self.assertTrue(empty.empty_reason, model)

    def test_find_another_mentor_after_a_closure_opens_the_ranked_screen(self):
        closure = self.document_closure(self.match, closure_reason="conflict", rematch_decision="rematch")
        action = closure.with_user(self.coordinator_user).action_close_match()
        self.assertEqual(action["res_model"], "mentoring.match.finder")
        finder = self.env["mentoring.match.finder"].with_user(self.coordinator_user).browse(action["res_id"])
        self.assertEqual(finder.mentee_id, self.mentee)
        self.assertTrue(finder.candidate_ids, "ranked, not a blank form")
        self.assertNotIn(self.mentor, finder.candidate_ids.mentor_id)
        self.assertIn("conflict", finder.excluded_ids.filtered(lambda x: x.mentor_id == self.mentor).reasons)
        match = self.env["mentoring.match"].browse(finder.candidate_ids[0].action_propose()["res_id"])
        self.assertEqual(match.previous_match_id, self.match)
        self.assertEqual(match.mentee_id, self.mentee)

    def test_a_finder_follows_on_only_from_the_same_mentees_match(self):
        finder = self.open_finder(self.seeker)
        with self.assertRaisesRegex(UserError, "earlier match of the same mentee"):
            finder.write({"previous_match_id": self.match.id})
