from datetime import date

from odoo import Command

from .common import MentoringCase

D = date.fromisoformat


class OutcomesCase(MentoringCase):
    """A fixed year of the disability programme (2025), worked out by hand in the tests:

    | match | mentee | mentor | began      | ended      | notes                              |
    |-------|--------|--------|------------|------------|------------------------------------|
    | m1    | P1     | A      | 2024-06-01 |            | meetings of 60 and 90 min in 2025  |
    | m2    | P2     | B      | 2024-10-01 |            | put on hold, then reopened         |
    | m3    | P3     | A      | 2025-03-01 | 2025-04-15 | closed with no meetings            |
    | m4    | P4     | B      | 2025-02-01 | 2025-09-01 | one meeting of 60 min              |
    | m5    | P5     | A      | 2024-01-10 | 2025-02-01 | (ended after 12 months)            |
    | m6    | P6     | B      | 2025-05-01 |            | a draft meeting (not counted)      |
    | m7    | P3     | A      | 2025-05-01 |            | P3's second match                  |
    | m8    | P7     | A      | 2023-01-01 | 2024-12-15 | ended before the year              |

    The fixtures' own matches began today (after 2025) and do not count."""

    period = (D("2025-01-01"), D("2025-12-31"))

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program.sudo().max_mentees_per_mentor = 20
        people = {f"P{i}": cls.create_mentee(f"Person {i}") for i in range(1, 8)}
        cls.people = people
        plan = [
            ("m1", "P1", cls.mentor, "2024-06-01", None),
            ("m2", "P2", cls.mentor_b, "2024-10-01", None),
            ("m3", "P3", cls.mentor, "2025-03-01", "2025-04-15"),
            ("m4", "P4", cls.mentor_b, "2025-02-01", "2025-09-01"),
            ("m5", "P5", cls.mentor, "2024-01-10", "2025-02-01"),
            ("m6", "P6", cls.mentor_b, "2025-05-01", None),
            ("m7", "P3", cls.mentor, "2025-05-01", None),
            ("m8", "P7", cls.mentor, "2023-01-01", "2024-12-15"),
        ]
        cls.m = {}
        for key, person, mentor, start, _end in plan:
            match = cls.create_active_match(mentor, people[person])
            match.sudo().date_start = D(start)
            cls.m[key] = match
        cls.m["m2"].action_hold()
        cls.m["m2"].action_activate()
        for key, start, end, _minutes in (
            ("m1", "2025-02-10", 11.0, 60),
            ("m1", "2025-03-10", 11.5, 90),
            ("m1", "2024-12-20", 11.0, 60),
            ("m2", "2025-06-01", 11.0, 60),
            ("m4", "2025-03-01", 11.0, 60),
        ):
            cls.create_encounter(cls.m[key], date=D(start), start_time=10.0, end_time=end).action_confirm()
        cls.create_encounter(cls.m["m6"], date=D("2025-07-01"))  # a draft: not held as far as we know
        for key, _person, _mentor, _start, end in plan:
            if end:
                cls.m[key].sudo().write(
                    {"state": "closed", "date_closed": D(end), "closure_reason": "goals_met"}
                )

    @classmethod
    def signed_plan(cls, match, goals):
        plan = cls.env["mentoring.plan"].create(
            {
                "match_id": match.id,
                "person_centred_goals": "Live on my own",
                "mentor_signed_on": cls.yesterday,
                "mentee_signed_on": cls.yesterday,
                "goal_ids": [
                    Command.create({"name": name, "expected_outcome": hope, "is_first_two": i < 2, **extra})
                    for i, (name, hope, extra) in enumerate(goals)
                ],
            }
        )
        plan.action_sign()
        return plan

    @classmethod
    def rate(cls, goal, day, mentee=None, mentor=None):
        Rating = cls.env["mentoring.goal.rating"]
        for rater, score in (("mentee", mentee), ("mentor", mentor)):
            Rating.create(
                {
                    "goal_id": goal.id,
                    "review_date": D(day),
                    "rater": rater,
                    "score": str(score) if score is not None else False,
                }
            )

    def funder_report(self, user=None, program=None, period=None):
        start, end = period or self.period
        Report = self.env["mentoring.funder.report"]
        if user:
            Report = Report.with_user(user)
        return Report.create({"program_id": (program or self.program).id, "date_from": start, "date_to": end})
