from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import MentoringCase, WebClient


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

    def test_a_new_match_is_in_the_users_agency_and_offers_its_programmes(self):
        client = WebClient()
        client.env = self.env
        arch, descriptions, values = client.open_form(self.manager_2, "mentoring.match")
        self.assertEqual(values["company_id"], self.company_2.id)
        offered = client.offered(self.manager_2, arch, descriptions, "program_id", values)
        self.assertEqual([r["id"] for r in offered], self.program_2.ids)

    def test_a_match_stays_in_its_programmes_agency(self):
        mentor_2 = self.env["mentoring.mentor"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Mentor elsewhere"}).id,
                "company_id": self.company_2.id,
                "program_ids": [Command.set(self.program_2.ids)],
            }
        )
        mentee_2 = self.env["mentoring.mentee"].create(
            {"name": "Mentee elsewhere", "company_id": self.company_2.id, "program_ids": self.program_2.ids}
        )
        with self.assertRefused(UserError, "company inconsistencies|Incompatible companies"):
            self.env["mentoring.match"].create(
                {
                    "company_id": self.company.id,
                    "program_id": self.program_2.id,
                    "mentor_id": mentor_2.id,
                    "mentee_id": mentee_2.id,
                }
            )
        with self.assertRefused(UserError, "company inconsistencies|Incompatible companies"):
            self.match.write({"company_id": self.company_2.id})
