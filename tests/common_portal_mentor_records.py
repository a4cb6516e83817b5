import base64

from odoo import Command

from .common_portal_mentor import MentoringPortalMentorCase

# A tiny PDF: what a certificate upload sends.
CERTIFICATE_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class MentoringPortalMentorRecordsCase(MentoringPortalMentorCase):
    """The carers of MentoringPortalMentorCase with their papers, training and supervision.

    Alex (carer) mentors Robin: the agreement's version 2 and Robin's plan are drafts waiting
    for both signatures. Alex has a course waiting for approval (with its certificate) and an
    approved one, and attended a held supervision session he has not confirmed yet. Chris
    (another carer) has the same kind of records; Dana (the former mentor) mentored Robin
    until her match closed. Jamie is a mentee login."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carer_agreement = cls.new_draft_agreement(cls.match_robin, "Robin and Alex are on time")
        cls.carer_c_agreement = cls.new_draft_agreement(cls.match_sam, "Sam and Chris are on time")
        cls.former_agreement = cls.match_former.agreement_ids
        cls.carer_plan = cls.plan_robin
        cls.carer_c_plan = cls.env["mentoring.plan"].create(
            {
                "match_id": cls.match_sam.id,
                "person_centred_goals": "Sam wants to drive",
                "goal_ids": [Command.create({"name": "Driving lessons", "is_first_two": True})],
            }
        )
        cls.carer_training = cls.create_training(cls.carer, "First aid for carers")
        cls.carer_approved = cls.create_training(cls.carer, "Safeguarding basics", state="approved")
        cls.carer_c_training = cls.create_training(cls.carer_c, "Chris's trauma course")
        (cls.carer | cls.carer_c | cls.carer_former).supervisor_id = cls.supervisor_employee
        cls.supervision = (
            cls.env["mentoring.supervision.session"]
            .with_user(cls.supervisor_user)
            .create(
                {
                    "date": cls.yesterday,
                    "start_time": 18.0,
                    "supervisor_id": cls.supervisor_employee.id,
                    "location": "Family centre",
                    "agenda": "Agenda: Chris's placement breakdown",
                    "attendee_ids": [Command.create({"mentor_id": m.id}) for m in cls.carer | cls.carer_c],
                }
            )
            .with_env(cls.env)
        )
        cls.carer_line = cls.supervision.attendee_ids.filtered(lambda a: a.mentor_id == cls.carer)
        cls.carer_c_line = cls.supervision.attendee_ids - cls.carer_line
        cls.carer_c_line.notes = "About Chris only: placement at risk"
        cls.supervision.with_user(cls.supervisor_user).action_mark_held()
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def new_draft_agreement(cls, match, rules):
        signed = match.agreement_ids
        draft = cls.env["mentoring.agreement"].browse(signed.action_new_version()["res_id"])
        draft.ground_rules = rules
        return draft

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
