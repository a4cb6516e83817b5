from datetime import date

from .common import MentoringBillingCase, MentoringCase


class CertificationMixin:
    """The programme follows a Texas-like rule set (20 continuing education hours every 24 months,
    3 of them ethics); mentor A was certified on 1 January 2024, so the first renewal is due on
    1 January 2026."""

    certified_on = date(2024, 1, 1)
    renewal_on = date(2026, 1, 1)

    @classmethod
    def setup_certification(cls):
        cls.rule = cls.env["mentoring.certification.rule"].create(
            {"name": "Texas-like", "ce_hours": 20, "ce_ethics_hours": 3, "cycle_months": 24}
        )
        cls.program.certification_rule_id = cls.rule
        cls.certify_on(cls.mentor, cls.certified_on)

    @classmethod
    def certify_on(cls, mentor, day):
        cls.env["mentoring.mentor.credential"].create(
            {"mentor_id": mentor.id, "state": "certified", "previous_state": "intern", "date_from": day}
        )

    @classmethod
    def add_training(cls, mentor, hours, day, kind="continuing", approved=True, **vals):
        training = cls.env["mentoring.mentor.training"].create(
            {
                "mentor_id": mentor.id,
                "name": f"{kind} course",
                "hours": hours,
                "date": day,
                "kind": kind,
                **vals,
            }
        )
        if approved:
            training.with_user(cls.coordinator_user).action_approve()
        return training


class CertificationCase(CertificationMixin, MentoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification()


class CertificationBillingCase(CertificationMixin, MentoringBillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_certification()
