"""Issue 22, item 2: the Spanish translation is complete and keeps every placeholder, and the forms
a mentee reads print in the mentee's language (the plan; the agreement, with the mentor's copy in
the mentor's language on request), dates included."""

import re
from datetime import date

import polib

from odoo.addons.mail.tests.common import MockEmail
from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path

from .common_portal import MentoringPortalCase
from .common_supervision import SupervisionCase

# What must come through a translation unchanged: printf and format placeholders, and the HTML
# tags with their attributes (less the attributes that are themselves translated).
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|%%|\{[a-z_]*\}")
TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w-]*)([^>]*?)(/?)>")
TRANSLATED_ATTRIBUTE = re.compile(r'\s(title|alt|placeholder|aria-label)="[^"]*"')


def catalogue(name):
    return polib.pofile(file_path(f"peer_mentoring/i18n/{name}"))


def tags(text):
    return sorted(
        (m.group(1), m.group(2), TRANSLATED_ATTRIBUTE.sub("", m.group(3)).strip(), m.group(4))
        for m in TAG.finditer(text)
    )


@tagged("post_install", "-at_install")
class TestSpanishCatalogue(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pot = catalogue("peer_mentoring.pot")
        cls.spanish = {(e.msgctxt, e.msgid): e for e in catalogue("es.po") if e.msgid and not e.obsolete}

    def test_every_string_of_the_template_has_a_spanish_translation(self):
        untranslated = [
            e.msgid
            for e in self.pot
            if e.msgid
            and (
                (e.msgctxt, e.msgid) not in self.spanish
                or not self.spanish[e.msgctxt, e.msgid].msgstr.strip()
                or "fuzzy" in self.spanish[e.msgctxt, e.msgid].flags
            )
        ]
        self.assertGreater(len(self.pot), 1000, "the template lists the addon's strings")
        self.assertFalse(
            untranslated,
            f"{len(untranslated)} of {len(self.pot)} strings have no Spanish translation (or a fuzzy one), "
            f"e.g. {untranslated[:5]}",
        )

    def test_translations_keep_placeholders_and_tags(self):
        broken = [
            entry.msgid
            for entry in self.spanish.values()
            if entry.msgstr
            and (
                sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(PLACEHOLDER.findall(entry.msgstr))
                or tags(entry.msgid) != tags(entry.msgstr)
            )
        ]
        self.assertFalse(broken, f"{len(broken)} translations change a placeholder or a tag: {broken[:5]}")

    def test_the_checks_catch_a_lost_placeholder_and_a_lost_tag(self):
        # The comparison above is not empty by construction: a dropped placeholder or tag shows.
        self.assertNotEqual(
            sorted(PLACEHOLDER.findall("%(mentor)s has no free place")),
            sorted(PLACEHOLDER.findall("no tiene lugar libre")),
        )
        self.assertNotEqual(tags("<b>Book</b> it"), tags("Registrarlo"))
        self.assertEqual(tags('<i class="fa" title="Saved"/>'), tags('<i class="fa" title="Guardado"/>'))


@tagged("post_install", "-at_install")
class TestFormsPrintInThePersonsLanguage(MentoringPortalCase, MockEmail):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("es_419")
        cls.env["ir.module.module"]._load_module_terms(["peer_mentoring"], ["es_419"])
        cls.mentee.partner_id.lang = "es_419"
        cls.mentor_user.lang = "en_US"
        cls.plan.plan_date = date(2026, 3, 14)
        cls.agreement.match_id.date_start = date(2026, 3, 14)

    def html(self, report, records, user=None):
        Report = self.env["ir.actions.report"].with_user(user or self.mentor_user)
        return Report._render_qweb_html(report, records.ids)[0].decode()

    def test_a_spanish_speaking_mentees_plan_prints_in_spanish(self):
        html = self.html("peer_mentoring.mentoring_plan_report", self.plan)
        for words in (
            "Mi plan individual",
            "Las dos primeras metas en las que quiero trabajar son:",
            "Firma de la persona mentorada",
            "Firma del mentor",
        ):
            self.assertIn(words, html)
        self.assertNotIn("My Individual Plan", html)
        self.assertNotIn("Signature of Mentee", html)
        # The date follows the language: day first in Spanish (14/03/2026), not 03/14/2026.
        self.assertIn("14/03/2026", html)
        self.assertNotIn("03/14/2026", html)
        # What the people wrote is theirs: it prints as written.
        self.assertIn("Get a part-time job", html)

    def test_an_english_speaking_mentees_plan_stays_in_english(self):
        self.mentee.partner_id.lang = "en_US"
        html = self.html("peer_mentoring.mentoring_plan_report", self.plan)
        self.assertIn("My Individual Plan", html)
        self.assertIn("03/14/2026", html)
        self.assertNotIn("Mi plan individual", html)

    def test_the_agreement_prints_in_the_mentees_language_and_the_mentors_copy_in_theirs(self):
        html = self.html("peer_mentoring.mentoring_agreement_report", self.agreement)
        self.assertIn("Acuerdo de mentoría entre pares", html)
        self.assertIn("Persona mentorada", html)
        self.assertIn("14/03/2026", html)
        self.assertNotIn("Peer Mentoring Agreement", html)

        copy = self.html("peer_mentoring.mentoring_agreement_mentor_copy_report", self.agreement)
        self.assertIn("Peer Mentoring Agreement", copy)
        self.assertIn("03/14/2026", copy)
        self.assertNotIn("Acuerdo de mentoría entre pares", copy)

    def test_a_spanish_speaking_mentor_gets_their_copy_in_spanish(self):
        self.mentee.partner_id.lang = "en_US"
        self.mentor_user.lang = "es_419"
        copy = self.html("peer_mentoring.mentoring_agreement_mentor_copy_report", self.agreement)
        self.assertIn("Acuerdo de mentoría entre pares", copy)
        html = self.html("peer_mentoring.mentoring_agreement_report", self.agreement)
        self.assertIn("Peer Mentoring Agreement", html)

    def test_the_signing_link_e_mail_is_written_in_the_mentees_language(self):
        self.assertEqual(self.coordinator_user.lang, "en_US")
        with self.mock_mail_gateway():
            self.plan.with_user(self.coordinator_user).action_send_sign_link()
        mail = self._mails[-1]
        self.assertEqual(mail["subject"], "Su documento por firmar")
        self.assertIn("Hola, Jamie Rivera:", mail["body"])
        self.assertIn("Leer y firmar", mail["body"])
        self.assertNotIn("Read and sign", mail["body"])


@tagged("post_install", "-at_install")
class TestSupervisionAgreementPrintsInTheMentorsLanguage(SupervisionCase):
    """The supervision agreement is the peer mentor's paper: it prints in their language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("es_419")
        cls.env["ir.module.module"]._load_module_terms(["peer_mentoring"], ["es_419"])
        cls.agreement_s.date_start = date(2026, 3, 14)

    def speaks(self, mentor, lang):
        """The mentor's language: their contact's (a volunteer's), else their login's (staff)."""
        mentor.partner_id.lang = lang
        mentor.user_id.lang = lang

    def html(self):
        Report = self.env["ir.actions.report"].with_user(self.supervisor_user)
        return Report._render_qweb_html(
            "peer_mentoring.mentoring_supervision_agreement_report", self.agreement_s.ids
        )[0].decode()

    def test_a_spanish_speaking_mentors_supervision_agreement_prints_in_spanish(self):
        self.assertEqual(self.supervisor_user.lang, "en_US")
        self.speaks(self.mentor, "es_419")
        html = self.html()
        self.assertIn("Acuerdo de supervisión", html)
        self.assertIn("14/03/2026", html)
        self.assertNotIn("Supervision Agreement", html)

    def test_an_english_speaking_mentors_stays_in_english(self):
        self.speaks(self.mentor, "en_US")
        html = self.html()
        self.assertIn("Supervision Agreement", html)
        self.assertIn("03/14/2026", html)
