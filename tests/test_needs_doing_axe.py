"""Needs doing in a real browser at 1366 px: no sideways scroll, axe-core on the board (its cards'
contrast included), and an agreement card opened by the keyboard alone."""

from odoo.tests import HttpCase, tagged

from .common import MentoringBillingCase
from .common_keyboard import KeyboardBrowserMixin
from .common_needs_doing import NeedsDoingFixtures

URL = "/odoo/action-peer_mentoring.mentoring_overview_item_action"
READY = "!!document.querySelector('.o_pm_needs_doing .o_kanban_record')"


@tagged("post_install", "-at_install")
class TestNeedsDoingInTheBrowser(KeyboardBrowserMixin, NeedsDoingFixtures, MentoringBillingCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A card in each of the three columns.
        cls.quiet = cls.create_quiet_pair()
        cls.create_expiring_authorization()
        cls.env.flush_all()

    maxDiff = None

    def test_board_fits_1366_px_passes_axe_and_a_card_opens_by_keyboard(self):
        self.assertEqual(self.browser_size, "1366x768")
        with self.keyboard_browser(URL, self.coordinator_user.login, READY) as browser:
            columns = self.evaluate(
                browser, "document.querySelectorAll('.o_pm_needs_doing .o_kanban_group').length"
            )
            self.assertEqual(columns, 3)
            self.assertFalse(self.scrolls_sideways(browser))
            self.assertFalse(
                self.evaluate(
                    browser,
                    "(b => b.scrollWidth > b.clientWidth + 1)(document.querySelector('.o_pm_needs_doing .o_kanban_renderer'))",
                )
            )
            # The board itself: the control panel above it is Odoo's search view, whose own
            # findings are listed in the README with the rest of Odoo's shell.
            found = self.run_axe(browser, "document.querySelector('.o_pm_needs_doing .o_kanban_renderer')")
            self.assertEqual(found, [], "axe-core on Needs doing")
            # Tab from the top of the page to Lee's agreement card, then Enter.
            on_card = (
                "(el => el && el.matches('.o_kanban_record') && el.textContent.includes('Agreement to sign')"
                " && el.textContent.includes('Lee Park'))(document.activeElement)"
            )
            for _press in range(80):
                self.press(browser, "Tab")
                if self.evaluate(browser, on_card):
                    break
            else:
                self.fail("Tab never reaches the agreement card")
            self.press(browser, "Enter")
            self.wait_for(
                browser,
                "document.querySelector('.o_form_view .o_statusbar_status .o_arrow_button_current')"
                "?.textContent.includes('Draft')",
                "the agreement to sign opens",
            )
        self.assertEqual(len(self.quiet.agreement_ids), 1)
