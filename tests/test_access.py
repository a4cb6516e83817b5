"""Who sees what. Each test takes the side of the user who must NOT see a record."""

from odoo.exceptions import AccessError, UserError
from odoo.service.model import call_kw
from odoo.tests import tagged

from .common import MentoringCase

CHILD_MODELS = ("mentoring.agreement", "mentoring.plan", "mentoring.goal", "mentoring.encounter")


@tagged("post_install", "-at_install")
class TestAccess(MentoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["mentoring.plan"].create(
            {"match_id": cls.match.id, "goal_ids": [(0, 0, {"name": "Get a job", "is_first_two": True})]}
        )
        cls.goal = cls.plan.goal_ids
        # Mentor A again, in a programme the coordinator does not coordinate.
        cls.other_mentee = cls.create_mentee("Robin Chen", program=cls.other_program)
        cls.other_match = cls.create_active_match(cls.mentor, cls.other_mentee, program=cls.other_program)
        cls.records_of_a = {
            "mentoring.match": cls.match,
            "mentoring.mentee": cls.mentee,
            "mentoring.mentor": cls.mentor,
            "mentoring.agreement": cls.agreement,
            "mentoring.plan": cls.plan,
            "mentoring.goal": cls.goal,
            "mentoring.encounter": cls.encounter,
        }

    def assertCannotSee(self, user, record):
        """Not in a list, a search, a name search, a group-by, an export, a read or an RPC."""
        Model = self.env[record._name].with_user(user)
        self.assertNotIn(record, Model.search([]), f"{user.login} lists {record._name}")
        self.assertFalse(Model.search_count([("id", "=", record.id)]))
        name_hits = [i for i, _name in Model.name_search(record.display_name[:6])]
        self.assertNotIn(record.id, name_hits)
        groups = Model.formatted_read_group([("id", "=", record.id)], ["create_uid"], ["__count"])
        self.assertFalse(groups, f"{user.login} counts {record._name} in a group-by")
        with self.assertRaises(AccessError):
            Model.browse(record.id).read(["display_name"])
        with self.assertRaises(AccessError):
            Model.browse(record.id).export_data(["display_name"])
        with self.assertRaises(AccessError):
            call_kw(Model, "web_read", [[record.id]], {"specification": {"display_name": {}}})

    def assertCannotChange(self, user, record, vals):
        # AccessError is a UserError: either refusal leaves the record as it was.
        with self.assertRaises(UserError):
            record.with_user(user).write(vals)
        with self.assertRaises(UserError):
            record.with_user(user).unlink()
        self.assertTrue(record.exists())

    # Peer mentor -----------------------------------------------------------------------------

    def test_mentor_sees_own_matches_and_their_records(self):
        Match = self.env["mentoring.match"].with_user(self.mentor_user)
        self.assertEqual(Match.search([]), self.match | self.other_match)
        for model in CHILD_MODELS:
            visible = self.env[model].with_user(self.mentor_user).search([])
            self.assertIn(self.records_of_a[model], visible, model)
            self.assertLessEqual(visible.match_id, self.match | self.other_match, model)
        self.assertEqual(
            self.env["mentoring.mentee"].with_user(self.mentor_user).search([]),
            self.mentee | self.other_mentee,
        )

    def test_mentor_cannot_see_another_mentors_records_at_all(self):
        for record in self.records_of_a.values():
            self.assertCannotSee(self.mentor_b_user, record)

    def test_mentor_cannot_reach_another_mentors_mentee_through_related_fields(self):
        Encounter = self.env["mentoring.encounter"].with_user(self.mentor_b_user)
        self.assertFalse(Encounter.search([("mentee_id.name", "ilike", "Jamie")]))
        self.assertFalse(Encounter.search([("match_id.mentor_id", "=", self.mentor.id)]))
        own = self.encounter_b.with_user(self.mentor_b_user)
        with self.assertRefused(UserError, "stays with its match"):
            own.write({"match_id": self.match.id})
        self.assertEqual(self.encounter_b.match_id, self.match_b)

    def test_mentor_cannot_change_or_delete_another_mentors_records(self):
        self.assertCannotChange(self.mentor_b_user, self.encounter, {"notes": "x"})
        self.assertCannotChange(self.mentor_b_user, self.plan, {"first_steps": "x"})
        with self.assertRaises(AccessError):
            self.env["mentoring.encounter"].with_user(self.mentor_b_user).create(
                {"match_id": self.match.id, "start_time": 8, "end_time": 9}
            )

    def test_mentor_cannot_change_matches_or_certify_themselves(self):
        with self.assertRaises(UserError):
            self.match.with_user(self.mentor_user).write({"state": "closed"})
        with self.assertRaises(AccessError):
            self.match.with_user(self.mentor_user).write({"date_end": self.today})
        with self.assertRaises(UserError):
            self.mentor.with_user(self.mentor_user).write({"capacity": 10})
        with self.assertRaises(UserError):
            self.mentor.with_user(self.mentor_user).action_suspend()
        self.mentor.with_user(self.mentor_user).write({"area": "Eastside"})
        self.assertEqual(self.mentor.area, "Eastside")

    def test_mentor_logs_and_confirms_own_encounters(self):
        encounter = (
            self.env["mentoring.encounter"]
            .with_user(self.mentor_user)
            .create(
                {
                    "match_id": self.match.id,
                    "date": self.yesterday,
                    "start_time": 15,
                    "end_time": 16,
                    "progress": "met",
                }
            )
        )
        encounter.action_confirm()
        self.assertEqual(encounter.state, "confirmed")

    # Supervisor ------------------------------------------------------------------------------

    def test_supervisor_sees_supervised_mentors_records_only(self):
        for model, record in self.records_of_a.items():
            self.assertIn(record, self.env[model].with_user(self.supervisor_user).search([]), model)
        for record in (self.match_b, self.mentee_b, self.mentor_b, self.encounter_b):
            self.assertCannotSee(self.supervisor_user, record)

    def test_supervisor_reads_but_does_not_change_encounters_they_did_not_write(self):
        as_supervisor = self.encounter.with_user(self.supervisor_user)
        self.assertIn("Talked about home", as_supervisor.notes)
        self.assertCannotChange(self.supervisor_user, self.encounter, {"notes": "edited"})

    def test_supervisor_can_change_an_encounter_they_wrote(self):
        own = (
            self.env["mentoring.encounter"]
            .with_user(self.supervisor_user)
            .create(
                {
                    "match_id": self.match.id,
                    "date": self.today,
                    "start_time": 7,
                    "end_time": 8,
                    "progress": "met",
                }
            )
        )
        own.write({"next_steps": "Three-way meeting"})
        self.assertEqual(own.next_steps, "Three-way meeting")

    def test_supervisor_cannot_change_agreements_or_plans(self):
        draft = self.env["mentoring.agreement"].create({"match_id": self.match.id})
        self.assertCannotChange(self.supervisor_user, draft, {"purpose": "x"})
        self.assertCannotChange(self.supervisor_user, self.plan, {"first_steps": "x"})

    # Coordinator and manager -----------------------------------------------------------------

    def test_coordinator_sees_everything_of_their_programmes_only(self):
        Match = self.env["mentoring.match"].with_user(self.coordinator_user)
        self.assertEqual(Match.search([]), self.match | self.match_b)
        self.assertCannotSee(self.coordinator_user, self.other_match)
        self.assertCannotSee(
            self.coordinator_user, self.other_match.encounter_ids[:1] or self.other_match.agreement_ids
        )
        self.encounter_b.with_user(self.coordinator_user).write({"next_steps": "Check in"})

    def test_manager_sees_every_programme_and_configures(self):
        Match = self.env["mentoring.match"].with_user(self.manager_user)
        self.assertLessEqual(self.match | self.match_b | self.other_match, Match.search([]))
        self.other_program.with_user(self.manager_user).write({"max_mentees_per_mentor": 3})
        self.program.with_user(self.coordinator_user).write({"max_mentees_per_mentor": 5})
        with self.assertRaises(AccessError):
            self.other_program.with_user(self.coordinator_user).write({"max_mentees_per_mentor": 5})
        with self.assertRaises(AccessError):
            self.program.with_user(self.mentor_user).write({"max_mentees_per_mentor": 9})

    # Other internal users --------------------------------------------------------------------

    def test_hr_and_sales_users_read_nothing_of_mentoring(self):
        for user in (self.hr_user, self.sales_user):
            for model, record in self.records_of_a.items():
                with self.assertRaises(AccessError, msg=f"{user.login} on {model}"):
                    self.env[model].with_user(user).search([])
                with self.assertRaises(AccessError):
                    record.with_user(user).read(["display_name"])

    def test_notes_and_sensitive_fields_are_restricted_to_the_mentoring_roles(self):
        Encounter = self.env["mentoring.encounter"]
        for field in ("notes", "progress", "progress_explanation", "goal_id", "next_steps"):
            self.assertEqual(Encounter._fields[field].groups, "peer_mentoring.group_mentor", field)
        for field in ("notes", "birthdate", "age"):
            self.assertEqual(
                self.env["mentoring.mentee"]._fields[field].groups, "peer_mentoring.group_mentor"
            )
        # The person's contact record, which every employee can read, carries nothing of this.
        people_models = {"mentoring.mentee", "mentoring.match", "mentoring.encounter", "mentoring.mentor"}
        partner_links = [
            name
            for name, field in self.env["res.partner"]._fields.items()
            if field.comodel_name in people_models or field.comodel_name in CHILD_MODELS
        ]
        self.assertEqual(partner_links, [])
        partner = self.mentee.partner_id.with_user(self.sales_user)
        self.assertNotIn("secret", str(partner.read(["name", "comment", "display_name"])))
