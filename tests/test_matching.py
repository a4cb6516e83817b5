from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_matching import MentoringMatchingBillingCase, MentoringMatchingCase


@tagged("post_install", "-at_install")
class TestMatchingCriteria(MentoringMatchingCase):
    def test_programmes_start_with_their_types_criteria(self):
        Program = self.env["mentoring.program"].with_user(self.manager_user)
        person = Program.create({"name": "Carers", "code": "C1"})
        organisation = Program.create({"name": "Providers", "code": "P1", "program_type": "organization"})
        person_weights = {c.code: c.weight for c in person.sudo().match_criterion_ids}
        self.assertEqual(
            person_weights,
            {
                "language": 3,
                "gender": 2,
                "interests": 3,
                "experience": 3,
                "area": 2,
                "availability": 1,
                "communication": 1,
            },
        )
        organisation_codes = organisation.sudo().match_criterion_ids.mapped("code")
        self.assertNotIn("gender", organisation_codes)
        self.assertEqual(
            organisation.sudo().match_criterion_ids.filtered(lambda c: c.code == "availability").weight, 3
        )

    def test_a_coordinators_change_of_criterion_is_in_the_programmes_history(self):
        language = self.program.match_criterion_ids.filtered(lambda c: c.code == "language")
        self.program.with_user(self.coordinator_user).write(
            {"match_criterion_ids": [Command.update(language.id, {"is_must": True})]}
        )
        self.flush_tracking()
        bodies = self.program.message_ids.mapped("body")
        self.assertTrue(
            any("Language" in body and "must" in body and "was weight 3" in body for body in bodies), bodies
        )
        self.assertEqual(self.program.message_ids[0].author_id, self.coordinator_user.partner_id)

    def test_criteria_of_another_programme_are_not_the_coordinators(self):
        other = self.other_program.match_criterion_ids[:1]
        with self.assertRaises(AccessError):
            other.with_user(self.coordinator_user).write({"weight": 9})
        with self.assertRaises(AccessError):
            self.program.match_criterion_ids[:1].with_user(self.mentor_user).read(["weight"])

    def test_points_per_criterion_add_up_to_the_score(self):
        result = self.rank(self.seeker, self.mentor | self.mentor_b)
        # Ada: language 3 + gender 2 + interests 1.5 (1 of 2) + experience 3 + area 2 +
        # hours 1 + communication 1; Ben: interests 1.5 only.
        self.assertEqual(result[self.mentor], (13.5, []))
        self.assertEqual(result[self.mentor_b], (1.5, []))

        finder_action = self.seeker.with_user(self.coordinator_user).action_find_mentor()
        finder = (
            self.env["mentoring.match.finder"]
            .with_user(self.coordinator_user)
            .browse(finder_action["res_id"])
        )
        self.assertEqual(finder.candidate_ids.mentor_id, self.mentor | self.mentor_b)
        self.assertEqual(finder.candidate_ids[0].mentor_id, self.mentor, "best first")
        for line in finder.candidate_ids:
            self.assertEqual(len(line.point_ids), 7)
            self.assertAlmostEqual(sum(line.point_ids.mapped("points")), line.score)
        ada = finder.candidate_ids[0]
        points = {p.criterion_id.code: (p.points, p.detail) for p in ada.point_ids}
        self.assertEqual(points["interests"], (1.5, "1 of 2 in common: Employment"))
        self.assertIn("Spanish", points["language"][1])
        self.assertIn("Interests", ada.explanation.replace("Shared interests", "Interests"))

    def test_weights_and_unstated_criteria(self):
        self.program.match_criterion_ids.filtered(lambda c: c.code == "area").weight = 5
        self.seeker.write({"area": False, "mentor_gender_preference": "none"})
        result = self.rank(self.seeker, self.mentor)
        # Unstated area and gender give no points: 3 + 1.5 + 3 + 1 + 1.
        self.assertEqual(result[self.mentor][0], 9.5)
        self.program.match_criterion_ids.filtered(lambda c: c.code == "experience").active = False
        self.assertEqual(self.rank(self.seeker, self.mentor)[self.mentor][0], 6.5)


@tagged("post_install", "-at_install")
class TestMatchingHardRules(MentoringMatchingCase):
    def assertExcludedBy(self, result, mentor, label):
        score, reasons = result[mentor]
        self.assertTrue(any(label in reason for reason in reasons), f"{mentor.name}: {reasons}")

    def test_every_hard_rule_excludes_and_is_named(self):
        clean = self.create_partner_mentor("Clean Candidate")
        elsewhere = self.create_partner_mentor("Other Programme", programs=self.other_program)
        suspended = self.create_partner_mentor("Suspended Mentor")
        suspended.action_suspend()
        applicant = self.create_partner_mentor("Applicant Mentor", state="applicant")
        full = self.create_partner_mentor("Full Mentor", capacity=1)
        self.create_active_match(full, self.mentee_b)
        conflict = self.create_partner_mentor("Conflict Mentor")
        opted_out = self.create_partner_mentor("Opt-out Mentor")
        for mentor, reason in ((conflict, "conflict"), (opted_out, "no_fault_opt_out")):
            match = self.create_active_match(mentor, self.seeker)
            self.close_match(match, reason)
        planned_end = self.create_partner_mentor("Planned End Mentor")
        self.close_match(self.create_active_match(planned_end, self.seeker), "planned_end")
        related_on_mentor = self.create_partner_mentor("Neighbour Mentor")
        related_on_mentor.with_user(self.coordinator_user).write(
            {"dual_relationship_mentee_ids": [Command.link(self.seeker.id)]}
        )
        related_on_mentee = self.create_partner_mentor("Cousin Mentor")
        self.seeker.with_user(self.coordinator_user).write(
            {"dual_relationship_mentor_ids": [Command.link(related_on_mentee.id)]}
        )
        mentors = (
            (clean | elsewhere | suspended | applicant | full | conflict | opted_out | planned_end)
            | related_on_mentor
            | related_on_mentee
        )
        result = self.rank(self.seeker, mentors)

        self.assertEqual(result[clean][1], [])
        self.assertEqual(result[planned_end][1], [], "a planned end is no reason to avoid them")
        self.assertExcludedBy(result, elsewhere, "Not in the programme")
        self.assertExcludedBy(result, suspended, "Suspended")
        self.assertExcludedBy(result, applicant, "Cannot take on a mentee on the planned start")
        self.assertExcludedBy(result, applicant, "was applicant")
        self.assertExcludedBy(result, full, "No free place (1 of 1 places taken)")
        self.assertExcludedBy(result, conflict, "ended in conflict or opt-out")
        self.assertExcludedBy(result, opted_out, "ended in conflict or opt-out")
        self.assertExcludedBy(result, related_on_mentor, "dual relationship")
        self.assertExcludedBy(result, related_on_mentee, "dual relationship")
        # Each is excluded by its own rule only.
        for mentor in mentors - clean - planned_end:
            self.assertEqual(len(result[mentor][1]), 1, f"{mentor.name}: {result[mentor][1]}")

    def test_a_must_excludes_those_who_do_not_meet_it(self):
        self.program.match_criterion_ids.filtered(lambda c: c.code == "language").is_must = True
        result = self.rank(self.seeker, self.mentor | self.mentor_b)
        self.assertEqual(result[self.mentor][1], [])
        self.assertExcludedBy(result, self.mentor_b, "Must: Language")
        # A must the mentee says nothing about excludes nobody.
        self.seeker.language_ids = False
        self.assertEqual(self.rank(self.seeker, self.mentor_b)[self.mentor_b][1], [])

    def test_proposals_take_places_and_an_override_reason_frees_them(self):
        self.create_match(self.mentor, self.mentee_b)  # proposed: Ada's last place
        self.assertExcludedBy(self.rank(self.seeker, self.mentor), self.mentor, "No free place (2 of 2")
        self.assertEqual(self.rank(self.seeker, self.mentor, ignore_capacity=True)[self.mentor][1], [])

    def test_the_compliance_date_is_the_planned_start(self):
        self.env["mentoring.mentor.credential"].create(
            {
                "mentor_id": self.mentor_b.id,
                "state": "inactive",
                "previous_state": "certified",
                "date_from": self.today,
            }
        )
        result = self.rank(self.seeker, self.mentor_b, date_start=self.yesterday)
        self.assertEqual(result[self.mentor_b][1], [])
        result = self.rank(self.seeker, self.mentor_b, date_start=self.today)
        self.assertExcludedBy(result, self.mentor_b, "was inactive")


@tagged("post_install", "-at_install")
class TestMatchingAuthorisation(MentoringMatchingBillingCase):
    def test_billed_programmes_need_an_approved_authorisation_with_units_left(self):
        # Mentee A (Jamie) has the approved authorisation of 40 units; Casey has none.
        casey = self.rank(self.seeker, self.mentor_b)
        self.assertTrue(any("No approved authorisation" in r for r in casey[self.mentor_b][1]), casey)
        jamie = self.rank(self.mentee, self.mentor_b)
        self.assertEqual(jamie[self.mentor_b][1], [])
        # Not on a planned start after the authorised dates.
        later = self.authorization.date_to + self.authorization.date_to.resolution
        jamie = self.rank(self.mentee, self.mentor_b, date_start=later)
        self.assertTrue(jamie[self.mentor_b][1])
        # Nor when its units are used up.
        self.authorization.sudo().units_authorized = 0.0001
        self.billable_encounter(10.0, 11.0).action_confirm()
        self.env.invalidate_all()
        jamie = self.rank(self.mentee, self.mentor_b)
        self.assertTrue(any("No approved authorisation" in r for r in jamie[self.mentor_b][1]), jamie)


@tagged("post_install", "-at_install")
class TestFindAMentor(MentoringMatchingCase):
    def open_finder(self, user=None, mentee=None):
        action = (mentee or self.seeker).with_user(user or self.coordinator_user).action_find_mentor()
        return (
            self.env["mentoring.match.finder"]
            .with_user(user or self.coordinator_user)
            .browse(action["res_id"])
        )

    def test_propose_creates_the_match_in_one_click(self):
        finder = self.open_finder()
        excluded_names = finder.excluded_ids.mentor_id.mapped("name")
        self.assertNotIn("Ada Mentor", excluded_names)
        action = finder.candidate_ids[0].action_propose()
        match = self.env["mentoring.match"].browse(action["res_id"])
        self.assertEqual((match.mentor_id, match.mentee_id, match.state), (self.mentor, self.seeker, "draft"))
        self.assertEqual(match.coordinator_id, self.coordinator_user)
        self.assertEqual(match.match_score, 13.5)
        self.assertIn("Language: 3 of 3", match.match_explanation)
        # Searching again: Ada is already proposed, and her last place is taken.
        finder.action_rank()
        ada = finder.excluded_ids.filtered(lambda line: line.mentor_id == self.mentor)
        self.assertIn("Already proposed or matched with this mentee", ada.reasons)
        self.assertIn("No free place (2 of 2 places taken)", ada.reasons)

    def test_propose_asks_the_rules_again(self):
        finder = self.open_finder()
        line = finder.candidate_ids.filtered(lambda line: line.mentor_id == self.mentor)
        self.mentor.action_suspend()
        with self.assertRefused(UserError, "cannot be proposed to Casey Morgan: Suspended"):
            line.action_propose()
        self.assertFalse(self.seeker.match_ids)

    def test_override_reason_goes_on_the_match(self):
        self.create_match(self.mentor, self.mentee_b)
        finder = self.open_finder()
        self.assertIn(self.mentor, finder.excluded_ids.mentor_id)
        finder.capacity_override_reason = "Casey needs Ada's Spanish"
        finder.action_rank()
        line = finder.candidate_ids.filtered(lambda line: line.mentor_id == self.mentor)
        match = self.env["mentoring.match"].browse(line.action_propose()["res_id"])
        self.assertEqual(match.capacity_override_reason, "Casey needs Ada's Spanish")

    def test_only_the_programmes_coordinators_find_mentors(self):
        with self.assertRaises(AccessError):
            self.open_finder(user=self.coordinator_b_user)
        with self.assertRaises(UserError):
            self.open_finder(user=self.mentor_user, mentee=self.mentee)
        with self.assertRaises(AccessError):
            self.env["mentoring.match.finder"].with_user(self.mentor_user).create(
                {"mentee_id": self.mentee.id, "program_id": self.program.id}
            )
        # Nor by sending another programme's mentee to a finder of one's own.
        Finder = self.env["mentoring.match.finder"].with_user(self.coordinator_b_user)
        with self.assertRaises(UserError):
            Finder.create({"mentee_id": self.seeker.id, "program_id": self.program.id}).action_rank()

    def test_mentors_never_read_scores(self):
        finder = self.open_finder()
        match = self.env["mentoring.match"].browse(finder.candidate_ids[0].action_propose()["res_id"])
        match.action_introduce()
        as_mentor = match.with_user(self.mentor_user)
        self.assertEqual(as_mentor.mentee_id, self.seeker)
        with self.assertRaises(AccessError):
            as_mentor.read(["match_score"])
        with self.assertRaises(AccessError):
            as_mentor.read(["match_explanation"])
        with self.assertRaises(AccessError):
            self.env["mentoring.match.finder.line"].with_user(self.mentor_user).search([])
        # Nor does one coordinator read another's search.
        self.assertFalse(
            self.env["mentoring.match.finder.line"]
            .with_user(self.manager_user)
            .search([("finder_id", "=", finder.id)])
        )

    def test_scores_cannot_be_written_by_hand(self):
        match = self.create_match(self.mentor, self.seeker)
        with self.assertRefused(UserError, "cannot be set directly"):
            match.with_user(self.coordinator_user).write({"match_score": 99})


@tagged("post_install", "-at_install")
class TestRankingQueries(MentoringMatchingCase):
    def count_queries(self, mentors):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        self.env["mentoring.matching"]._rank(self.program, self.seeker, mentors)
        return self.cr.sql_log_count - start

    def test_ranking_queries_do_not_grow_with_the_number_of_mentors(self):
        mentors = self.env["mentoring.mentor"]
        for i in range(50):
            mentors |= self.create_partner_mentor(
                f"Pool Mentor {i}",
                language_ids=[Command.set(self.spanish.ids)],
                interest_ids=[Command.set(self.employment.ids)],
                area="Leeds" if i % 2 else "York",
            )
        self.create_active_match(mentors[3], self.mentee_b)
        self.count_queries(mentors[:10])  # warm the caches of the registry
        small = self.count_queries(mentors[:10])
        large = self.count_queries(mentors)
        self.assertEqual(small, large)
        self.assertLess(large, 40)
