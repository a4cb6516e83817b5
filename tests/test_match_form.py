from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MentoringCase, WebClient


@tagged("post_install", "-at_install")
class TestMatchForm(WebClient, MentoringCase):
    """Proposing a match from the form: what the drop-downs offer, what they say about the
    mentors, the capacity warning, quick-created mentees, the title and the buttons."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor.write(
            {
                "language_ids": [Command.set(cls.env.ref("base.lang_en").ids)],
                "interest_ids": [Command.create({"name": "Gardening"})],
                "area": "Northside",
            }
        )

    def new_match_form(self, user=None, **values):
        arch, descriptions, form_values = self.open_form(user or self.coordinator_user, "mentoring.match")
        form_values.update(values)
        return arch, descriptions, form_values

    def test_a_new_match_is_titled_new_match_and_in_the_users_company(self):
        _arch, _descriptions, values = self.new_match_form()
        self.assertEqual(values["name"], "New match")
        self.assertEqual(values["company_id"], self.company.id)

    def test_the_mentor_picker_shows_free_places_languages_interests_and_area(self):
        arch, descriptions, values = self.new_match_form(program_id=self.program.id)
        offered = {
            r["id"]: r["__formatted_display_name"]
            for r in self.offered(self.coordinator_user, arch, descriptions, "mentor_id", values)
        }
        self.assertEqual(set(offered), set((self.mentor | self.mentor_b).ids))
        ada = offered[self.mentor.id]
        # Ada supports Jamie: one of her two places is taken.
        for expected in ("Ada Mentor", "1 of 2 places free", "English", "Gardening", "Northside"):
            self.assertIn(expected, ada)
        self.assertEqual((self.mentor.free_places, self.mentor.display_name), (1, "Ada Mentor"))

    def test_the_mentor_picker_keeps_to_the_programmes_mentors_who_can_mentor(self):
        self.mentor_b.with_user(self.coordinator_user).action_suspend()
        arch, descriptions, values = self.new_match_form(program_id=self.program.id)
        offered = {
            r["id"] for r in self.offered(self.coordinator_user, arch, descriptions, "mentor_id", values)
        }
        self.assertEqual(offered, set(self.mentor.ids))

    def test_the_mentee_list_keeps_to_the_programme(self):
        other = self.create_mentee("Sky Other", program=self.other_program)
        arch, descriptions, values = self.new_match_form(self.manager_user, program_id=self.program.id)
        offered = {r["id"] for r in self.offered(self.manager_user, arch, descriptions, "mentee_id", values)}
        self.assertIn(self.mentee.id, offered)
        self.assertNotIn(other.id, offered)
        values["program_id"] = self.other_program.id
        offered = {r["id"] for r in self.offered(self.manager_user, arch, descriptions, "mentee_id", values)}
        self.assertEqual(offered, set(other.ids))

    def test_proposing_a_match_beyond_the_mentors_capacity_warns_at_once(self):
        Match = self.env["mentoring.match"].with_user(self.coordinator_user)
        spec = {"mentor_id": {}, "program_id": {}, "capacity_override_reason": {}}
        values = {"program_id": self.program.id, "mentor_id": self.mentor.id}
        self.assertNotIn("warning", Match.onchange(values, ["mentor_id"], spec), "Ada has a free place")
        self.create_match(self.mentor, self.create_mentee("Second")).action_introduce()
        warning = Match.onchange(values, ["mentor_id"], spec)["warning"]
        self.assertIn("capacity is 2", warning["message"])
        self.assertIn("capacity override reason", warning["message"])
        # Proposing is allowed; introducing is not, as before.
        third = self.create_match(self.mentor, self.create_mentee("Third"))
        with self.assertRefused(ValidationError, "capacity allows"):
            third.with_user(self.coordinator_user).action_introduce()

    def test_quick_create_of_a_mentee_keeps_the_name_and_the_programme(self):
        arch, descriptions, values = self.new_match_form(program_id=self.program.id)
        node = self.field_node(arch, "mentee_id")
        context = self.evaluate(node.get("context"), self.coordinator_user, values)
        Mentee = self.env["mentoring.mentee"].with_user(self.coordinator_user).with_context(**context)
        mentee_id, name = Mentee.name_create("Robin Chen")
        mentee = Mentee.browse(mentee_id)
        self.assertEqual((name, mentee.name, mentee.partner_id.name), ("Robin Chen",) * 3)
        self.assertEqual(mentee.program_ids, self.program)

    def test_create_and_edit_of_a_mentee_opens_with_the_typed_name_and_programme(self):
        context = {"default_name": "Robin Chen", "default_program_ids": self.program.ids}
        _arch, _descriptions, values = self.open_form(self.coordinator_user, "mentoring.mentee", context)
        self.assertEqual((values["name"], values["program_ids"]), ("Robin Chen", self.program.ids))

    def test_renaming_a_mentee_renames_their_contact(self):
        self.mentee.with_user(self.coordinator_user).name = "Jamie R. Rivera"
        self.assertEqual(self.mentee.partner_id.name, "Jamie R. Rivera")

    def test_the_first_button_says_introduce(self):
        arch, _descriptions, _values = self.new_match_form()
        button = next(node for node in arch.iter("button") if node.get("name") == "action_introduce")
        self.assertEqual(button.get("string"), "Introduce")


@tagged("post_install", "-at_install")
class TestMatchKanban(MentoringCase):
    """The board of matches by status: ended ones folded, only the columns the filter allows,
    and a card dropped in another column goes through that column's button."""

    def read_board(self, domain):
        return (
            self.env["mentoring.match"]
            .with_user(self.coordinator_user)
            .with_context(read_group_expand=True)  # as the kanban view asks
            .web_read_group(
                domain,
                ["state"],
                ["__count"],
                auto_unfold=True,
                unfold_read_specification={"display_name": {}},
            )["groups"]
        )

    def test_closed_and_cancelled_columns_are_folded(self):
        self.create_match(self.mentor_b, self.create_mentee("Lee Park")).action_cancel()
        self.close_match(self.match_b, "planned_end")
        groups = {group["state"]: group for group in self.read_board([])}
        self.assertEqual(list(groups), ["draft", "introduced", "active", "on_hold", "closed", "cancelled"])
        self.assertIn("__records", groups["active"])
        self.assertNotIn("__records", groups["closed"])
        self.assertNotIn("__records", groups["cancelled"])

    def test_the_open_filter_shows_no_empty_ended_columns(self):
        action = self.env.ref("peer_mentoring.mentoring_match_action")
        search = self.env["mentoring.match"].get_views([(False, "search")])["views"]["search"]["arch"]
        self.assertIn("search_default_open", action.context)
        self.assertIn('name="open"', search)
        states = [g["state"] for g in self.read_board([("state", "not in", ("closed", "cancelled"))])]
        self.assertEqual(states, ["draft", "introduced", "active", "on_hold"])
        states = [g["state"] for g in self.read_board([("state", "in", ("introduced", "active", "on_hold"))])]
        self.assertEqual(states, ["introduced", "active", "on_hold"])

    def test_dropping_a_card_runs_the_button_of_its_new_column(self):
        match = self.create_match(self.mentor_b, self.create_mentee("Lee Park")).with_user(
            self.coordinator_user
        )
        match.write({"state": "introduced"})
        self.assertEqual(match.state, "introduced")
        with self.assertRefused(UserError, "no signed agreement"):
            match.write({"state": "active"})
        self.assertEqual(match.state, "introduced")
        with self.assertRefused(UserError, "use its Close button"):
            match.write({"state": "closed"})
        match.write({"state": "cancelled"})
        self.assertEqual(match.state, "cancelled")
        with self.assertRefused(UserError, "cannot introduce"):
            match.write({"state": "introduced"})

    def test_dropping_a_card_checks_capacity_as_the_button_does(self):
        self.create_match(self.mentor, self.create_mentee("Second")).action_introduce()
        third = self.create_match(self.mentor, self.create_mentee("Third")).with_user(self.coordinator_user)
        with self.assertRefused(ValidationError, "capacity allows"):
            third.write({"state": "introduced"})
        self.assertEqual(third.state, "draft")

    def test_a_mentor_cannot_move_a_card(self):
        with self.assertRefused(UserError, "Only a programme coordinator|not allowed"):
            self.match.with_user(self.mentor_user).write({"state": "on_hold"})
        self.assertEqual(self.match.state, "active")
