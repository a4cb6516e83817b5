"""Issue 15: lifecycle rights ask "does this user coordinate *this* record's programme, and are
they not its subject?", never only "is this user a coordinator?". The attacker coordinates the
foster-carer programme and is a peer mentor in the disability programme, with a mentee there."""

from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged

from .common import MentoringCase
from .common_internship import MentoringInternshipCase


@tagged("post_install", "-at_install")
class TestActingForProgramme(MentoringCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.attacker = new_test_user(
            cls.env,
            login="t_coord_b_mentor_a",
            groups="peer_mentoring.group_coordinator",
            company_id=cls.company.id,
        )
        cls.other_program.coordinator_ids = [Command.link(cls.attacker.id)]
        employee = cls.env["hr.employee"].create({"name": "Cory Both", "user_id": cls.attacker.id})
        cls.attacker_mentor = cls.env["mentoring.mentor"].create(
            {
                "employee_id": employee.id,
                "program_ids": [Command.set(cls.program.ids)],
                "state": "certified",
                "ethics_ack_date": cls.yesterday,
            }
        )
        cls.attacker_mentee = cls.create_mentee("Lee Own")
        cls.attacker_match = cls.create_active_match(cls.attacker_mentor, cls.attacker_mentee)
        cls.attacker_encounter = cls.create_encounter(cls.attacker_match)
        cls.attacker_encounter.action_confirm()
        cls.training = cls.env["mentoring.mentor.training"].create(
            {
                "mentor_id": cls.attacker_mentor.id,
                "name": "Intro course",
                "hours": 2,
                "date": date(2025, 3, 1),
            }
        )
        cls.training.with_user(cls.coordinator_user).action_approve()

    def test_a_coordinator_elsewhere_does_not_change_their_own_approved_training(self):
        training = self.training.with_user(self.attacker)
        with self.assertRefused(UserError, "approved or refused"):
            training.write({"hours": 40})
        with self.assertRefused(UserError, "your own training"):
            training.action_reset()
        with self.assertRefused(UserError, "stays on record"):
            training.unlink()
        self.assertEqual((self.training.hours, self.training.state), (2, "approved"))
        # Nor approve a course of their own.
        submitted = (
            self.env["mentoring.mentor.training"]
            .with_user(self.attacker)
            .create(
                {
                    "mentor_id": self.attacker_mentor.id,
                    "name": "Made up",
                    "hours": 30,
                    "date": date(2025, 4, 1),
                }
            )
        )
        with self.assertRefused(UserError, "your own training"):
            submitted.action_approve()
        self.assertFalse(submitted.can_approve)
        # The programme's own coordinator still corrects it.
        self.training.with_user(self.coordinator_user).write({"hours": 3})
        self.assertEqual(self.training.hours, 3)

    def test_own_approved_training_over_call_kw(self):
        self.authenticate("t_coord_b_mentor_a", "t_coord_b_mentor_a")
        for method, args in (
            ("write", [[self.training.id], {"hours": 40}]),
            ("action_reset", [[self.training.id]]),
        ):
            with self.assertRaises(JsonRpcException, msg=method):
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw",
                    {"model": "mentoring.mentor.training", "method": method, "args": args, "kwargs": {}},
                )
        self.env.invalidate_all()
        self.assertEqual((self.training.hours, self.training.state), (2, "approved"))

    def test_a_coordinator_elsewhere_does_not_cancel_their_own_confirmed_meeting(self):
        with self.assertRefused(UserError, "concerns you|Only a coordinator"):
            self.attacker_encounter.with_user(self.attacker).action_cancel()
        self.assertEqual(self.attacker_encounter.state, "confirmed")

    def test_a_coordinator_elsewhere_does_not_override_billing_of_their_own_meeting(self):
        draft = self.create_encounter(self.attacker_match, date=self.today)
        with self.assertRefused(UserError, "concerns you|Only a coordinator"):
            draft.with_user(self.attacker).write({"billing_override_reason": "Bill it anyway"})
        self.assertFalse(draft.billing_override_reason)

    def test_a_coordinator_elsewhere_does_not_edit_their_closed_match(self):
        plan = self.env["mentoring.plan"].create(
            {"match_id": self.attacker_match.id, "person_centred_goals": "Work in a library"}
        )
        self.close_match(self.attacker_match.with_user(self.coordinator_user), "goals_met")
        self.assertEqual(self.attacker_match.state, "closed")
        with self.assertRefused(UserError, "closed"):
            plan.with_user(self.attacker).write({"person_centred_goals": "rewritten"})
        with self.assertRefused(UserError, "closed"):
            plan.with_user(self.attacker).message_post(body="added afterwards")
        self.assertEqual(plan.person_centred_goals, "Work in a library")

    def test_a_coordinator_does_not_change_their_own_mentor_status(self):
        """Coordinator B also mentors in the programme B coordinates: coordinating every
        programme of the mentor is not enough when the mentor is oneself."""
        self.attacker_mentor.sudo().program_ids = [Command.link(self.other_program.id)]
        self.program.sudo().coordinator_ids = [Command.link(self.attacker.id)]
        self.attacker_mentor.with_user(self.coordinator_user).action_suspend()
        mentor = self.attacker_mentor.with_user(self.attacker)
        with self.assertRefused(UserError, "concerns you"):
            mentor.action_certify()
        with self.assertRefused(UserError, "concerns you"):
            mentor.write({"capacity": 9})
        self.assertEqual(self.attacker_mentor.state, "suspended")
        # Their own languages, interests, gender and area stay theirs to change.
        mentor.write({"area": "Leeds"})

    def test_a_coordinator_does_not_close_or_hold_their_own_match(self):
        self.program.sudo().coordinator_ids = [Command.link(self.attacker.id)]
        match = self.attacker_match.with_user(self.attacker)
        with self.assertRefused(UserError, "concerns you"):
            match.action_hold()
        with self.assertRefused(UserError, "concerns you"):
            self.close_match(match, "goals_met")
        self.assertEqual(self.attacker_match.state, "active")
        # Nor sign as the coordinator on their own match's agreement (as the mentor, yes).
        draft = self.env["mentoring.agreement"].create(
            {"match_id": self.attacker_match.id, "purpose": "Renewal", "development_goals": "More of it"}
        )
        with self.assertRefused(UserError, "cannot sign for the coordinator"):
            draft.with_user(self.attacker).write({"coordinator_signed_on": self.today})
        draft.with_user(self.attacker).write({"mentor_signed_on": self.today})
        # Another coordinator of the programme does.
        self.attacker_match.with_user(self.coordinator_user).action_hold()
        self.assertEqual(self.attacker_match.state, "on_hold")


@tagged("post_install", "-at_install")
class TestInternOwnInternship(MentoringInternshipCase):
    """The intern is also a coordinator of the disability programme, where they intern."""

    def test_an_intern_who_coordinates_does_not_run_their_own_internship(self):
        self.intern_user.group_ids |= self.env.ref("peer_mentoring.group_coordinator")
        self.program.coordinator_ids = [Command.link(self.intern_user.id)]
        self.log(4, "shadowing", days_ago=20)
        internship = self.internship.with_user(self.intern_user)
        with self.assertRefused(UserError, "Only"):
            internship.action_send_for_review()
        self.assertEqual(self.internship.state, "in_progress")
        # The programme's other coordinator does.
        self.internship.with_user(self.coordinator_user).action_send_for_review()
        self.assertEqual(self.internship.state, "in_review")
