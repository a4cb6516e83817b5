from lxml import etree

from odoo.tests import tagged

from .common import MentoringBillingCase


@tagged("post_install", "-at_install")
class TestMenusOpenForEachRole(MentoringBillingCase):
    """Every menu a role is shown opens: its views load and its first page reads, with the fields
    those views ask for, without an access error."""

    def open_visible_menus(self, user):
        Menu = self.env["ir.ui.menu"].with_user(user)
        visible = Menu._visible_menu_ids()  # what the web client shows this user
        root = self.env.ref("peer_mentoring.mentoring_menu_root")
        # The web client builds the menu tree from the root: a menu shows only if each ancestor does.
        menus = Menu.browse(visible).filtered(
            lambda m: (
                m.action
                and m.parent_path.startswith(root.parent_path)
                and all(int(ancestor) in visible for ancestor in m.parent_path.strip("/").split("/"))
            )
        )
        opened = []
        for menu in menus:
            action = menu.action.sudo()
            if action._name == "ir.actions.server":  # the app's home: the window it opens
                action = action.with_user(user).run()
            else:
                action = action._get_action_dict()
            Model = self.env[action["res_model"]].with_user(user)
            modes = [mode for mode in action["view_mode"].split(",") if mode != "calendar"]
            views = Model.get_views([(False, mode) for mode in modes] + [(False, "search")])
            # The first view's own fields, as the web client asks for them.
            arch = etree.fromstring(views["views"][modes[0]]["arch"])
            spec = {node.get("name"): {} for node in arch.iter("field")}
            domain = action.get("domain") or []
            if isinstance(domain, str):
                domain = eval(domain)  # noqa: S307 (xml data of this addon)
            Model.web_search_read(domain, spec, limit=20)
            opened.append(action["res_model"])
        return opened

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
