from lxml import etree

from odoo.tests import tagged

from .common import MentoringBillingCase, WebClient


@tagged("post_install", "-at_install")
class TestMenusOpenForEachRole(WebClient, MentoringBillingCase):
    """Every menu a role is shown opens: its views load and its first page reads, with the fields
    those views ask for, without an access error."""

    def open_visible_menus(self, user):
        opened = []
        for action in self.visible_actions(user):
            if action._name == "ir.actions.client":
                opened.append(self.open_import_screen(user, action))
                continue
            Model = self.env[action.res_model].with_user(user)
            modes = [mode for mode in action.view_mode.split(",") if mode != "calendar"]
            views = Model.get_views([(False, mode) for mode in modes] + [(False, "search")])
            # The first view's own fields, as the web client asks for them.
            arch = etree.fromstring(views["views"][modes[0]]["arch"])
            spec = {node.get("name"): {} for node in arch.iter("field")}
            domain = action.domain and eval(action.domain) or []  # noqa: S307 (xml data of this addon)
            Model.web_search_read(domain, spec, limit=20)
            opened.append(action.res_model)
        return opened

    def open_import_screen(self, user, action):
        """An *Import templates* menu opens Odoo's importer on a model: the user may create its
        records and is offered its template."""
        self.assertEqual(action.tag, "import")
        model = action.params["model"]
        Model = self.env[model].with_user(user)
        Model.check_access("create")
        self.assertTrue(Model.get_import_templates(), f"{model} offers no import template")
        return model

    def test_mentor_opens_their_menus(self):
        opened = self.open_visible_menus(self.mentor_user)
        self.assertIn("mentoring.encounter", opened)
        self.assertNotIn("mentoring.authorization", opened)
        self.assertNotIn("mentoring.program", opened)

    def test_supervisor_and_coordinator_open_their_menus(self):
        self.assertIn("mentoring.program", self.open_visible_menus(self.coordinator_user))
        self.assertIn("mentoring.match", self.open_visible_menus(self.supervisor_user))

    def test_finance_sees_only_the_billing_menus(self):
        opened = self.open_visible_menus(self.finance_user)
        self.assertIn("mentoring.authorization", opened)
        self.assertNotIn("mentoring.plan", opened)
        self.assertNotIn("mentoring.agreement", opened)

    def test_manager_opens_every_menu(self):
        self.assertGreaterEqual(len(self.open_visible_menus(self.manager_user)), 12)
