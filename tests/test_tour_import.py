from datetime import date

from odoo.tests import HttpCase, tagged

from ..tools.import_templates import EXAMPLE_MENTOR, EXAMPLE_PROGRAMME
from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestImportTour(MentoringCase, HttpCase):
    def test_coordinator_imports_programmes_then_mentors(self):
        self.start_tour("/odoo", "peer_mentoring_import_tour", login=self.coordinator_user.login)
        program = self.env["mentoring.program"].search([("name", "=", EXAMPLE_PROGRAMME)])
        self.assertEqual(program.create_uid, self.coordinator_user)
        self.assertIn(self.coordinator_user, program.coordinator_ids)
        mentor = self.env["mentoring.mentor"].search([("name", "=", EXAMPLE_MENTOR)])
        self.assertEqual((mentor.state, mentor.program_ids), ("certified", program))
        self.assertEqual(mentor.sudo().credential_ids.date_from, date(2025, 9, 1))
