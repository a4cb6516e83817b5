"""Issue 18.3-4 on the portal, by keyboard alone in a real browser: the person mentored
reaches Help from the top bar, reads the words explained and chooses how the pages look;
axe-core finds nothing on the Help page nor on the login page (with its passkey button)."""

from odoo.tests import HttpCase, tagged

from .common_keyboard import KeyboardBrowserMixin
from .common_portal import MentoringPortalCase

# 16 pt in CSS pixels: the easy-read minimum.
EASY_READ_PX = 16 * 96 / 72


@tagged("post_install", "-at_install")
class TestPortalHelpKeyboard(KeyboardBrowserMixin, MentoringPortalCase, HttpCase):
    def test_mentee_chooses_simple_text_with_the_keyboard_alone(self):
        self.program.easy_read_default = True
        self.env.flush_all()
        login = self.portal_user.login
        with self.keyboard_browser(
            "/my/mentoring", login, "!!document.querySelector('.o_pm_help_link')"
        ) as browser:
            # The programme asks for easy read: big text and pictures, before anyone chooses.
            self.assertTrue(
                self.evaluate(
                    browser, "document.querySelector('#wrapwrap.o_pm_easy_read.o_pm_pictures') !== null"
                )
            )
            size = self.evaluate(
                browser,
                "parseFloat(getComputedStyle(document.querySelector('#wrap .o_pm_portal p, #wrap .o_pm_portal h2 + *')).fontSize)",
            )
            self.assertGreaterEqual(size, EASY_READ_PX)
            self.tab_to(browser, "a.o_pm_help_link", "Help in the top bar")
            self.press(browser, "Enter")
            self.wait_for(
                browser, "document.querySelector('.o_pm_help_page .o_pm_glossary')", "Enter opens Help"
            )
            self.assertEqual(self.run_axe(browser), [], f"axe-core on Help at {self.browser_size}")
            self.assertEqual(self.small_targets(browser, ".o_pm_portal .btn, .o_pm_help_link"), [])
            self.assertFalse(self.scrolls_sideways(browser))
            self.assertTrue(
                self.evaluate(
                    browser,
                    "getComputedStyle(document.querySelector('.o_pm_reading_choice .o_pm_picture')).display !== 'none'",
                )
            )
            self.tab_to(browser, ".o_pm_reading_choice[value='simple']", "the Simple text choice")
            self.press(browser, "Space")
            self.wait_for(browser, "document.querySelector('.o_pm_reading_saved')", "Space saves the choice")
            self.wait_for(
                browser,
                "document.querySelector('#wrapwrap.o_pm_easy_read.o_pm_simple_text')",
                "the page now has no pictures",
            )
            self.assertTrue(
                self.evaluate(
                    browser,
                    "getComputedStyle(document.querySelector('.o_pm_reading_choice .o_pm_picture')).display === 'none'",
                )
            )
            size = self.evaluate(
                browser, "parseFloat(getComputedStyle(document.querySelector('.o_pm_help_page p')).fontSize)"
            )
            self.assertGreaterEqual(size, EASY_READ_PX)
            self.assertEqual(self.run_axe(browser), [], "axe-core on Help after the choice")
        self.assertEqual(self.portal_user.pm_reading, "simple")

    def test_login_page_with_passkey_passes_axe(self):
        with self.keyboard_browser("/web/login", None, "!!document.querySelector('input#login')") as browser:
            self.assertTrue(
                self.evaluate(browser, "document.querySelector('.passkey_login_link') !== null"),
                "the passkey button",
            )
            self.assertEqual(self.run_axe(browser), [], f"axe-core on the login page at {self.browser_size}")


@tagged("post_install", "-at_install")
class TestPortalHelpKeyboardPhone(TestPortalHelpKeyboard):
    browser_size = "390x844"
