import random
from functools import cache

import numpy as np

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_matching import MentoringMatchingCase


def exhaustive_best(tenths, allowed, places, objective):
    """The best (matched, total tenths) over every assignment, by trying each mentor (or none)
    for each mentee in turn with the places left."""
    n_rows, n_cols = tenths.shape
    key = (lambda o: o) if objective == "most" else (lambda o: (o[1], o[0]))

    @cache
    def best(row, left):
        if row == n_rows:
            return (0, 0)
        options = [best(row + 1, left)]
        for col in range(n_cols):
            if allowed[row, col] and left[col]:
                rest = best(row + 1, left[:col] + (left[col] - 1,) + left[col + 1 :])
                options.append((rest[0] + 1, rest[1] + int(tenths[row, col])))
        return max(options, key=key)

    return best(0, tuple(places))


def greedy(score, allowed, places):
    """What the commercial platforms do: all pairs by score, best first, each mentee the best
    mentor with a free place."""
    left, taken, pairs = list(places), set(), []
    for _value, row, col in sorted(
        ((score[r, c], r, c) for r in range(score.shape[0]) for c in range(score.shape[1]) if allowed[r, c]),
        reverse=True,
    ):
        if row not in taken and left[col]:
            taken.add(row)
            left[col] -= 1
            pairs.append((row, col))
    return pairs


@tagged("post_install", "-at_install")
class TestPoolSolver(MentoringMatchingCase):
    def solve(self, score, allowed, places, objective):
        return self.env["mentoring.matching"]._solve(score, allowed, places, objective)

    def assertFeasible(self, pairs, allowed, places):
        rows = [row for row, _col in pairs]
        self.assertEqual(len(rows), len(set(rows)), "a mentee is matched once")
        for row, col in pairs:
            self.assertTrue(allowed[row, col], "only allowed pairs")
        for col, count in enumerate(places):
            self.assertLessEqual(sum(1 for _row, c in pairs if c == col), count, "within free places")

    def test_solver_equals_exhaustive_search_on_small_random_cases(self):
        rng = random.Random(20261130)
        for case in range(80):
            n_rows, n_cols = rng.randint(1, 8), rng.randint(1, 8)
            tenths = np.array([[rng.randint(0, 120) for _c in range(n_cols)] for _r in range(n_rows)])
            density = rng.choice((0.2, 0.4, 0.7, 1.0))
            allowed = np.array([[rng.random() < density for _c in range(n_cols)] for _r in range(n_rows)])
            places = [rng.randint(1, 2) for _c in range(n_cols)]
            for objective in ("most", "total"):
                pairs = self.solve(tenths / 10, allowed, places, objective)
                self.assertFeasible(pairs, allowed, places)
                found = (len(pairs), sum(int(tenths[r, c]) for r, c in pairs))
                self.assertEqual(
                    found,
                    exhaustive_best(tenths, allowed, places, objective),
                    f"case {case} ({n_rows}×{n_cols}, {objective})",
                )

    def test_the_two_aims_differ_where_they_should(self):
        # Ada suits Casey best (9) and is Sam's only possible mentor (1); Ben suits Casey a little (1).
        score = np.array([[9.0, 1.0], [1.0, 0.0]])
        allowed = np.array([[True, True], [True, False]])
        self.assertEqual(sorted(self.solve(score, allowed, [1, 1], "most")), [(0, 1), (1, 0)])
        self.assertEqual(self.solve(score, allowed, [1, 1], "total"), [(0, 0)])

    def test_a_tight_case_where_greedy_leaves_people_out_and_the_solver_does_not(self):
        # Five mentees, five mentors with one place each; each mentee may have the mentor of
        # the same number or the next. The best-looking pairs (i, i+1) chain so that greedy,
        # taking them first, leaves the last mentee without anyone.
        n = 5
        score = np.zeros((n, n))
        allowed = np.zeros((n, n), dtype=bool)
        for i in range(n):
            allowed[i, i] = True
            score[i, i] = 1.0
            if i + 1 < n:
                allowed[i, i + 1] = True
                score[i, i + 1] = 9.0
        allowed[n - 1, 0] = False
        greedy_pairs = greedy(score, allowed, [1] * n)
        self.assertEqual(len(greedy_pairs), n - 1)
        pairs = self.solve(score, allowed, [1] * n, "most")
        self.assertEqual(len(pairs), n)
        self.assertFeasible(pairs, allowed, [1] * n)


@tagged("post_install", "-at_install")
class TestProposeMatches(MentoringMatchingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sam = cls.create_mentee("Sam Lee", language_ids=[Command.set(cls.english.ids)], area="York")

    def open_pool(self, objective="most"):
        action = self.program.with_user(self.coordinator_user).action_open_match_pool()
        wizard = self.env["mentoring.match.pool"].with_user(self.coordinator_user).browse(action["res_id"])
        wizard.objective = objective
        wizard.action_propose()
        return wizard

    def test_unmatched_mentees_are_proposed_within_free_places(self):
        wizard = self.open_pool()
        # Jamie and Pat have mentors; Casey and Sam get Ada's and Ben's free places.
        self.assertEqual(wizard.unmatched_count, 2)
        proposals = {line.mentee_id: line.mentor_id for line in wizard.line_ids}
        self.assertEqual(proposals, {self.seeker: self.mentor, self.sam: self.mentor_b})
        casey = wizard.line_ids.filtered(lambda line: line.mentee_id == self.seeker)
        self.assertEqual(casey.score, 13.5)
        self.assertIn("Language: 3 of 3", casey.explanation)
        self.assertFalse(self.seeker.match_ids, "nothing is matched without a person")

    def test_accept_reject_and_edit(self):
        wizard = self.open_pool()
        casey = wizard.line_ids.filtered(lambda line: line.mentee_id == self.seeker)
        sam = wizard.line_ids.filtered(lambda line: line.mentee_id == self.sam)
        casey.action_accept()
        self.assertEqual(self.seeker.match_ids.mapped("state"), ["draft"])
        self.assertEqual(self.seeker.match_ids.mentor_id, self.mentor)
        self.assertEqual(self.seeker.match_ids.match_score, 13.5)
        # Ada's place is now taken: Sam cannot have her instead of Ben.
        sam.mentor_id = self.mentor
        with self.assertRefused(UserError, "No free place"):
            sam.action_accept()
        sam.action_reject()
        self.assertFalse(wizard.line_ids)
        self.assertFalse(self.sam.match_ids)

    def test_a_proposal_changed_to_an_excluded_mentor_warns(self):
        wizard = self.open_pool()
        self.mentor_b.action_suspend()
        sam = wizard.line_ids.filtered(lambda line: line.mentee_id == self.sam)
        warning = sam._onchange_mentor_id()
        self.assertIn("Suspended", warning["warning"]["message"])

    def test_only_the_programmes_coordinators_propose(self):
        with self.assertRaises(UserError):
            self.program.with_user(self.coordinator_b_user).action_open_match_pool()
