from odoo.tests import new_test_user

from .common import MentoringCase


class SafeguardingCase(MentoringCase):
    """Mentor A's world, with a safeguarding lead who has no other role, an oversight body, and
    the programme under England's rules (a LADO referral within one working day)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead_user = new_test_user(
            cls.env,
            login="t_sg_lead",
            groups="peer_mentoring.group_safeguarding_lead,base.group_allow_export",
            company_id=cls.company.id,
        )
        cls.oversight_user = new_test_user(
            cls.env,
            login="t_sg_oversight",
            groups="peer_mentoring.group_oversight",
            company_id=cls.company.id,
        )
        cls.calendar = cls.company.resource_calendar_id
        cls.calendar.tz = "Europe/London"
        cls.program.write(
            {
                "safeguarding_jurisdiction_id": cls.env.ref(
                    "peer_mentoring.safeguarding_jurisdiction_england"
                ).id,
                "safeguarding_lead_id": cls.lead_user.id,
            }
        )
        cls.type_allegation = cls.env.ref("peer_mentoring.safeguarding_type_allegation")
        cls.type_disclosure = cls.env.ref("peer_mentoring.safeguarding_type_disclosure")
        cls.type_safety = cls.env.ref("peer_mentoring.safeguarding_type_safety")

    def raise_concern(self, user, concern_type, context=None, **vals):
        """Raise a concern through the raise screen as `user`; return the screen and the concern."""
        Raise = self.env["mentoring.safeguarding.raise"].with_user(user).with_context(**(context or {}))
        screen = Raise.create({"type_id": concern_type.id, "description": "She said he hit her.", **vals})
        screen.action_submit()
        concern = self.env["mentoring.safeguarding.concern"].search([("name", "=", screen.concern_reference)])
        self.assertEqual(len(concern), 1)
        return screen, concern
