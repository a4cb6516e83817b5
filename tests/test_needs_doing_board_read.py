"""Issue 21, Needs doing at a million meetings: the board's first page evaluates the view once
(`mentoring_overview_item_board`), and shows exactly what Odoo's own kanban reading shows: the
same columns, counts, cards in the same order, pages and folded columns, within the
coordinator's programmes only."""

from contextlib import contextmanager
from datetime import timedelta

from odoo.addons.web.models.models import Base
from odoo.tests import tagged

from .common import MentoringBillingCase
from .common_needs_doing import NeedsDoingFixtures

SPEC = {"kind": {}, "detail": {}, "fact": {}, "due_date": {}, "program_id": {"fields": {"display_name": {}}}}


@tagged("post_install", "-at_install")
class TestNeedsDoingBoardRead(NeedsDoingFixtures, MentoringBillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Cards in every column: a quiet pair (get in touch, sign), an authorisation ending soon.
        cls.quiet = cls.create_quiet_pair()
        cls.create_expiring_authorization()
        cls.mentor_b.capacity = 6
        for number in range(4):
            pair = cls.create_match(
                cls.mentor_b,
                cls.create_mentee(f"Pat {number}"),
                date_start=cls.today - timedelta(days=40 + number),
            )
            pair.action_introduce()
        cls.env.flush_all()

    def both_readings(self, user=None, **kwargs):
        """(the board's reading, Odoo's own), each with the queries that evaluated the view."""
        Board = self.env["mentoring.overview.item"].with_user(user or self.coordinator_user)
        args = ([], ["board_column"], ["__count"])
        kwargs = {"auto_unfold": True, "unfold_read_specification": SPEC, **kwargs}
        readings = []
        for read in (Board.web_read_group, lambda *a, **k: Base.web_read_group(Board, *a, **k)):
            read(*args, **kwargs)  # warm the caches, as a second visit
            self.env.invalidate_all()
            with self.view_evaluations() as evaluations:
                result = read(*args, **kwargs)
            readings.append((result, len(evaluations)))
        return readings

    @contextmanager
    def view_evaluations(self):
        """The queries that evaluate the board's view (its union of `items`: its first row's
        columns mark it)."""
        cr, evaluations = self.env.cr, []
        execute = cr.execute

        def counted(query, params=None, log_exceptions=True):
            if "'no_contact' AS kind" in str(getattr(query, "code", query)):
                evaluations.append(query)
            return execute(query, params, log_exceptions)

        cr.execute = counted
        try:
            yield evaluations
        finally:
            del cr.execute

    def assertSameBoard(self, **kwargs):
        (board, board_evaluations), (odoo, odoo_evaluations) = self.both_readings(**kwargs)
        self.assertEqual(board, odoo)
        self.assertEqual(board_evaluations, 1, "the whole first page in one evaluation of the view")
        self.assertGreater(odoo_evaluations, 3)
        return board

    def test_first_page_is_odoos_own_in_one_evaluation(self):
        board = self.assertSameBoard(unfold_read_default_limit=3)
        columns = {group["board_column"]: group for group in board["groups"]}
        self.assertEqual(set(columns), {"contact", "paper", "units"})
        self.assertGreater(columns["contact"]["__count"], 3)
        self.assertEqual(len(columns["contact"]["__records"]), 3)
        self.assertTrue(all(card["fact"] for group in board["groups"] for card in group["__records"]))

    def test_as_the_web_client_asks_columns_by_number(self):
        # The kanban's first load: a number of columns, no opening yet, a read_group_expand context.
        first = dict(limit=80, offset=0, order="", opening_info=[], groupby_read_specification={})
        board = self.assertSameBoard(unfold_read_default_limit=40, **first)
        self.assertEqual(board["length"], 3)
        board = self.assertSameBoard(unfold_read_default_limit=40, **(first | {"limit": 2, "offset": 1}))
        self.assertEqual([group["board_column"] for group in board["groups"]], ["paper", "units"])

    def test_pages_and_folded_columns_as_the_kanban_asks_again(self):
        opening = [
            {"value": "contact", "folded": False, "offset": 2, "limit": 2},
            {"value": "paper", "folded": True},
            {"value": "units", "folded": False, "offset": 0, "limit": 80},
        ]
        board = self.assertSameBoard(opening_info=opening, unfold_read_default_limit=80)
        columns = {group["board_column"]: group for group in board["groups"]}
        self.assertNotIn("__records", columns["paper"])
        self.assertEqual(len(columns["contact"]["__records"]), 2)
        # A page past the end (cards done meanwhile) goes back to the first, as in Odoo.
        opening[0]["offset"] = 500
        board = self.assertSameBoard(opening_info=opening, unfold_read_default_limit=80)
        self.assertEqual(board["groups"][0]["__offset"], 0)

    def test_another_programmes_coordinator_sees_none_of_these_cards(self):
        (board, _evaluations), (odoo, _) = self.both_readings(user=self.coordinator_b_user)
        self.assertEqual(board, odoo)
        matches = self.program.match_ids.ids + [self.quiet.id]
        shown = [card for group in board["groups"] for card in group.get("__records", ())]
        Board = self.env["mentoring.overview.item"]
        self.assertFalse(
            Board.browse([card["id"] for card in shown]).filtered(lambda c: c.match_id.id in matches)
        )
