from odoo import Command

from .common import MentoringBillingCase, MentoringCase


class MatchingFixtures:
    """Casey looks for a mentor in the disability programme. Ada (mentor A) speaks Spanish as
    Casey does, shares one of Casey's two interests and the experience sought, is a woman as
    Casey prefers, lives in Leeds as Casey does, offers 4 hours a month (Casey wants 3) and
    prefers the phone as Casey does. Ben (mentor B) shares only the other interest. Each has one
    active match and a capacity of two: one free place each."""

    @classmethod
    def set_up_matching(cls):
        ref = cls.env.ref
        cls.english, cls.spanish = ref("base.lang_en"), ref("base.lang_es")
        cls.employment = ref("peer_mentoring.interest_employment")
        cls.independent_living = ref("peer_mentoring.interest_independent_living")
        cls.teenagers = ref("peer_mentoring.experience_teenagers")
        cls.nursing = ref("peer_mentoring.experience_nursing")
        cls.mentor.write(
            {
                "language_ids": [Command.set((cls.english | cls.spanish).ids)],
                "interest_ids": [Command.set(cls.employment.ids)],
                "experience_ids": [Command.set(cls.teenagers.ids)],
                "gender": "female",
                "area": "Leeds",
                "hours_per_month": 4,
                "preferred_communication": "phone",
            }
        )
        cls.mentor_b.write(
            {
                "language_ids": [Command.set(cls.english.ids)],
                "interest_ids": [Command.set(cls.independent_living.ids)],
                "experience_ids": [Command.set(cls.nursing.ids)],
                "gender": "male",
                "area": "York",
                "hours_per_month": 2,
                "preferred_communication": "email",
            }
        )
        cls.seeker = cls.create_mentee(
            "Casey Morgan",
            language_ids=[Command.set(cls.spanish.ids)],
            interest_ids=[Command.set((cls.employment | cls.independent_living).ids)],
            experience_ids=[Command.set(cls.teenagers.ids)],
            mentor_gender_preference="female",
            area=" leeds ",
            hours_per_month=3,
            preferred_communication="phone",
        )

    def rank(self, mentee, mentors, program=None, **kwargs):
        """{mentor: (score, [reasons])} from the engine."""
        pool, candidates, excluded = self.env["mentoring.matching"]._rank(
            program or self.program, mentee, mentors, **kwargs
        )
        result = {pool.mentors[col]: (score, []) for col, score in candidates}
        result.update({pool.mentors[col]: (pool.score[0, col], reasons) for col, reasons in excluded})
        return result

    def create_partner_mentor(self, name, programs=None, **vals):
        partner = self.env["res.partner"].create({"name": name})
        return self.env["mentoring.mentor"].create(
            {
                "partner_id": partner.id,
                "program_ids": [Command.set((programs if programs is not None else self.program).ids)],
                "state": "certified",
                "ethics_ack_date": self.yesterday,
                **vals,
            }
        )


class MentoringMatchingCase(MatchingFixtures, MentoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.set_up_matching()


class MentoringMatchingBillingCase(MatchingFixtures, MentoringBillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.set_up_matching()
