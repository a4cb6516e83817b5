from odoo import Command
from odoo.tests import new_test_user

from .common import MentoringCase
from .test_reports import pdf_text


class MentoringP2PCase(MentoringCase):
    """A provider-to-provider programme (seed 002) beside the person-to-person ones: two mentor
    organisations with their own logins, and a mentee organisation matched with the first.

    The agency works Monday to Friday, in UTC, so that deadlines read as calendar dates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls.company.resource_calendar_id
        calendar.tz = "UTC"
        cls.calendar = calendar
        cls.coordinator_user.tz = "UTC"
        user = lambda login: new_test_user(  # noqa: E731
            cls.env, login=login, groups="peer_mentoring.group_mentor", company_id=cls.company.id, tz="UTC"
        )
        cls.org_mentor_user = user("t_org_mentor")
        cls.org_mentor_b_user = user("t_org_mentor_b")
        cls.p2p_program = cls.env["mentoring.program"].create(
            {
                "name": "Provider-to-Provider Mentoring",
                "code": "TP2P",
                "program_type": "organization",
                "duration_months": 3,
                "coordinator_ids": [Command.set(cls.coordinator_user.ids)],
            }
        )
        cls.org_mentor = cls.create_org_mentor("Northside Employment Services", cls.org_mentor_user)
        cls.org_mentor_b = cls.create_org_mentor("Eastgate Training Co-op", cls.org_mentor_b_user)
        cls.org_mentee = cls.create_mentee("Riverbend Workforce Partners", program=cls.p2p_program)
        cls.topics = cls.env["mentoring.knowledge.topic"].search([])
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def create_org_mentor(cls, name, user):
        partner = cls.env["res.partner"].create({"name": name, "is_company": True})
        return cls.env["mentoring.mentor"].create(
            {
                "partner_id": partner.id,
                "user_id": user.id,
                "program_ids": [Command.set(cls.p2p_program.ids)],
                "state": "certified",
                "ethics_ack_date": cls.yesterday,
            }
        )

    @classmethod
    def create_p2p_agreement(cls, match, **vals):
        return cls.create_agreement(
            match,
            **{
                "duration_months": 3,
                "hours_per_month": 2,
                "skill_areas": "Invoicing and cost allocation",
                "expectation_communication": "Email between meetings, answered within two working days",
                "expectation_agenda": "The mentee sends three questions before each meeting",
                "expectation_feedback": "Five minutes at the end of each meeting",
                **vals,
            },
        )

    @classmethod
    def create_active_p2p_match(cls, mentor=None, mentee=None):
        match = cls.create_match(mentor or cls.org_mentor, mentee or cls.org_mentee, program=cls.p2p_program)
        match.action_introduce()
        cls.create_p2p_agreement(match).action_sign()
        match.action_activate()
        return match

    def render_pdf_text(self, report_xmlid, records):
        """The PDF's text, as wkhtmltopdf prints it, on one line."""
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = Report._render_qweb_pdf(report_xmlid, records.ids)
        self.assertEqual(kind, "pdf")
        return " ".join(pdf_text(pdf).split())
