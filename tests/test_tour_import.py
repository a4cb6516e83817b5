from datetime import date

from odoo.tests import HttpCase, JsonRpcException, tagged

from ..tools.import_templates import EXAMPLE_MENTEE, EXAMPLE_MENTOR, EXAMPLE_PAYER, EXAMPLE_PROGRAMME
from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestImportTour(MentoringCase, HttpCase):
    def test_coordinator_imports_programmes_then_mentors(self):
        # A contact of the payer's name that finance has not made a payer yet.
        self.env["res.partner"].create({"name": EXAMPLE_PAYER})
        self.start_tour("/odoo", "peer_mentoring_import_tour", login=self.coordinator_user.login)
        self.assertFalse(self.env["mentoring.mentee"].search([("name", "=", EXAMPLE_MENTEE)]))
        program = self.env["mentoring.program"].search([("name", "=", EXAMPLE_PROGRAMME)])
        self.assertEqual(program.create_uid, self.coordinator_user)
        self.assertIn(self.coordinator_user, program.coordinator_ids)
        mentor = self.env["mentoring.mentor"].search([("name", "=", EXAMPLE_MENTOR)])
        self.assertEqual((mentor.state, mentor.program_ids), ("certified", program))
        self.assertEqual(mentor.sudo().credential_ids.date_from, date(2025, 9, 1))


@tagged("post_install", "-at_install")
class TestImportOverRpc(MentoringCase, HttpCase):
    """The importer over the web client's own endpoint, as a curious user would call it."""

    def call(self, login, model, method, *args, **kwargs):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw", {"model": model, "method": method, "args": list(args), "kwargs": kwargs}
        )

    def test_other_roles_cannot_import(self):
        self.program.name = "Import Test Programme"  # the demo has a programme of the same name
        files = {
            "mentoring.program": ("name,code", "Sneaky Programme,SNK"),
            "mentoring.mentor": (
                "name,program_ids,import_state",
                f"Sneaky Mentor,{self.program.name},certified",
            ),
            "mentoring.mentee": ("name,program_ids", f"Sneaky Mentee,{self.program.name}"),
            "mentoring.match": (
                "mentor_id,mentee_id,program_id,import_state",
                f"{self.mentor_b.name},{self.mentee.name},{self.program.name},introduced",
            ),
        }
        options = {"has_headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}
        for user in (self.mentor_user, self.finance_user, self.hr_user):
            for model, (header, row) in files.items():
                with self.subTest(user=user.login, model=model):
                    try:
                        wizard_id = self.call(
                            user.login,
                            "base_import.import",
                            "create",
                            {"res_model": model, "file": f"{header}\n{row}\n", "file_type": "text/csv"},
                        )
                        result = self.call(
                            user.login,
                            "base_import.import",
                            "execute_import",
                            [wizard_id],
                            header.split(","),
                            header.split(","),
                            options,
                        )
                    except JsonRpcException:
                        continue
                    self.assertFalse(result["ids"], f"{user.login} imported into {model}")
                    self.assertTrue([m for m in result["messages"] if m["type"] == "error"])
        # The same call works for the programme's coordinator: the refusals above are the roles'.
        header, row = files["mentoring.mentee"]
        wizard_id = self.call(
            self.coordinator_user.login,
            "base_import.import",
            "create",
            {"res_model": "mentoring.mentee", "file": f"{header}\n{row}\n", "file_type": "text/csv"},
        )
        fields = header.split(",")
        result = self.call(
            self.coordinator_user.login,
            "base_import.import",
            "execute_import",
            [wizard_id],
            fields,
            fields,
            options,
        )
        self.assertEqual(len(result["ids"] or []), 1, result["messages"])
        self.assertFalse(self.env["mentoring.program"].search([("name", "=", "Sneaky Programme")]))
        self.assertFalse(self.env["mentoring.mentor"].search([("name", "=", "Sneaky Mentor")]))

    def test_coordinator_of_another_programme_cannot_start_a_match_by_import_field(self):
        mentee = self.create_mentee("Lee Second")
        with self.assertRaises(JsonRpcException):
            self.call(
                self.coordinator_b_user.login,
                "mentoring.match",
                "create",
                {
                    "mentor_id": self.mentor_b.id,
                    "mentee_id": mentee.id,
                    "program_id": self.program.id,
                    "import_state": "active",
                    "import_agreement_signed_on": str(self.yesterday),
                },
                context={"import_file": True},
            )
        self.assertFalse(self.env["mentoring.match"].search([("mentee_id", "=", mentee.id)]))
