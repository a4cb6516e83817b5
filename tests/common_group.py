from datetime import timedelta

from odoo import Command

from .common import MentoringGroupBillingCase


class MentoringGroupSessionCase(MentoringGroupBillingCase):
    """Mentor A with three mentees in the billed programme (Jamie Rivera, Robin Lee, Sam Cole),
    each covered by the same payer and each with their own approved group-service authorisation
    of 20 units at the group rate of 8.00 a unit (H0038 HQ)."""

    GROUP_RATE = 8.0

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor.capacity = 4
        cls.members = {cls.mentee: (cls.match, cls.goal)}
        for name, member_id in (("Robin Lee", "M-22222"), ("Sam Cole", "M-33333")):
            mentee = cls.create_mentee(name, notes=f"<p>{name}'s secret</p>")
            mentee.write({"payer_id": cls.payer.id, "member_id": member_id})
            match = cls.create_active_match(cls.mentor, mentee)
            plan = cls.env["mentoring.plan"].create(
                {
                    "match_id": match.id,
                    "person_centred_goals": "Live on my own",
                    "goal_ids": [Command.create({"name": f"{name}: cook a meal", "is_first_two": True})],
                }
            )
            cls.members[mentee] = (match, plan.goal_ids)
        cls.mentee_r, cls.mentee_s = list(cls.members)[1:]
        cls.match_r, cls.match_s = cls.members[cls.mentee_r][0], cls.members[cls.mentee_s][0]
        cls.group_auths = {mentee: cls.create_group_authorization(mentee) for mentee in cls.members}
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def create_group_authorization(cls, mentee):
        auth = cls.env["mentoring.authorization"].create(
            {
                "name": f"AUTH-GROUP-{mentee.member_id}",
                "payer_id": cls.payer.id,
                "mentee_id": mentee.id,
                "program_id": cls.program.id,
                "is_group_service": True,
                "date_from": cls.today - timedelta(days=30),
                "date_to": cls.today + timedelta(days=30),
                "units_authorized": 20,
                "price_unit": cls.GROUP_RATE,
            }
        )
        auth.action_approve()
        return auth

    def member_line(self, mentee, **vals):
        """A person's line on the group meeting's list, documented as the payer requires."""
        match, goal = self.members[mentee]
        return Command.create(
            {
                "match_id": match.id,
                "goal_id": goal.id,
                "progress": "met",
                "mentee_signed_on": self.yesterday,
                **vals,
            }
        )

    def group_session(self, mentees, start=10.0, end=11.0, user=None, **vals):
        """A draft group meeting of mentor A yesterday, signed by the mentor, made as `user`."""
        return (
            self.env["mentoring.group.session"]
            .with_user(user or self.mentor_user)
            .create(
                {
                    "mentor_id": self.mentor.id,
                    "program_id": self.program.id,
                    "date": self.yesterday,
                    "start_time": start,
                    "end_time": end,
                    "location_type": "agency",
                    "mentor_signed_on": self.yesterday,
                    "encounter_ids": [self.member_line(mentee) for mentee in mentees],
                    **vals,
                }
            )
        )

    def meeting_of(self, session, mentee):
        return session.sudo().encounter_ids.filtered(lambda e: e.mentee_id == mentee)
