import base64

from odoo import Command
from odoo.tests import new_test_user

from .common_portal import MentoringPortalCase

# A tiny PDF: what a certificate upload sends.
CERTIFICATE_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class MentoringPortalMentorCase(MentoringPortalCase):
    """Carla and Chris are foster carers who mentor, each with a portal login; Fran mentored
    with a portal login until her match closed. Jamie (a mentee with a portal login, from
    MentoringPortalCase) is the mentee login that must not reach any of it.

    Carla mentors Sam: the agreement's version 2 and a plan are drafts waiting for both
    signatures. Carla has a course waiting for approval (with its certificate) and an
    approved one, and attended a held supervision session she has not confirmed yet. Chris
    has the same kind of records; Fran's closed match still has a draft agreement."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carla_user, cls.carla = cls.create_portal_mentor("Carla Carer", "t_carla")
        cls.chris_user, cls.chris = cls.create_portal_mentor("Chris Carer", "t_chris")
        cls.fran_user, cls.fran = cls.create_portal_mentor("Fran Former", "t_fran")
        cls.sam = cls.create_mentee("Sam Lee", notes="<p>Sam's secret</p>")
        cls.toni = cls.create_mentee("Toni Rae", notes="<p>Toni's secret</p>")
        cls.kim = cls.create_mentee("Kim Old", notes="<p>Kim's secret</p>")
        cls.carla_match = cls.create_active_match(cls.carla, cls.sam)
        cls.chris_match = cls.create_active_match(cls.chris, cls.toni)
        cls.fran_match = cls.create_active_match(cls.fran, cls.kim)
        cls.carla_agreement = cls.new_draft_agreement(cls.carla_match, "Sam and Carla are on time")
        cls.chris_agreement = cls.new_draft_agreement(cls.chris_match, "Toni and Chris are on time")
        cls.fran_agreement = cls.new_draft_agreement(cls.fran_match, "Kim and Fran are on time")
        cls.fran_match.write({"state": "closed"})
        cls.carla_plan = cls.create_plan(cls.carla_match, "Sam wants to cook")
        cls.chris_plan = cls.create_plan(cls.chris_match, "Toni wants to drive")
        cls.carla_training = cls.create_training(cls.carla, "First aid for carers")
        cls.carla_approved = cls.create_training(cls.carla, "Safeguarding basics", state="approved")
        cls.chris_training = cls.create_training(cls.chris, "Chris's trauma course")
        (cls.carla | cls.chris | cls.fran).supervisor_id = cls.supervisor_employee
        Session = cls.env["mentoring.supervision.session"]
        cls.supervision = Session.with_user(cls.supervisor_user).create(
            {
                "date": cls.yesterday,
                "start_time": 18.0,
                "supervisor_id": cls.supervisor_employee.id,
                "location": "Family centre",
                "agenda": "Agenda: Chris's placement breakdown",
                "attendee_ids": [Command.create({"mentor_id": m.id}) for m in cls.carla | cls.chris],
            }
        )
        cls.carla_line = cls.supervision.attendee_ids.filtered(lambda a: a.mentor_id == cls.carla)
        cls.chris_line = cls.supervision.attendee_ids - cls.carla_line
        cls.chris_line.notes = "About Chris only: placement at risk"
        cls.supervision.with_user(cls.supervisor_user).action_mark_held()
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def create_portal_mentor(cls, name, login):
        """A carer mentor: a contact whose portal login is the mentor's login."""
        user = new_test_user(cls.env, login=login, password=login, groups="base.group_portal", name=name)
        mentor = cls.env["mentoring.mentor"].create(
            {
                "partner_id": user.partner_id.id,
                "program_ids": [Command.set(cls.program.ids)],
                "state": "certified",
                "ethics_ack_date": cls.yesterday,
            }
        )
        mentor.user_id = user
        return user, mentor

    @classmethod
    def new_draft_agreement(cls, match, rules):
        signed = match.agreement_ids
        draft = cls.env["mentoring.agreement"].browse(signed.action_new_version()["res_id"])
        draft.ground_rules = rules
        return draft

    @classmethod
    def create_plan(cls, match, goals):
        return cls.env["mentoring.plan"].create(
            {
                "match_id": match.id,
                "person_centred_goals": goals,
                "goal_ids": [Command.create({"name": goals + " (goal)", "is_first_two": True})],
            }
        )

    @classmethod
    def create_training(cls, mentor, name, **vals):
        return cls.env["mentoring.mentor.training"].create(
            {
                "mentor_id": mentor.id,
                "name": name,
                "date": cls.yesterday,
                "hours": 3,
                "kind": "continuing",
                "certificate": base64.b64encode(CERTIFICATE_PDF + name.encode()),
                "certificate_name": "certificate.pdf",
                **vals,
            }
        )
