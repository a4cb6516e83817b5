import base64

from .common import MentoringBillingCase

# A tiny PNG: what the portal's signature pad sends (base64, without the data: prefix).
SIGNATURE = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    )
).decode()


class MentoringPortalCase(MentoringBillingCase):
    """Jamie (mentee A) and Pat (mentee B) each have a portal login, given by the coordinator.

    Jamie's plan is a draft with its content written: it waits for Jamie's signature, as does
    Jamie's documented draft meeting. Jamie's agreement is signed. Every record of Jamie has
    something around it that must stay in the office: confidential notes, a member ID,
    billing, a chatter message and a file."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentee.partner_id.email = "jamie@example.com"
        cls.mentee_b.partner_id.email = "pat@example.com"
        cls.mentee.with_user(cls.coordinator_user).action_portal_invite()
        cls.mentee_b.with_user(cls.coordinator_user).action_portal_invite()
        cls.portal_user = cls.mentee.portal_user_id
        cls.portal_b_user = cls.mentee_b.portal_user_id
        for user in cls.portal_user | cls.portal_b_user:
            user.password = user.login
        cls.plan_b = cls.env["mentoring.plan"].create(
            {
                "match_id": cls.match_b.id,
                "person_centred_goals": "Pat's own goals",
                "goal_ids": [(0, 0, {"name": "Pat's goal", "is_first_two": True})],
            }
        )
        cls.agreement_b = cls.match_b.agreement_ids
        # Around Jamie's records: a message that is not internal (a portal user could read such
        # a message on a record they read) and a file.
        cls.encounter.message_post(body="Message about Jamie's housing", subtype_xmlid="mail.mt_comment")
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "jamie_letter.txt",
                "raw": b"Jamie's letter",
                "res_model": "mentoring.plan",
                "res_id": cls.plan.id,
            }
        )
        cls.env.flush_all()

    def jamie_records(self):
        return {
            "mentoring.plan": self.plan,
            "mentoring.agreement": self.agreement,
            "mentoring.encounter": self.encounter,
            "mentoring.goal": self.goal,
        }

    def pat_records(self):
        return {
            "mentoring.plan": self.plan_b,
            "mentoring.agreement": self.agreement_b,
            "mentoring.encounter": self.encounter_b,
            "mentoring.goal": self.plan_b.goal_ids,
        }
