"""Issue 18.3: easy read as a preference of each user, on by default for the portal users of
programmes that ask for it; the words explained on a Help page linked from the same place on
every portal page."""

import re

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common_portal import MentoringPortalCase

EASY = {"easy_read": True, "pictures": True}
SIMPLE = {"easy_read": True, "pictures": False}
STANDARD = {"easy_read": False, "pictures": False}


@tagged("post_install", "-at_install")
class TestEasyReadPreference(MentoringPortalCase):
    def test_portal_users_get_easy_read_when_their_programme_says_so(self):
        self.assertEqual(self.portal_user.pm_reading, "default")
        self.assertEqual(self.portal_user._pm_reading(), STANDARD, "the programme does not ask for it")
        self.other_program.easy_read_default = True
        self.assertEqual(self.portal_user._pm_reading(), STANDARD, "another programme's setting")
        self.program.easy_read_default = True
        self.assertEqual(self.portal_user._pm_reading(), EASY)
        self.assertEqual(self.portal_user._pm_reading_classes(), "o_pm_easy_read o_pm_pictures")
        # Staff keep standard text unless they choose otherwise, whatever the programme says.
        self.assertEqual(self.mentor_user._pm_reading(), STANDARD)

    def test_the_users_own_choice_wins(self):
        self.program.easy_read_default = True
        self.portal_user.with_user(self.portal_user).write({"pm_reading": "simple"})
        self.assertEqual(self.portal_user._pm_reading(), SIMPLE)
        self.assertEqual(self.portal_user._pm_reading_classes(), "o_pm_easy_read o_pm_simple_text")
        self.portal_user.with_user(self.portal_user).write({"pm_reading": "standard"})
        self.assertEqual(self.portal_user._pm_reading(), STANDARD)
        self.assertEqual(self.portal_user._pm_reading_classes(), "")
        self.mentor_user.with_user(self.mentor_user).write({"pm_reading": "easy"})
        self.assertEqual(self.mentor_user._pm_reading(), EASY)

    def test_nobody_changes_someone_elses_preference(self):
        with self.assertRaises(AccessError):
            self.portal_b_user.with_user(self.portal_user).write({"pm_reading": "easy"})
        with self.assertRaises(AccessError):
            self.portal_user.with_user(self.mentor_user).write({"pm_reading": "easy"})
        self.assertEqual(self.portal_user.pm_reading, "default")

    def test_the_words_explained_are_read_by_all_and_changed_by_managers(self):
        terms = self.env["mentoring.glossary.term"].with_user(self.portal_user).search([])
        self.assertIn("Plan", terms.mapped("name"))
        for user in (self.portal_user, self.mentor_user, self.coordinator_user):
            with self.assertRaises(AccessError):
                terms[0].with_user(user).write({"meaning": "Something else."})
            with self.assertRaises(AccessError):
                self.env["mentoring.glossary.term"].with_user(user).create({"name": "X", "meaning": "Y."})
        self.env["mentoring.glossary.term"].with_user(self.manager_user).create(
            {"name": "Rematch", "meaning": "A new mentor."}
        )

    def test_the_words_are_easy_to_read(self):
        """One idea a sentence: no sentence of the explanations is longer than 15 words."""
        for term in self.env["mentoring.glossary.term"].search([]):
            for sentence in re.split(r"[.!?]\s*", term.meaning):
                self.assertLessEqual(len(sentence.split()), 15, f"{term.name}: {sentence}")


@tagged("post_install", "-at_install")
class TestEasyReadPortalPages(MentoringPortalCase, HttpCase):
    def top_menu(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200, url)
        menu = re.search(r'<ul id="top_menu"[^>]*>(.*?)</ul>', page.text, re.S)
        self.assertTrue(menu, f"{url}: the top bar")
        return page.text, menu.group(1)

    def test_help_is_in_the_same_place_on_every_portal_page(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        for url in ("/my", "/my/mentoring", f"/my/mentoring/plan/{self.plan.id}", "/my/help", "/my/security"):
            _page, menu = self.top_menu(url)
            # First in the top bar, before the user's own menu.
            self.assertRegex(menu.strip(), r'^<li class="nav-item">\s*<a href="/my/help"', url)

    def test_help_page_explains_the_words_and_saves_the_choice(self):
        self.program.easy_read_default = True
        self.authenticate(self.portal_user.login, self.portal_user.login)
        page, _menu = self.top_menu("/my/help")
        self.assertIn("Words explained", page)
        self.assertIn("Your plan says what you want to work on.", page)
        self.assertRegex(page, r'id="wrapwrap" class="[^"]*o_pm_easy_read o_pm_pictures')
        response = self.url_open(
            "/my/help/reading", data={"reading": "simple", "csrf_token": http.Request.csrf_token(self)}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Saved.", response.text)
        self.assertEqual(self.portal_user.pm_reading, "simple")
        page, _menu = self.top_menu("/my/mentoring")
        self.assertRegex(page, r'id="wrapwrap" class="[^"]*o_pm_easy_read o_pm_simple_text')
        # Nothing else is written through this form.
        self.url_open(
            "/my/help/reading", data={"reading": "admin", "csrf_token": http.Request.csrf_token(self)}
        )
        self.assertEqual(self.portal_user.pm_reading, "simple")

    def test_the_help_page_needs_a_login(self):
        response = self.url_open("/my/help", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
