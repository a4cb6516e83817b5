from odoo import Command

from .common_portal import MentoringPortalCase


class MentoringPortalMentorCase(MentoringPortalCase):
    """Alex, a foster carer (a contact, not staff), mentors Robin and has a portal login given
    by the coordinator. Robin was first matched with Dana, another carer, whose match was
    closed: Dana is the former mentor. Chris, a third carer with a login, mentors Sam.
    Jamie and Pat (mentees) have portal logins too (MentoringPortalCase)."""

    @classmethod
    def create_carer(cls, name):
        partner = cls.env["res.partner"].create(
            {"name": name, "email": f"{name.split()[0].lower()}@example.com"}
        )
        return cls.env["mentoring.mentor"].create(
            {
                "partner_id": partner.id,
                "program_ids": [Command.set(cls.program.ids)],
                "state": "certified",
                "ethics_ack_date": cls.yesterday,
            }
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carer = cls.create_carer("Alex Morgan")
        cls.carer_former = cls.create_carer("Dana Former")
        cls.carer_c = cls.create_carer("Chris Carer")
        cls.mentee_robin = cls.create_mentee("Robin Chen", notes="<p>Robin's secret</p>")
        cls.mentee_sam = cls.create_mentee("Sam Lee", notes="<p>Sam's secret</p>")
        cls.match_former = cls.create_active_match(cls.carer_former, cls.mentee_robin)
        cls.encounter_former = cls.create_encounter(cls.match_former, notes="<p>Dana's notes</p>")
        cls.document_closure(cls.match_former)
        cls.match_former._close("goals_met", "Robin moved on to Alex.")
        cls.match_robin = cls.create_active_match(cls.carer, cls.mentee_robin)
        cls.match_sam = cls.create_active_match(cls.carer_c, cls.mentee_sam)
        cls.plan_robin = cls.env["mentoring.plan"].create(
            {
                "match_id": cls.match_robin.id,
                "person_centred_goals": "Robin's own goals",
                "goal_ids": [Command.create({"name": "Settle the new placement", "is_first_two": True})],
            }
        )
        cls.goal_robin = cls.plan_robin.goal_ids
        cls.encounter_robin = cls.create_encounter(
            cls.match_robin, notes="<p>Robin's private talk</p>", next_steps="Call the social worker"
        )
        cls.encounter_sam = cls.create_encounter(cls.match_sam, notes="<p>Sam's private talk</p>")
        for carer in cls.carer | cls.carer_former | cls.carer_c:
            carer.with_user(cls.coordinator_user).action_portal_invite()
        cls.carer_user = cls.carer.user_id
        cls.carer_former_user = cls.carer_former.user_id
        cls.carer_c_user = cls.carer_c.user_id
        for user in cls.carer_user | cls.carer_former_user | cls.carer_c_user:
            user.password = user.login
        cls.env.flush_all()
