"""Issue 16.3, no dead ends: every screen of the coordinator that can come up empty says why and
what to do: the matching screens (Find a mentor, Propose matches), Needs doing, and each list
of the coordinator's menus (the action's help, as the web client reads it)."""

import re

from odoo import Command
from odoo.tests import tagged

from .common import MentoringCase
from .common_matching import MentoringMatchingBillingCase


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html or "")).strip()


@tagged("post_install", "-at_install")
class TestMatchingScreensWhenEmpty(MentoringMatchingBillingCase):
    def test_find_a_mentor_with_nobody_says_why_and_offers_the_fix(self):
        action = self.seeker.with_user(self.coordinator_user).action_find_mentor()
        finder = self.env[action["res_model"]].with_user(self.coordinator_user).browse(action["res_id"])
        self.assertFalse(finder.candidate_ids)
        self.assertIn("were left out", finder.empty_reason)
        self.assertIn("Record the authorisation first", finder.empty_reason)
        self.assertEqual(finder.action_fix_empty()["res_model"], "mentoring.authorization")

    def test_propose_matches_with_nobody_proposed_says_why_for_each_mentee(self):
        action = self.program.with_user(self.coordinator_user).action_open_match_pool()
        pool = self.env[action["res_model"]].with_user(self.coordinator_user).browse(action["res_id"])
        pool.action_propose()
        self.assertFalse(pool.line_ids)
        self.assertTrue(pool.empty_reason)
        self.assertIn("Casey Morgan: ", pool.unmatched_reasons)


@tagged("post_install", "-at_install")
class TestListScreensWhenEmpty(MentoringCase):
    def help_as(self, user, action):
        """The help as the web client loads it (/web/action/load: read with sudo, as the user)."""
        if isinstance(action, str):
            action = self.env.ref(action)
        return text_of(action.with_user(user).sudo()._get_action_dict()["help"])

    def test_needs_doing_with_nothing_to_do_says_why_and_what_next(self):
        # The other programme's coordinator has nothing to do in it: the board says what would come.
        self.assertFalse(self.env["mentoring.overview.item"].with_user(self.coordinator_b_user).search([]))
        text = self.help_as(self.coordinator_b_user, "peer_mentoring.mentoring_overview_item_action")
        self.assertIn("Nothing needs doing in your programmes right now", text)
        self.assertIn(self.other_program.name, text)
        self.assertNotIn(self.program.name, text)
        self.assertIn("find a mentor", text)

    def test_needs_doing_of_a_coordinator_of_no_programme_says_so(self):
        self.other_program.write({"coordinator_ids": [Command.clear()]})
        text = self.help_as(self.coordinator_b_user, "peer_mentoring.mentoring_overview_item_action")
        self.assertIn("You coordinate no programme yet", text)
        self.assertIn("Ask a programme manager", text)

    def test_every_list_of_the_coordinators_menus_says_why_it_is_empty(self):
        Menu = self.env["ir.ui.menu"].with_user(self.coordinator_user)
        root = self.env.ref("peer_mentoring.mentoring_menu_root")
        menus = Menu.browse(Menu._visible_menu_ids()).filtered(
            lambda m: m.parent_path.startswith(root.parent_path) and m.action
        )
        actions = self.env["ir.actions.act_window"].browse(
            {menu.action.id for menu in menus if menu.action._name == "ir.actions.act_window"}
        )
        # Lists and boards only: a form (Log a meeting, Raise a concern) is never an empty list.
        actions = actions.filtered(lambda a: a.view_mode.split(",")[0] != "form")
        self.assertGreater(len(actions), 10)
        silent = {}
        for action in actions:
            text = self.help_as(self.coordinator_user, action)
            if len(text.split()) <= 4:  # Odoo's own fallback is "Create new document"
                silent[action.name] = text
        self.assertFalse(silent, "these lists must say why they are empty and what to do")
