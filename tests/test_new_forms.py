from lxml import etree

from odoo import Command
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import MentoringBillingCase, WebClient


@tagged("post_install", "-at_install")
class TestEveryNewFormOffersChoices(WebClient, MentoringBillingCase):
    """For each menu a role sees and each of its "New" forms: the form loads with its defaults,
    and every required drop-down the role can fill lists at least one record it may pick. (A
    supervisor who mentors nobody is offered no New agreement, plan or timesheet at all.)"""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # An applicant, for whom a coordinator opens an internship.
        applicant = cls.env["hr.employee"].create({"name": "Avery Applicant"})
        cls.env["mentoring.mentor"].create(
            {"employee_id": applicant.id, "program_ids": [Command.set(cls.program.ids)], "state": "applicant"}
        )

    def check_new_forms(self, role, user):
        """Return (model, field, offered names) for each required drop-down of each New form."""
        checked = []
        for action in self.visible_actions(user):
            if action._name != "ir.actions.act_window":
                continue
            context = safe_eval(action.context or "{}", self.eval_context(user))
            modes = action.view_mode.split(",")
            Model = self.env[action.res_model].with_user(user).with_context(**context)
            main = Model.get_views([(False, modes[0])])["views"][modes[0]]["arch"]
            if "form" not in modes or not self.can_create(etree.fromstring(main)):
                continue
            arch, descriptions, values = self.open_form(user, action.res_model, context)
            if not self.can_create(arch):
                continue
            for name in self.top_level_fields(arch):
                description = descriptions[name]
                if description["type"] != "many2one":
                    continue
                if not self.modifier(arch, descriptions, name, "required", user, values):
                    continue
                if self.modifier(arch, descriptions, name, "invisible", user, values):
                    continue
                if self.modifier(arch, descriptions, name, "readonly", user, values):
                    self.assertTrue(values.get(name), f"{role}: {action.name} has {name} read-only and empty")
                    continue
                offered = [r["display_name"] for r in self.offered(user, arch, descriptions, name, values)]
                # Where there is nothing to pick, the screen offers no New (test_new_offered).
                self.assertTrue(offered, f"{role}: {action.name} → New: {name} offers nothing")
                checked.append((action.res_model, name, offered))
        return checked

    def fields_checked(self, checked):
        return {(model, name) for model, name, _offered in checked}

    def test_coordinator_new_forms(self):
        checked = self.check_new_forms("coordinator", self.coordinator_user)
        self.assertLessEqual(
            {
                ("mentoring.match", "program_id"),
                ("mentoring.match", "mentor_id"),
                ("mentoring.match", "mentee_id"),
                ("mentoring.authorization", "mentee_id"),
                ("mentoring.authorization", "program_id"),
                ("mentoring.authorization", "payer_id"),
                ("mentoring.monthly.timesheet", "mentor_id"),
                ("mentoring.agreement", "match_id"),
                ("mentoring.plan", "match_id"),
                ("mentoring.encounter", "match_id"),
            },
            self.fields_checked(checked),
        )

    def test_manager_new_forms(self):
        checked = self.check_new_forms("manager", self.manager_user)
        self.assertIn(("mentoring.match", "program_id"), self.fields_checked(checked))
        self.assertIn(("mentoring.authorization", "mentee_id"), self.fields_checked(checked))

    def test_mentor_new_forms(self):
        checked = self.check_new_forms("mentor", self.mentor_user)
        self.assertLessEqual(
            {
                ("mentoring.monthly.timesheet", "mentor_id"),
                ("mentoring.encounter", "match_id"),
                ("mentoring.agreement", "match_id"),
                ("mentoring.plan", "match_id"),
            },
            self.fields_checked(checked),
        )
        self.assertNotIn("mentoring.match", {model for model, _name, _offered in checked})

    def test_supervisor_new_forms(self):
        checked = self.check_new_forms("supervisor", self.supervisor_user)
        self.assertIn(("mentoring.encounter", "match_id"), self.fields_checked(checked))

    def test_finance_has_no_new_form_to_fill(self):
        """None but the funder report's choice of programme and period (for its billing figures)."""
        self.assertTrue(self.visible_actions(self.finance_user))
        checked = self.check_new_forms("finance", self.finance_user)
        self.assertEqual(self.fields_checked(checked), {("mentoring.funder.report", "program_id")})


@tagged("post_install", "-at_install")
class TestBlockersOfTheNewForms(WebClient, MentoringBillingCase):
    """The three New forms that could not be completed by clicking (issue 7, blockers 1-3)."""

    def offered_ids(self, user, model, name, values_update=None, context=None):
        arch, descriptions, values = self.open_form(user, model, context)
        values.update(values_update or {})
        return {r["id"] for r in self.offered(user, arch, descriptions, name, values)}

    def test_new_match_offers_the_programmes_the_user_coordinates(self):
        self.assertEqual(
            self.offered_ids(self.coordinator_user, "mentoring.match", "program_id"), set(self.program.ids)
        )
        # A manager coordinates every programme.
        self.assertLessEqual(
            set((self.program | self.other_program).ids),
            self.offered_ids(self.manager_user, "mentoring.match", "program_id"),
        )

    def test_new_mentee_and_mentor_offer_the_programmes_the_user_coordinates(self):
        for model in ("mentoring.mentee", "mentoring.mentor"):
            arch, descriptions, values = self.open_form(self.coordinator_user, model)
            offered = self.offered(self.coordinator_user, arch, descriptions, "program_ids", values)
            self.assertEqual([r["id"] for r in offered], self.program.ids, model)

    def test_new_authorisation_offers_the_coordinators_mentees_and_programmes(self):
        user = self.coordinator_user
        self.assertEqual(
            self.offered_ids(user, "mentoring.authorization", "program_id"), set(self.program.ids)
        )
        self.assertEqual(
            self.offered_ids(user, "mentoring.authorization", "mentee_id"),
            set((self.mentee | self.mentee_b).ids),
        )
        self.assertEqual(
            self.offered_ids(
                user, "mentoring.authorization", "mentee_id", {"program_id": self.other_program.id}
            ),
            set(),
        )

    def test_a_new_authorisation_saved_from_the_form_is_the_coordinators(self):
        _arch, _descriptions, values = self.open_form(self.coordinator_user, "mentoring.authorization")
        auth = (
            self.env["mentoring.authorization"]
            .with_user(self.coordinator_user)
            .create(
                {
                    "company_id": values["company_id"],
                    "name": "AUTH-NEW",
                    "payer_id": self.payer.id,
                    "mentee_id": self.mentee_b.id,
                    "program_id": self.program.id,
                    "date_from": self.today,
                    "date_to": self.today,
                    "units_authorized": 4,
                }
            )
        )
        self.assertEqual(auth.company_id, self.program.company_id)

    def test_new_monthly_timesheet_offers_the_mentor_their_profile(self):
        _arch, _descriptions, values = self.open_form(self.mentor_user, "mentoring.monthly.timesheet")
        self.assertEqual(values["mentor_id"], self.mentor.id, "a mentor claims their own time")
        self.assertEqual(
            self.offered_ids(self.mentor_user, "mentoring.monthly.timesheet", "mentor_id"),
            set(self.mentor.ids),
        )

    def test_new_monthly_timesheet_offers_the_coordinator_their_programmes_mentors(self):
        outsider = self.env["mentoring.mentor"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Elsewhere"}).id,
                "program_ids": [(6, 0, self.other_program.ids)],
            }
        )
        offered = self.offered_ids(self.coordinator_user, "mentoring.monthly.timesheet", "mentor_id")
        self.assertEqual(offered, set((self.mentor | self.mentor_b).ids))
        self.assertNotIn(outsider.id, offered)

    def test_supervisor_is_not_offered_supervised_mentors_for_a_timesheet(self):
        # The supervisor reads Ada's timesheets but may not write one for her.
        self.assertEqual(
            self.offered_ids(self.supervisor_user, "mentoring.monthly.timesheet", "mentor_id"), set()
        )
