from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestMultiCompany(MentoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_2 = cls.env["res.company"].create({"name": "Second Agency"})
        cls.manager_2 = new_test_user(
            cls.env,
            login="manager_2",
            groups="peer_mentoring.group_manager",
            company_id=cls.company_2.id,
            company_ids=[Command.set(cls.company_2.ids)],
        )
        cls.program_2 = cls.env["mentoring.program"].create(
            {"name": "Second Agency Scheme", "code": "TDPM", "company_id": cls.company_2.id}
        )

    def test_manager_of_another_agency_sees_none_of_our_records(self):
        for record in (self.program, self.mentor, self.mentee, self.match, self.agreement, self.encounter):
            Model = self.env[record._name].with_user(self.manager_2)
            self.assertNotIn(record, Model.search([]), record._name)
            with self.assertRaises(AccessError):
                record.with_user(self.manager_2).read(["display_name"])
        self.assertEqual(self.env["mentoring.program"].with_user(self.manager_2).search([]), self.program_2)

    def test_the_same_programme_code_is_allowed_in_another_agency(self):
        self.assertEqual(self.program_2.code, self.program.code)

    def test_a_match_cannot_mix_agencies(self):
        mentee_2 = self.env["mentoring.mentee"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Elsewhere"}).id,
                "company_id": self.company_2.id,
            }
        )
        with self.assertRefused(UserError, "company inconsistencies"):
            self.create_match(self.mentor, mentee_2)
