from odoo.tests import tagged

from .common import MentoringCase, WebClient


@tagged("post_install", "-at_install")
class TestEachRoleSeesWhatItMayChange(WebClient, MentoringCase):
    """Forms show each role only the buttons and editable fields it may use: what saving would
    refuse is read-only or hidden, so normal clicking never ends in an access error."""

    def editable_fields(self, user, record):
        arch, descriptions, values = self.open_form(user, record._name, record=record)
        return (
            arch,
            values,
            {
                name
                for name in self.top_level_fields(arch)
                if not self.modifier(arch, descriptions, name, "readonly", user, values)
                and not self.modifier(arch, descriptions, name, "invisible", user, values)
                # a status bar only shows the status, unless it is made clickable
                and self.field_node(arch, name).get("widget") != "statusbar"
            },
        )

    def test_supervisor_reads_a_supervised_mentors_meeting_without_changing_it(self):
        arch, values, editable = self.editable_fields(self.supervisor_user, self.encounter)
        self.assertEqual(editable, set())
        for button in ("action_confirm", "action_cancel"):
            self.assertFalse(self.button_visible(self.supervisor_user, arch, button, values), button)

    def test_mentor_changes_their_own_draft_meeting(self):
        arch, values, editable = self.editable_fields(self.mentor_user, self.encounter)
        self.assertLessEqual({"date", "start_time", "progress", "goal_id", "mentor_signed_on"}, editable)
        self.assertTrue(self.button_visible(self.mentor_user, arch, "action_confirm", values))

    def test_a_confirmed_meeting_keeps_its_documentation_read_only(self):
        self.encounter.action_confirm()
        arch, values, editable = self.editable_fields(self.mentor_user, self.encounter)
        self.assertFalse(editable & {"progress", "goal_id", "location_type", "mentor_signed_on"})
        # Only a coordinator cancels a confirmed meeting.
        self.assertFalse(self.button_visible(self.mentor_user, arch, "action_cancel", values))
        arch, values, _editable = self.editable_fields(self.coordinator_user, self.encounter)
        self.assertTrue(self.button_visible(self.coordinator_user, arch, "action_cancel", values))

    def test_mentor_edits_only_languages_interests_gender_and_area_on_their_profile(self):
        arch, values, editable = self.editable_fields(self.mentor_user, self.mentor)
        self.assertEqual(
            editable,
            {
                "language_ids",
                "interest_ids",
                "gender",
                "area",
                "experience_ids",
                "hours_per_month",
                "preferred_communication",
            },
        )
        # ... and still reads the programmes they work in.
        self.assertEqual(values["program_ids"], (self.program | self.other_program).ids)
        for button in ("action_certify", "action_suspend"):
            self.assertNotIn(button, {node.get("name") for node in arch.iter("button")})

    def test_coordinator_edits_the_whole_mentor_profile(self):
        _arch, _values, editable = self.editable_fields(self.coordinator_user, self.mentor)
        self.assertLessEqual({"name", "program_ids", "capacity", "supervisor_id", "language_ids"}, editable)

    def test_supervisor_reads_a_supervised_mentors_profile(self):
        _arch, _values, editable = self.editable_fields(self.supervisor_user, self.mentor)
        self.assertEqual(editable, set())

    def test_a_signed_agreement_is_read_only(self):
        arch, values, editable = self.editable_fields(self.mentor_user, self.agreement)
        self.assertEqual(editable, set())
        self.assertFalse(self.button_visible(self.mentor_user, arch, "action_sign", values))
        self.assertTrue(self.button_visible(self.mentor_user, arch, "action_new_version", values))
        arch, values, _editable = self.editable_fields(self.supervisor_user, self.agreement)
        self.assertFalse(self.button_visible(self.supervisor_user, arch, "action_new_version", values))

    def test_supervisor_reads_a_draft_agreement_without_changing_it(self):
        draft = self.create_agreement(self.match, mentor_signed_on=False)
        _arch, _values, editable = self.editable_fields(self.supervisor_user, draft)
        self.assertEqual(editable, set())
        _arch, _values, editable = self.editable_fields(self.mentor_user, draft)
        self.assertLessEqual({"purpose", "mentor_signed_on", "mentee_signed_on"}, editable)
        self.assertNotIn("coordinator_signed_on", editable, "a mentor never signs for the coordinator")
        _arch, _values, editable = self.editable_fields(self.coordinator_user, draft)
        self.assertLessEqual({"purpose", "mentor_signed_on", "coordinator_signed_on"}, editable)

    def test_supervisor_cannot_submit_a_supervised_mentors_timesheet(self):
        sheet = self.env["mentoring.monthly.timesheet"].create({"mentor_id": self.mentor.id})
        arch, values, editable = self.editable_fields(self.supervisor_user, sheet)
        self.assertEqual(editable, set())
        self.assertFalse(self.button_visible(self.supervisor_user, arch, "action_submit", values))
        arch, values, editable = self.editable_fields(self.mentor_user, sheet)
        self.assertTrue(self.button_visible(self.mentor_user, arch, "action_submit", values))

    def test_supervisor_cannot_change_a_goals_status(self):
        plan = self.env["mentoring.plan"].create(
            {"match_id": self.match.id, "goal_ids": [(0, 0, {"name": "Find a job", "is_first_two": True})]}
        )
        goal = plan.goal_ids
        view = self.env["mentoring.goal"].with_user(self.supervisor_user).get_views([(False, "list")])
        arch = self.parse(view["views"]["list"]["arch"])
        status = self.field_node(arch, "status")
        for user, editable in ((self.supervisor_user, False), (self.mentor_user, True)):
            values = goal.with_user(user).web_read({"can_edit": {}})[0]
            self.assertEqual(not self.evaluate(status.get("readonly"), user, values), editable)

    def test_age_is_blank_without_a_date_of_birth(self):
        view = self.env["mentoring.mentee"].with_user(self.coordinator_user).get_views([(False, "list")])
        age = self.field_node(self.parse(view["views"]["list"]["arch"]), "age")
        for mentee, shown in ((self.mentee, True), (self.mentee_b, False)):
            values = mentee.with_user(self.coordinator_user).web_read({"birthdate": {}})[0]
            self.assertEqual(not self.evaluate(age.get("invisible"), self.coordinator_user, values), shown)
