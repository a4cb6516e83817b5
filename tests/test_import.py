from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..tools.import_templates import EXAMPLE_DAY, EXAMPLE_MENTEE, EXAMPLE_MENTOR, TEMPLATES
from .common_import import MentoringImportCase


@tagged("post_install", "-at_install")
@freeze_time(f"{EXAMPLE_DAY} 12:00:00")
class TestImportTemplates(MentoringImportCase):
    def test_templates_offered_on_the_import_screen(self):
        for file_name in TEMPLATES:
            model = self.env[self.model_of(file_name)].with_user(self.coordinator_user)
            (template,) = model.get_import_templates()
            self.assertEqual(template["template"], f"/peer_mentoring/static/xls/{file_name}")

    def test_each_template_imports_in_order(self):
        records = self.import_up_to("mentoring_match.xlsx")
        program = records["mentoring_program.xlsx"]
        self.assertIn(self.coordinator_user, program.coordinator_ids)

        mentor = records["mentoring_mentor.xlsx"]
        self.assertEqual((mentor.name, mentor.state, mentor.capacity), (EXAMPLE_MENTOR, "certified", 2))
        self.assertTrue(mentor.partner_id, "A volunteer's contact is made from the name")
        credential = mentor.sudo().credential_ids
        self.assertEqual((credential.state, credential.date_from), ("certified", date(2025, 9, 1)))
        self.assertEqual(mentor._credential_on(date(2025, 8, 31)), "applicant")

        mentee = records["mentoring_mentee.xlsx"]
        coverage = mentee.coverage_ids
        self.assertEqual((coverage.payer_id, coverage.member_id), (self.example_payer, "EX-000123"))
        self.assertEqual(coverage.diagnosis_codes, "F84.0")
        self.assertEqual(mentee.member_id, "EX-000123", "The period covering today shows on the person")

        auth = records["mentoring_authorization.xlsx"]
        self.assertEqual(auth.state, "approved")
        self.assertEqual((auth.units_used_before, auth.units_remaining), (24, 72))
        self.assertEqual(auth.percent_used, 25)
        self.assertEqual(auth.sale_order_id.state, "sale", "Approved by import makes its sale order")
        self.assertTrue(auth.task_id)
        self.assertEqual(auth.sale_line_id.product_uom_qty, 72, "The order is for the units left")

        match = records["mentoring_match.xlsx"]
        self.assertEqual((match.state, match.date_start), ("active", date(2025, 10, 1)))
        agreement = match.agreement_ids
        self.assertEqual((agreement.state, agreement.date_signed), ("signed", date(2025, 10, 1)))
        self.assertEqual(agreement.mentee_signed_on, date(2025, 10, 1))

        self.flush_tracking()
        for record in (program, mentor, mentee, auth, match):
            bodies = record.message_ids.mapped("body")
            self.assertTrue(
                any(f"Imported by {self.coordinator_user.name} on" in body for body in bodies),
                f"{record._name} says it was imported",
            )

    def test_missing_member_id_names_the_row(self):
        self.import_up_to("mentoring_mentor.xlsx")
        result = self.run_import(
            "mentoring_mentee.xlsx",
            dryrun=True,
            extra_rows=[{"Name": "Lee Second", "Coverage periods/Member ID": None}],
        )
        self.assertEqual(
            self.errors(result),
            ["Row 3: Member ID is required by Example Health Plan: give Lee Second's member number for the "
             "period from 01/01/2025."],
        )  # fmt: skip
        self.assertFalse(
            self.env["mentoring.mentee"].search([("name", "in", (EXAMPLE_MENTEE, "Lee Second"))])
        )

    def test_unknown_payer_names_the_row(self):
        self.import_up_to("mentoring_mentor.xlsx")
        result = self.run_import(
            "mentoring_mentee.xlsx", dryrun=True, changes={"Coverage periods/Payer": "Nobody Health"}
        )
        (error,) = self.errors(result)
        self.assertRegex(error, r"^Row 2: .*Nobody Health")

    def test_payer_not_flagged_is_refused(self):
        self.import_up_to("mentoring_mentor.xlsx")
        self.env["res.partner"].create({"name": "Corner Shop"})
        result = self.run_import(
            "mentoring_mentee.xlsx", dryrun=True, changes={"Coverage periods/Payer": "Corner Shop"}
        )
        self.assertEqual(self.errors(result)[0][:50], "Row 2: Corner Shop is not a payer: ask finance to ")

    def test_bad_dates_name_the_row(self):
        self.import_up_to("mentoring_mentor.xlsx")
        result = self.run_import(
            "mentoring_mentee.xlsx", dryrun=True, changes={"Coverage periods/To": date(2024, 12, 31)}
        )
        self.assertEqual(self.errors(result), ["Row 2: A coverage period cannot end before it starts."])
        result = self.run_import(
            "mentoring_mentor.xlsx",
            dryrun=True,
            changes={"Status since (import)": date(2027, 1, 1), "Name": "Lee Other"},
        )
        self.assertEqual(
            self.errors(result),
            ["Row 2: Status since 01/01/2027 is in the future: give the day it happened."],
        )

    def test_the_same_file_imported_twice_records_nothing_twice(self):
        """Programme codes are unique already; people and authorisations are recognised too, so
        a file imported again books no authorisation (and its sale order) twice."""
        self.import_up_to("mentoring_authorization.xlsx")
        for file_name, pattern in (
            ("mentoring_program.xlsx", "^Row 2: A programme code must be unique"),
            ("mentoring_mentor.xlsx", "^Row 2: Rosa Example is already a mentor here: a file imported twice"),
            ("mentoring_mentee.xlsx", "^Row 2: Sam Example is already a mentee here"),
            (
                "mentoring_authorization.xlsx",
                "^Row 2: Authorisation EX-AUTH-1 of this payer is already recorded",
            ),
        ):
            with self.subTest(file=file_name):
                result = self.run_import(file_name)
                (error,) = self.errors(result)
                self.assertRegex(error, pattern)
                self.assertFalse(result["ids"])
        self.assertEqual(self.env["sale.order"].search_count([("client_order_ref", "=", "EX-AUTH-1")]), 1)

    def test_diagnosis_code_that_is_not_icd10_names_the_row(self):
        self.import_up_to("mentoring_mentor.xlsx")
        result = self.run_import(
            "mentoring_mentee.xlsx",
            dryrun=True,
            changes={"Coverage periods/Diagnosis codes (ICD-10)": "autism"},
        )
        (error,) = self.errors(result)
        self.assertRegex(error, r"^Row 2: AUTISM is not an ICD-10 code")

    def test_certified_mentor_needs_the_ethics_date(self):
        self.import_up_to("mentoring_program.xlsx")
        result = self.run_import("mentoring_mentor.xlsx", changes={"Code of ethics acknowledged on": None})
        (error,) = self.errors(result)
        self.assertRegex(error, r"^Row 2: Rosa Example is certified: give the date they acknowledged")

    def test_match_over_capacity_is_refused(self):
        self.import_up_to("mentoring_authorization.xlsx")
        mentor = self.env["mentoring.mentor"].search([("name", "=", EXAMPLE_MENTOR)])
        mentor.capacity = 1
        second = self.create_mentee("Lee Second", program=mentor.program_ids)
        self.env["mentoring.authorization"].create(
            {
                "name": "EX-AUTH-2",
                "payer_id": self.payer.id,
                "mentee_id": second.id,
                "program_id": mentor.program_ids.id,
                "date_from": date(2026, 1, 1),
                "date_to": date(2026, 12, 31),
                "units_authorized": 10,
            }
        ).action_approve()
        result = self.run_import("mentoring_match.xlsx", extra_rows=[{"Mentee": "Lee Second"}])
        (error,) = self.errors(result)
        self.assertRegex(error, r"^Row 3: Rosa Example & Lee Second cannot start: .*capacity allows 1 mentee")
        self.assertFalse(result["ids"], "Nothing is written when a row is refused")
        self.assertFalse(self.env["mentoring.match"].search([("mentor_id", "=", mentor.id)]))

    def test_match_with_dual_relationship_is_refused(self):
        self.import_up_to("mentoring_authorization.xlsx")
        mentor = self.env["mentoring.mentor"].search([("name", "=", EXAMPLE_MENTOR)])
        mentee = self.env["mentoring.mentee"].search([("name", "=", EXAMPLE_MENTEE)])
        mentor.dual_relationship_mentee_ids = mentee
        (error,) = self.errors(self.run_import("mentoring_match.xlsx", dryrun=True))
        self.assertRegex(error, r"^Row 2: .*not to be matched with")

    def test_match_of_suspended_mentor_is_refused(self):
        self.import_up_to("mentoring_authorization.xlsx")
        mentor = self.env["mentoring.mentor"].search([("name", "=", EXAMPLE_MENTOR)])
        mentor.action_suspend()
        (error,) = self.errors(self.run_import("mentoring_match.xlsx", dryrun=True))
        self.assertRegex(error, r"^Row 2: .*suspended")

    def test_active_match_needs_the_paper_agreement_date(self):
        self.import_up_to("mentoring_authorization.xlsx")
        result = self.run_import(
            "mentoring_match.xlsx", changes={"Agreement signed on paper on (import)": None}
        )
        (error,) = self.errors(result)
        self.assertRegex(error, r"^Row 2: .* is active: give the day the agreement was signed on paper")

    def test_running_match_cannot_start_in_the_future(self):
        self.import_up_to("mentoring_authorization.xlsx")
        result = self.run_import(
            "mentoring_match.xlsx", dryrun=True, changes={"Planned start": date(2026, 4, 1)}
        )
        self.assertEqual(
            self.errors(result),
            ["Row 2: The start of a running match, 04/01/2026 is in the future: give the day it happened."],
        )


@tagged("post_install", "-at_install")
@freeze_time(f"{EXAMPLE_DAY} 12:00:00")
class TestImportGuards(MentoringImportCase):
    def test_other_roles_cannot_import(self):
        for user in (self.mentor_user, self.finance_user, self.hr_user):
            for file_name in TEMPLATES:
                with self.subTest(user=user.login, file=file_name):
                    try:
                        result = self.run_import(file_name, user=user, dryrun=True)
                    except AccessError:
                        continue
                    self.assertTrue(self.errors(result), f"{user.login} imported {file_name}")
                    self.assertFalse(result["ids"])

    def test_coordinator_of_another_programme_cannot_start_a_match(self):
        records = self.import_up_to("mentoring_authorization.xlsx")
        program = records["mentoring_program.xlsx"]
        self.assertNotIn(self.coordinator_b_user, program.coordinator_ids)
        result = self.run_import("mentoring_match.xlsx", user=self.coordinator_b_user, dryrun=True)
        self.assertTrue(self.errors(result))

    def test_import_fields_do_not_move_an_existing_record(self):
        match = self.create_match(self.mentor_b, self.create_mentee("Lee Second"))
        for record, vals in (
            (match, {"import_state": "active", "import_agreement_signed_on": date(2026, 1, 1)}),
            (self.mentor_b, {"import_state": "suspended"}),
            (self.authorization, {"import_state": "approved"}),
        ):
            with self.subTest(model=record._name), self.assertRefused(UserError, "can be given only when"):
                record.with_user(self.coordinator_user).write(vals)
        self.assertEqual(match.state, "draft")

    def test_accounting_manager_cannot_create_an_approved_authorisation(self):
        """Authorisations are the coordinator's: an accounting manager, who may create one,
        does not approve it through the import field."""
        manager = self.env["res.users"].create(
            {
                "name": "Acc Manager",
                "login": "t_acc_manager",
                "group_ids": [(4, self.env.ref("account.group_account_manager").id)],
            }
        )
        vals = {
            "name": "AUTH-X",
            "payer_id": self.payer.id,
            "mentee_id": self.mentee.id,
            "program_id": self.program.id,
            "date_from": date(2026, 1, 1),
            "date_to": date(2026, 12, 31),
            "units_authorized": 10,
            "import_state": "approved",
        }
        with self.assertRefused(UserError, "Only a programme coordinator can approve|not allowed to access"):
            self.env["mentoring.authorization"].with_user(manager).create(vals)

    def test_units_used_before_count_and_are_fixed_once_approved(self):
        auth = self.create_authorization("AUTH-PRE", units=40, approve=False)
        auth.units_used_before = 40
        auth.action_approve()
        self.assertEqual((auth.units_remaining, auth.state), (0, "exhausted"))
        with self.assertRefused(UserError, "keeps the terms the payer gave"):
            auth.with_user(self.coordinator_user).units_used_before = 0

    def test_name_of_two_people_stops_the_import(self):
        """Odoo's importer takes the first of two records with the name given, and only warns:
        a moving-in file stops instead, so no authorisation goes to the wrong person."""
        records = self.import_up_to("mentoring_mentee.xlsx")
        self.create_mentee(EXAMPLE_MENTEE, program=records["mentoring_program.xlsx"])
        result = self.run_import("mentoring_authorization.xlsx")
        (error,) = self.errors(result)
        self.assertRegex(
            error, r'^Row 2: Found multiple matches for value "Sam Example".*Each name must fit one'
        )
        self.assertFalse(result["ids"])

    def test_applicant_mentor_cannot_be_matched(self):
        """The credential rule holds on import: only interns and certified mentors take mentees."""
        self.import_up_to("mentoring_authorization.xlsx")
        mentor = self.env["mentoring.mentor"].search([("name", "=", EXAMPLE_MENTOR)])
        mentor.sudo().write({"state": "applicant", "credential_ids": [Command.clear()]})
        (error,) = self.errors(self.run_import("mentoring_match.xlsx", dryrun=True))
        self.assertRegex(error, r"^Row 2: .*applicant")

    def test_coordinator_cannot_give_their_own_mentor_profile_a_status(self):
        employee = self.env["hr.employee"].create(
            {"name": "Coco Ordinator", "user_id": self.coordinator_user.id}
        )
        self.import_up_to("mentoring_program.xlsx")
        result = self.run_import("mentoring_mentor.xlsx", changes={"Name": None, "Employee": employee.name})
        (error,) = self.errors(result)
        self.assertRegex(error, r"^Row 2: This concerns you: someone else must give this mentor a status")

    def test_second_coverage_period_on_the_next_row(self):
        self.import_up_to("mentoring_mentor.xlsx")
        person = ("Name", "Programmes", "Date of birth", "Languages", "Interests", "Area")
        earlier = {
            **dict.fromkeys(person),
            "Coverage periods/Member ID": "OLD-1",
            "Coverage periods/From": date(2024, 1, 1),
            "Coverage periods/To": date(2024, 12, 31),
        }
        mentee = self.assertImported("mentoring_mentee.xlsx", extra_rows=[earlier])
        self.assertEqual(len(mentee), 1)
        self.assertEqual(mentee.coverage_ids.mapped("member_id"), ["EX-000123", "OLD-1"])


@tagged("post_install", "-at_install")
class TestUnitsUsedBefore(MentoringImportCase):
    def test_meetings_bill_only_the_units_left_after_those_used_before(self):
        """40 units authorised, 37 used before the agency moved in: a 45-minute meeting (3 units)
        uses the rest; the next one finds none left and is not billed, saying why."""
        self.authorization.units_used_before = 37
        self.assertEqual(self.authorization.units_remaining, 3)
        first = self.billable_encounter(10.0, 10.75)
        first.action_confirm()
        self.assertEqual(first.billed_units, 3)
        self.assertEqual((self.authorization.units_used, self.authorization.units_remaining), (3, 0))
        self.assertEqual(self.authorization.state, "exhausted")
        self.assertEqual(self.authorization.units_to_invoice, 3, "Only what was delivered here is invoiced")
        second = self.billable_encounter(14.0, 14.75)
        second.action_confirm()
        self.assertEqual(second.billed_units, 0)
        self.assertIn("more than remain on authorisation AUTH-1", second.not_billed_reason)

    def test_funder_report_shows_units_used_before_beside_authorised(self):
        self.authorization.units_used_before = 10
        report = (
            self.env["mentoring.funder.report"]
            .with_user(self.finance_user)
            .create({"program_id": self.program.id, "date_from": self.yesterday, "date_to": self.today})
        )
        (section,) = report._report_sections()
        self.assertEqual(section["rows"][:2], [("Authorised", 40), ("Used before Peer Mentoring", 10)])
        self.authorization.units_used_before = 0
        (section,) = report._report_sections()
        self.assertNotIn(
            "Used before Peer Mentoring", dict(section["rows"]), "Shown only when there are some"
        )


@tagged("post_install", "-at_install")
@freeze_time(f"{EXAMPLE_DAY} 12:00:00")
class TestImportQueries(MentoringImportCase):
    def queries_to_import_mentees(self, count, start):
        rows = [
            {"Name": f"Person {start + i}", "Coverage periods/Member ID": f"M-{start + i}"}
            for i in range(count - 1)
        ]
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = self.run_import(
            "mentoring_mentee.xlsx", extra_rows=rows, changes={"Name": f"Person {start}x"}
        )
        self.assertEqual(len(result["ids"] or []), count, result["messages"])
        return self.env.cr.sql_log_count - before

    def test_queries_per_mentee_do_not_grow_with_the_file(self):
        self.import_up_to("mentoring_mentor.xlsx")
        self.queries_to_import_mentees(2, 0)  # warm the caches of the first import
        small = self.queries_to_import_mentees(5, 100)
        large = self.queries_to_import_mentees(25, 200)
        per_row = (large - small) / 20
        # Measured: 9 queries a mentee (contact, person, coverage period, chatter line), whatever
        # the file's length.
        self.assertLessEqual(per_row, 12, f"{small} queries for 5 mentees, {large} for 25")
