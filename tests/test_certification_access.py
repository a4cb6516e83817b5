"""Who may not do what with training and compliance; each test takes the denied side."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common_certification import CertificationCase


@tagged("post_install", "-at_install")
class TestCertificationAccess(CertificationCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_training = (
            cls.env["mentoring.mentor.training"]
            .with_user(cls.mentor_user)
            .create({"name": "Ethics refresher", "hours": 3, "kind": "ethics", "date": date(2025, 3, 1)})
        )

    def test_hr_officer_without_a_mentoring_role_reads_no_mentee_meeting_or_mentor(self):
        for model, record in (
            ("mentoring.mentee", self.mentee),
            ("mentoring.encounter", self.encounter),
            ("mentoring.match", self.match),
            ("mentoring.mentor", self.mentor),
            ("mentoring.mentor.training", self.own_training),
        ):
            Model = self.env[model].with_user(self.hr_user)
            with self.assertRaises(AccessError, msg=model):
                Model.search([])
            with self.assertRaises(AccessError, msg=model):
                record.with_user(self.hr_user).read(["display_name"])
        # Evaluations (issue 9) are another helper's model: the same when it is installed.
        for model in ("mentoring.evaluation",):
            if model in self.env:
                with self.assertRaises(AccessError):
                    self.env[model].with_user(self.hr_user).search([])

    def test_a_mentor_records_their_own_training_to_approve(self):
        self.assertEqual(self.own_training.mentor_id, self.mentor)
        self.assertEqual(self.own_training.state, "submitted")
        self.assertFalse(self.own_training.with_user(self.mentor_user).can_approve)

    def test_a_mentor_cannot_approve_their_own_training(self):
        training = self.own_training.with_user(self.mentor_user)
        with self.assertRefused(UserError, "cannot approve or refuse your own training"):
            training.action_approve()
        with self.assertRefused(UserError, "cannot be set directly"):
            training.write({"state": "approved"})
        with self.assertRefused(UserError, "cannot be set directly"):
            training.write({"approved_by_id": self.coordinator_user.id})
        with self.assertRefused(UserError, "cannot be set directly"):
            self.env["mentoring.mentor.training"].with_user(self.mentor_user).create(
                {"name": "Made up", "hours": 20, "date": date(2025, 1, 1), "state": "approved"}
            )
        self.assertEqual(self.own_training.state, "submitted")

    def test_approved_hours_are_locked_for_the_mentor(self):
        self.own_training.with_user(self.supervisor_user).action_approve()
        self.assertEqual(self.own_training.approved_by_id, self.supervisor_user)
        with self.assertRefused(UserError, "approved or refused: ask your coordinator"):
            self.own_training.with_user(self.mentor_user).write({"hours": 30})
        with self.assertRefused(UserError, "stays on record"):
            self.own_training.with_user(self.mentor_user).unlink()
        self.assertEqual(self.own_training.hours, 3)

    def test_a_mentor_cannot_record_training_for_another_mentor(self):
        with self.assertRaises(AccessError):
            self.env["mentoring.mentor.training"].with_user(self.mentor_b_user).create(
                {"mentor_id": self.mentor.id, "name": "Not mine", "hours": 20, "date": date(2025, 1, 1)}
            )
        with self.assertRaises(AccessError):
            self.own_training.with_user(self.mentor_b_user).read(["hours"])

    def test_only_the_supervisor_or_a_programme_coordinator_approves(self):
        other = self.env["mentoring.mentor.training"].create(
            {"mentor_id": self.mentor_b.id, "name": "B's course", "hours": 5, "date": date(2025, 1, 1)}
        )
        with self.assertRaises(AccessError):
            other.with_user(self.coordinator_b_user).action_approve()
        with self.assertRaises(AccessError):
            other.with_user(self.supervisor_user).action_approve()
        self.assertEqual(other.state, "submitted")

    def test_a_mentor_cannot_change_compliance_fields(self):
        mentor = self.mentor.with_user(self.mentor_user)
        for vals in (
            {"certification_renewal_date": "2030-01-01"},
            {"compliance_note": False},
            {"certified_since": "2029-01-01"},
            {"state": "certified"},
        ):
            with self.assertRefused(UserError, "."):
                mentor.write(vals)
        # Not even their coordinator types them in: they follow from the training records.
        for vals in ({"certification_renewal_date": "2030-01-01"}, {"compliance_note": False}):
            with self.assertRefused(UserError, "cannot be set directly"):
                self.mentor.with_user(self.manager_user).write(vals)

    def test_over_rpc_too(self):
        def call(model, method, args):
            self.authenticate("t_mentor_a", "t_mentor_a")
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw", {"model": model, "method": method, "args": args, "kwargs": {}}
            )

        attacks = [
            ("mentoring.mentor.training", "write", [[self.own_training.id], {"state": "approved"}]),
            ("mentoring.mentor.training", "action_approve", [[self.own_training.id]]),
            (
                "mentoring.mentor.training",
                "create",
                [{"name": "Forged", "hours": 40, "date": "2025-01-01", "state": "approved"}],
            ),
            ("mentoring.mentor", "write", [[self.mentor.id], {"certification_renewal_date": "2030-01-01"}]),
        ]
        for model, method, args in attacks:
            with self.assertRaises(JsonRpcException, msg=f"{model}.{method}"):
                call(model, method, args)
        self.env.invalidate_all()
        self.assertEqual(self.own_training.state, "submitted")
        self.assertFalse(self.env["mentoring.mentor.training"].search([("name", "=", "Forged")]))
        self.authenticate("t_hr_officer", "t_hr_officer")
        for model in ("mentoring.mentee", "mentoring.encounter"):
            with self.assertRaises(JsonRpcException, msg=model):
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw",
                    {"model": model, "method": "search_read", "args": [[], ["name"]], "kwargs": {}},
                )
