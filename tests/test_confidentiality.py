"""Issue 6, reading: each test is an attack by a user who must not learn something, made with the
methods the web client calls (write, web_save, web_read, read, search). They succeeded on the
code before issue 6."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import tagged

from .common import MentoringBillingCase


def web_save(record, vals, spec=None):
    """What the form view sends on Save."""
    spec = spec or {"display_name": {}}
    return call_kw(record, "web_save", [record.ids, vals], {"specification": spec})


@tagged("post_install", "-at_install")
class TestNamesThroughLinks(MentoringBillingCase):
    """Class 1: a link to a record one may not read returns its name when one reads one's own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.draft_b = cls.create_encounter(cls.match_b, progress=False)

    def test_mentor_cannot_link_another_mentors_goal_to_their_meeting(self):
        own = self.draft_b.with_user(self.mentor_b_user)
        with self.assertRefused(AccessError, "mentoring.goal|Mentee Goal"):
            web_save(own, {"goal_id": self.goal.id}, {"goal_id": {"fields": {"display_name": {}}}})
        self.assertFalse(self.draft_b.goal_id)
        self.assertNotIn("part-time job", str(own.read(["goal_id", "display_name"])))

    def test_mentor_cannot_point_their_meeting_at_another_mentee(self):
        own = self.draft_b.with_user(self.mentor_b_user)
        for field, value in (
            ("mentee_id", self.mentee.id),
            ("mentor_id", self.mentor.id),
            ("program_id", self.other_program.id),
        ):
            with self.assertRefused(UserError, "cannot be set directly"):
                own.write({field: value})
        self.assertEqual(self.draft_b.mentee_id, self.mentee_b)
        self.assertNotIn("Jamie", str(own.read(["mentee_id", "name"])))

    def test_a_goal_of_another_match_of_the_same_mentor_is_refused(self):
        other_mentee = self.create_mentee("Robin Chen", program=self.other_program)
        other_match = self.create_active_match(self.mentor, other_mentee, program=self.other_program)
        draft = self.create_encounter(other_match, progress=False)
        with self.assertRefused(ValidationError, "this match's individual plan"):
            draft.with_user(self.mentor_user).write({"goal_id": self.goal.id})

    def test_previous_version_cannot_point_at_another_mentors_document(self):
        Agreement = self.env["mentoring.agreement"].with_user(self.mentor_b_user)
        with self.assertRefused(UserError, "cannot be set directly"):
            Agreement.create({"match_id": self.match_b.id, "previous_id": self.agreement.id})
        draft = Agreement.create({"match_id": self.match_b.id})
        with self.assertRefused(UserError, "cannot be set directly"):
            draft.write({"previous_id": self.agreement.id})
        Plan = self.env["mentoring.plan"].with_user(self.mentor_b_user)
        with self.assertRefused(UserError, "cannot be set directly"):
            Plan.create({"match_id": self.match_b.id, "previous_id": self.plan.id})

    def test_mentor_cannot_add_a_goal_to_another_mentors_plan(self):
        with self.assertRefused(AccessError, "Individual Plan|mentoring.plan"):
            self.env["mentoring.goal"].with_user(self.mentor_b_user).create(
                {"plan_id": self.plan.id, "name": "probe"}
            )

    def test_coordinator_cannot_match_a_mentee_of_a_programme_they_do_not_coordinate(self):
        foster_mentee = self.create_mentee("Robin Chen", program=self.other_program)
        with self.assertRefused(AccessError, "Mentee|mentoring.mentee"):
            self.env["mentoring.match"].with_user(self.coordinator_user).create(
                {"mentor_id": self.mentor_b.id, "mentee_id": foster_mentee.id, "program_id": self.program.id}
            )

    def test_coordinator_cannot_take_another_programmes_matches_through_one2many_links(self):
        foster_mentee = self.create_mentee("Robin Chen", program=self.other_program)
        foster_match = self.create_active_match(self.mentor, foster_mentee, program=self.other_program)
        with self.assertRefused(UserError, "cannot be set directly|Match"):
            self.program.with_user(self.coordinator_user).write(
                {"match_ids": [Command.link(foster_match.id)]}
            )
        self.assertEqual(foster_match.program_id, self.other_program)


@tagged("post_install", "-at_install")
class TestAccessFromEditableFacts(MentoringBillingCase):
    """Class 2: access that follows facts a user could rewrite for themselves."""

    def test_coordinator_of_another_programme_cannot_relink_a_shared_mentor(self):
        # Mentor A works in both programmes; coordinator B coordinates only the foster scheme.
        mentor = self.mentor.with_user(self.coordinator_b_user)
        for vals in (
            {"user_id": self.coordinator_b_user.id},
            {"supervisor_id": self.env["hr.employee"].create({"name": "B's friend"}).id},
            {"employee_id": self.mentor_b_employee.id},
        ):
            with self.assertRefused(UserError, "coordinator of every programme"):
                mentor.write(vals)
        with self.assertRefused(UserError, "only the programmes you coordinate|ongoing matches"):
            mentor.write({"program_ids": [Command.unlink(self.program.id)]})
        # Even a mentor with nothing ongoing keeps the programmes only their coordinators change.
        shared = self.env["mentoring.mentor"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Chris Carer"}).id,
                "program_ids": [Command.set((self.program | self.other_program).ids)],
            }
        )
        with self.assertRefused(UserError, "only the programmes you coordinate"):
            shared.with_user(self.coordinator_b_user).write(
                {"program_ids": [Command.unlink(self.program.id)]}
            )
        self.assertIn(self.program, shared.program_ids)
        self.assertEqual(self.mentor.user_id, self.mentor_user)
        self.assertIn(self.program, self.mentor.program_ids)
        self.assertFalse(
            self.env["mentoring.mentee"]
            .with_user(self.coordinator_b_user)
            .search([("id", "=", self.mentee.id)])
        )

    def test_coordinator_cannot_take_a_programme_off_a_mentor_with_ongoing_matches(self):
        with self.assertRefused(ValidationError, "ongoing matches"):
            self.mentor.with_user(self.coordinator_user).write(
                {"program_ids": [Command.unlink(self.program.id)]}
            )
        with self.assertRefused(ValidationError, "ongoing matches"):
            self.program.with_user(self.coordinator_user).write(
                {"mentor_ids": [Command.unlink(self.mentor.id)]}
            )

    def test_hr_officer_who_is_a_mentor_cannot_become_another_mentor(self):
        employee = self.mentor_employee.with_user(self.hr_mentor_user)
        with self.assertRefused(UserError, "is a peer mentor"):
            employee.write({"user_id": self.hr_mentor_user.id})
        supervisor = self.supervisor_employee.with_user(self.hr_mentor_user)
        with self.assertRefused(UserError, "is a peer mentor or supervises"):
            supervisor.write({"user_id": self.hr_mentor_user.id})
        Mentee = self.env["mentoring.mentee"].with_user(self.hr_mentor_user)
        self.assertFalse(Mentee.search([]))
        # HR keeps its everyday work on other employees.
        colleague = self.env["hr.employee"].create({"name": "Office colleague"})
        colleague.with_user(self.hr_mentor_user).write({"user_id": self.sales_user.id})
        self.assertEqual(colleague.user_id, self.sales_user)

    def test_coordinator_of_the_programmes_relinks_the_mentor(self):
        self.mentor_b.with_user(self.coordinator_user).write({"area": "North", "capacity": 3})
        new_employee = self.env["hr.employee"].create({"name": "Ben Mentor (new contract)"})
        self.mentor_b.with_user(self.coordinator_user).write({"employee_id": new_employee.id})
        self.assertEqual(self.mentor_b.employee_id, new_employee)


@tagged("post_install", "-at_install")
class TestMenteeProgrammes(MentoringBillingCase):
    """Class 3: a mentee with no programme was readable by the coordinator of every programme."""

    def test_a_mentee_always_belongs_to_a_programme(self):
        partner = self.env["res.partner"].create({"name": "Nobody's mentee"})
        with self.assertRefused(ValidationError, "Choose the programme"):
            self.env["mentoring.mentee"].with_user(self.coordinator_user).create({"partner_id": partner.id})
        with self.assertRefused(ValidationError, "Choose the programme"):
            self.mentee.with_user(self.coordinator_user).write({"program_ids": [Command.clear()]})

    def test_coordinator_of_another_programme_never_reads_our_mentees(self):
        Mentee = self.env["mentoring.mentee"].with_user(self.coordinator_b_user)
        self.assertFalse(Mentee.search([("id", "in", (self.mentee | self.mentee_b).ids)]))
        with self.assertRaises(AccessError):
            self.mentee.with_user(self.coordinator_b_user).read(["birthdate", "notes"])

    def test_coordinator_enrols_mentees_only_in_their_programmes(self):
        with self.assertRefused(ValidationError, "only in programmes you coordinate"):
            self.mentee.with_user(self.coordinator_user).write(
                {"program_ids": [Command.link(self.other_program.id)]}
            )
        partner = self.env["res.partner"].create({"name": "Lee Park"})
        with self.assertRefused(ValidationError, "only in programmes you coordinate"):
            self.env["mentoring.mentee"].with_user(self.coordinator_user).create(
                {"partner_id": partner.id, "program_ids": [Command.set(self.other_program.ids)]}
            )


@tagged("post_install", "-at_install")
class TestMentorAccessFollowsTheMatch(MentoringBillingCase):
    """Class 4: a cancelled (or only proposed) match gave the mentor the mentee's notes."""

    def test_proposed_then_cancelled_match_gives_no_access(self):
        lee = self.create_mentee("Lee Park", birthdate="2001-02-03", notes="<p>Lee's secret</p>")
        proposal = self.create_match(self.mentor_b, lee)
        Mentee = self.env["mentoring.mentee"].with_user(self.mentor_b_user)
        self.assertFalse(Mentee.search([("id", "=", lee.id)]), "a proposal shows nothing yet")
        with self.assertRaises(AccessError):
            lee.with_user(self.mentor_b_user).read(["notes"])
        proposal.action_introduce()
        self.assertIn("Lee's secret", lee.with_user(self.mentor_b_user).notes)
        proposal.action_cancel()
        self.env.invalidate_all()
        self.assertFalse(Mentee.search([("id", "=", lee.id)]))
        with self.assertRaises(AccessError):
            lee.with_user(self.mentor_b_user).read(["birthdate", "notes"])
        with self.assertRaises(AccessError):
            proposal.with_user(self.mentor_b_user).read(["display_name"])

    def test_closed_match_keeps_the_mentors_history_but_not_the_person(self):
        self.close_match(self.match, "planned_end")
        self.env.invalidate_all()
        self.assertIn("Talked about home", self.encounter.with_user(self.mentor_user).notes)
        with self.assertRaises(AccessError):
            self.mentee.with_user(self.mentor_user).read(["notes"])
        html = (
            self.env["ir.actions.report"]
            .with_user(self.mentor_user)
            ._render_qweb_html("peer_mentoring.mentoring_encounter_report", self.encounter.ids)[0]
            .decode()
        )
        self.assertIn("Jamie Rivera", html)


@tagged("post_install", "-at_install")
class TestFinanceSeesOnlyBilling(MentoringBillingCase):
    """Class 5: reading encounters and mentees 'for their billing fields' gave finance their
    chatter, activities, attachments and signatures too."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.billed = cls.billable_encounter(cls, 14.0, 14.75, mentee_signature=b"R0lGODlhAQABAAAAACw=")
        cls.billed.action_confirm()
        cls.secret_message = cls.billed.message_post(
            body="Mentee disclosed abuse at home", message_type="comment"
        )
        cls.mentee_message = cls.mentee.message_post(body="Mentee is pregnant", message_type="comment")
        cls.activity = cls.billed.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Safeguarding call",
            note="About the abuse",
            user_id=cls.coordinator_user.id,
        )
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "letter.txt",
                "raw": b"confidential letter",
                "res_model": "mentoring.encounter",
                "res_id": cls.billed.id,
            }
        )

    def test_finance_reads_no_message_activity_attachment_or_signature(self):
        Message = self.env["mail.message"].with_user(self.finance_user)
        self.assertFalse(Message.search([("body", "ilike", "abuse")]))
        self.assertFalse(Message.search([("model", "in", ("mentoring.encounter", "mentoring.mentee"))]))
        for message in (self.secret_message, self.mentee_message):
            with self.assertRaises(AccessError):
                message.with_user(self.finance_user).read(["body"])
        with self.assertRaises(AccessError):
            self.activity.with_user(self.finance_user).read(["summary", "note"])
        self.assertFalse(
            self.env["mail.activity"]
            .with_user(self.finance_user)
            .search([("summary", "ilike", "Safeguarding")])
        )
        with self.assertRaises(AccessError):
            self.attachment.with_user(self.finance_user).read(["raw"])
        signature = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "mentoring.encounter"),
                    ("res_id", "=", self.billed.id),
                    ("res_field", "=", "mentee_signature"),
                ]
            )
        )
        self.assertTrue(signature)
        with self.assertRaises(AccessError):
            signature.with_user(self.finance_user).read(["datas"])
        with self.assertRaises(AccessError):
            self.billed.with_user(self.finance_user).read(["mentee_signature"])

    def test_finance_cannot_follow_or_post_on_mentoring_records(self):
        self.assertFalse(
            self.billed.with_user(self.finance_user).message_subscribe(
                partner_ids=self.finance_user.partner_id.ids
            )
        )
        self.assertNotIn(self.finance_user.partner_id, self.billed.message_partner_ids)
        with self.assertRaises(AccessError):
            self.mentee.with_user(self.finance_user).message_post(body="hello")

    def test_finance_does_not_learn_the_outcome_from_why_it_was_not_billed(self):
        no_action = self.billable_encounter(9.0, 9.5, progress="no_action", no_action_reason="sick")
        no_action.action_confirm()
        self.assertEqual(no_action.not_billed_reason, "this outcome is not billable")
        # Not even listed: among billed meetings, a "not billable" one would tell the outcome.
        Entry = self.env["mentoring.billing.entry"].with_user(self.finance_user)
        self.assertFalse(Entry.search([("id", "=", no_action.id)]))
        self.assertEqual(set(Entry.search([]).mapped("billing_status")), {"billed"})
        with self.assertRaises(AccessError):
            no_action.with_user(self.finance_user).read(["not_billed_reason"])


@tagged("post_install", "-at_install")
class TestNamesInOtherApps(MentoringBillingCase):
    """Class 6: what the addon writes into projects, orders, invoices and mail rows."""

    def test_member_id_and_name_stay_out_of_projects_orders_and_invoices(self):
        self.billable_encounter(14.0, 14.75).action_confirm()
        move = self.invoice(self.authorization.sale_order_id)
        texts = [
            self.authorization.project_id.name,
            self.authorization.task_id.name,
            *self.authorization.sale_order_id.order_line.mapped("name"),
            *move.invoice_line_ids.mapped("name"),
            *self.authorization.task_id.timesheet_ids.mapped("name"),
        ]
        for text in texts:
            self.assertNotIn("M-12345", text or "")
            self.assertNotIn("Jamie", text or "")
        self.assertIn("AUTH-1", self.authorization.sale_order_id.order_line.name)

    def test_authorisation_projects_are_private(self):
        project, task = self.authorization.project_id, self.authorization.task_id
        self.assertEqual(project.privacy_visibility, "followers")
        for user in (self.hr_user, self.mentor_user):
            user.group_ids |= self.env.ref("project.group_project_user")
            self.assertFalse(self.env["project.project"].with_user(user).search([("id", "=", project.id)]))
            self.assertFalse(self.env["project.task"].with_user(user).search([("id", "=", task.id)]))

    def test_employees_read_no_notification_or_follower_of_mentoring_records(self):
        coordinator_partner = self.coordinator_user.partner_id
        self.mentee.message_subscribe(partner_ids=(coordinator_partner | self.mentee.partner_id).ids)
        self.encounter.with_user(self.mentor_user).message_post(
            body="See you Tuesday", partner_ids=coordinator_partner.ids, message_type="comment"
        )
        for user in (self.hr_user, self.sales_user, self.mentor_b_user):
            Notification = self.env["mail.notification"].with_user(user)
            self.assertFalse(
                Notification.search([("mail_message_id.model", "like", "mentoring.")]), user.login
            )
            Followers = self.env["mail.followers"].with_user(user)
            self.assertFalse(Followers.search([("res_model", "=", "mentoring.mentee")]), user.login)
        # The people concerned keep their own.
        mine = (
            self.env["mail.notification"]
            .with_user(self.coordinator_user)
            .search(
                [
                    ("res_partner_id", "=", coordinator_partner.id),
                    ("mail_message_id.model", "=", "mentoring.encounter"),
                ]
            )
        )
        self.assertTrue(mine)

    def test_meeting_names_carry_no_person(self):
        self.assertNotIn("Jamie", self.encounter.display_name)


@tagged("post_install", "-at_install")
class TestReportRights(MentoringBillingCase):
    """Class 7: report URLs rendered for anyone who could read the record."""

    def test_service_detail_needs_the_invoicing_role(self):
        self.sales_user.group_ids |= self.env.ref("sales_team.group_sale_salesman_all_leads")
        self.billable_encounter(14.0, 14.75).action_confirm()
        move = self.invoice(self.authorization.sale_order_id)
        self.assertTrue(move.with_user(self.sales_user).has_access("read"))
        Report = self.env["ir.actions.report"].with_user(self.sales_user)
        with self.assertRefused(AccessError, "not allowed to print"):
            Report._render_qweb_html("peer_mentoring.service_detail_report", move.ids)

    def test_mentoring_forms_need_a_mentoring_role_and_the_record(self):
        Report = self.env["ir.actions.report"]
        for report, record in (
            ("peer_mentoring.mentoring_agreement_report", self.agreement),
            ("peer_mentoring.mentoring_plan_report", self.plan),
            ("peer_mentoring.mentoring_encounter_report", self.encounter),
        ):
            with self.assertRaises(AccessError, msg=report):
                Report.with_user(self.mentor_b_user)._render_qweb_html(report, record.ids)
            with self.assertRaises(AccessError, msg=report):
                Report.with_user(self.finance_user)._render_qweb_html(report, record.ids)
            html = Report.with_user(self.mentor_user)._render_qweb_html(report, record.ids)[0].decode()
            self.assertIn("Jamie Rivera", html)
