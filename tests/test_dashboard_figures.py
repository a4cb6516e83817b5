"""Issue 20 item 2: the dashboards' stored figures, worked out by hand on fixed records, read
through the dashboards' own pivots as each role reads them."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from .common_checkin import CheckinCase
from .common_claims import MentoringClaimsCase
from .common_outcomes import OutcomesCase
from .test_dashboards import DashboardReading

D = date.fromisoformat


def by_program(rows, *measures):
    return {row["program_id"][0]: tuple(row[m] for m in measures) for row in rows if row["program_id"]}


@tagged("post_install", "-at_install")
class TestProgrammeLengthFigures(DashboardReading, OutcomesCase):
    """The fixed year of common_outcomes: m3 (no meetings) ended after 1½ months, m4 after 7,
    m5 after 12¾ and m8 after 23½; m2 was put on hold and reopened and has not ended."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.programme = cls.env.ref("peer_mentoring.spreadsheet_dashboard_programme")

    def test_each_closed_relationship_has_its_length_bucket(self):
        self.assertEqual(
            {key: match.ended_length for key, match in self.m.items()},
            {
                "m1": False,
                "m2": False,  # reopened after hold: one relationship, still going
                "m3": "under_3",  # closed with no meetings: counts like any other
                "m4": "3_to_12",
                "m5": "12_plus",
                "m6": False,
                "m7": False,
                "m8": "12_plus",
            },
        )
        # a match reopened after hold and then closed: from its planned start (2024-10-01)
        self.m["m2"].sudo().write({"state": "closed", "date_closed": D("2025-06-30")})
        self.assertEqual(self.m["m2"].ended_length, "3_to_12")
        # exactly 3 months is not "before 3 months"
        self.m["m2"].sudo().date_closed = D("2025-01-01")
        self.assertEqual(self.m["m2"].ended_length, "3_to_12")
        self.m["m2"].sudo().date_closed = D("2024-12-31")
        self.assertEqual(self.m["m2"].ended_length, "under_3")

    def test_the_dashboard_counts_lengths_and_shares_ended_early(self):
        rows = self.read_pivot(self.programme, "Match length", self.coordinator_user)
        buckets = {
            row["ended_length"]: row["__count"] for row in rows if row["program_id"][0] == self.program.id
        }
        self.assertEqual(buckets, {"under_3": 1, "3_to_12": 1, "12_plus": 2})
        rows = self.read_pivot(self.programme, "Ended early", self.coordinator_user)
        # 4 closed: 1 of them before 3 months (25 %), 2 before 12 months (50 %)
        self.assertEqual(
            by_program(rows, "__count", "ended_before_3_months:avg", "ended_before_12_months:avg"),
            {self.program.id: (4, 25.0, 50.0)},
        )
        # the same definition as the funder report's (2025: m3, m4 and m5 closed in the year)
        report = self.funder_report()
        self.assertEqual(
            (
                report._measure_ended_under_3(),
                report._measure_ended_3_to_12(),
                report._measure_ended_12_plus(),
            ),
            (1, 1, 1),
        )
        # the other programme's coordinator counts none of them
        self.assertFalse(self.read_pivot(self.programme, "Ended early", self.coordinator_b_user))

    def test_meetings_per_relationship_per_month(self):
        # March 2025: m1 twice (one added here), m4 once: 3 meetings of 2 relationships
        self.create_encounter(self.m["m1"], date=D("2025-03-20")).action_confirm()
        rows = self.read_pivot(self.programme, "Meetings per relationship", self.coordinator_user)
        months = {row["date:month"][0]: (row["__count"], row["match_id:count_distinct"]) for row in rows}
        self.assertEqual(months["2025-03-01"], (3, 2))
        self.assertEqual(months["2025-02-01"], (1, 1))
        self.assertEqual(months["2024-12-01"], (1, 1))
        self.assertEqual(months["2025-06-01"], (1, 1))  # m2's, after its hold
        self.assertNotIn("2025-07-01", months)  # m6's draft meeting does not count


@tagged("post_install", "-at_install")
class TestWaitingFigures(DashboardReading, CheckinCase):
    """People waiting for a mentor: one row per person and programme they wait in."""

    def age(self, mentee, days):
        mentee.date_referred = self.today - timedelta(days=days)

    def test_a_person_in_two_programmes_waits_where_they_have_no_mentor(self):
        programme = self.env.ref("peer_mentoring.spreadsheet_dashboard_programme")
        both = self.program | self.other_program
        # Two: in both programmes, a mentor in the first: waits in the second only (the old
        # figure counted them nowhere, and under both programmes for either coordinator).
        two = self.create_mentee("Two Programmes", program=both)
        self.create_active_match(self.mentor, two)
        self.age(two, 40)
        # Ada: in both, no mentor anywhere: waits in each, counted once in each.
        ada = self.create_mentee("Ada Waits", program=both)
        self.age(ada, 30)
        # Bo: waits in the first programme since their relationship there closed 10 days ago.
        bo = self.create_mentee("Bo Again")
        ended = self.create_active_match(self.mentor_b, bo)
        ended.sudo().write({"state": "closed", "date_closed": self.today - timedelta(days=10)})
        self.age(bo, 100)
        self.env.flush_all()

        def waiting(user):
            rows = self.read_pivot(programme, "People waiting for a mentor", user)
            return by_program(rows, "__count", "days_waiting:avg", "longest_days_waiting:max")

        # first programme: Ada (30 days) and Bo (10): average 20, longest 30
        self.assertEqual(waiting(self.coordinator_user), {self.program.id: (2, 20.0, 30)})
        # second programme: Two (40 days) and Ada (30)
        self.assertEqual(waiting(self.coordinator_b_user), {self.other_program.id: (2, 35.0, 40)})
        rows = self.env["mentoring.mentee.waiting"].with_user(self.coordinator_b_user).search([])
        self.assertEqual(rows.mentee_id, two | ada)
        self.assertEqual(set(rows.program_id.ids), {self.other_program.id})
        # the manager sees both rows of Ada
        rows = (
            self.env["mentoring.mentee.waiting"]
            .with_user(self.manager_user)
            .search([("mentee_id", "=", ada.id)])
        )
        self.assertEqual(set(rows.program_id.ids), set(both.ids))
        # a mentor, HR and finance read no waiting list
        for user in self.mentor_user, self.hr_user, self.finance_user, self.supervisor_user:
            self.assertFalse(
                self.env["mentoring.mentee.waiting"].with_user(user).has_access("read"), user.login
            )

    def test_checkins_on_time(self):
        # The match began 70 days ago; with the mentor: due by day 14, day 30, then monthly.
        start = self.today - timedelta(days=70)
        self.match.sudo().date_start = start
        first, _ = self.record_checkin(day=start + timedelta(days=10))  # due day 14: on time
        second, _ = self.record_checkin(day=start + timedelta(days=40))  # due day 30: late
        third, _ = self.record_checkin(day=start + timedelta(days=65))  # due day 40 + 1 month: on time
        self.assertEqual(
            [(c.due_date, c.on_time) for c in first | second | third],
            [
                (start + timedelta(days=14), 100),
                (start + timedelta(days=30), 0),
                (start + timedelta(days=40) + relativedelta(months=1), 100),
            ],
        )
        programme = self.env.ref("peer_mentoring.spreadsheet_dashboard_programme")
        rows = self.read_pivot(programme, "Check-ins on time", self.coordinator_user)
        count, share = by_program(rows, "__count", "on_time:avg")[self.program.id]
        self.assertEqual(count, 3)
        self.assertAlmostEqual(share, 200 / 3, places=2)
        self.assertFalse(self.read_pivot(programme, "Check-ins on time", self.coordinator_b_user))


@tagged("post_install", "-at_install")
class TestBillingPaymentFigures(DashboardReading, MentoringClaimsCase):
    def test_units_paid_denied_why_and_days_to_payment(self):
        _invoices, claims = self.sent_claims(["PMC-T-1", "PMC-T-2", "PMC-T-3"])
        self.import_835()  # pays T-1 in full, T-2 in part, denies T-3 (CO-197 N54); paid 2026-11-30
        paid, partly, denied = (claim.line_ids for claim in claims)
        paid.sudo().date = D("2026-11-10")
        partly.sudo().date = D("2026-11-20")
        denied.sudo().date = D("2026-11-25")
        self.env.flush_all()
        self.assertEqual(
            [
                (line.date_paid, line.days_to_payment, line.remit_reason_codes)
                for line in paid | partly | denied
            ],
            [
                (D("2026-11-30"), 20, False),
                (D("2026-11-30"), 10, "CO-151 N362"),
                (False, 0, "CO-197 N54"),
            ],
        )
        billing = self.env.ref("peer_mentoring.spreadsheet_dashboard_billing")
        rows = self.read_pivot(billing, "Units paid and denied", self.finance_user)
        units = {
            (row["date:month"][0], row["remit_state"]): row["units:sum"]
            for row in rows
            if row["payer_id"] and row["payer_id"][0] == self.payer.id
        }
        self.assertEqual(
            units,
            {("2026-11-01", "paid"): 3.0, ("2026-11-01", "partly_paid"): 3.0, ("2026-11-01", "denied"): 3.0},
        )
        rows = self.read_pivot(billing, "Denials by reason", self.finance_user)
        reasons = {
            row["remit_reason_codes"]: (row["__count"], row["units:sum"])
            for row in rows
            if row["payer_id"] and row["payer_id"][0] == self.payer.id
        }
        self.assertEqual(reasons, {"CO-197 N54": (1, 3.0)})
        rows = self.read_pivot(billing, "Days to payment", self.finance_user)
        days = {row["payer_id"][0]: row for row in rows if row["payer_id"]}[self.payer.id]
        self.assertEqual(
            (days["__count"], days["days_to_payment:avg"], days["days_to_payment:max"]), (2, 15.0, 20)
        )
        # finance of another agency reads none of it
        other = self.create_other_agency_finance()
        rows = self.read_pivot(billing, "Days to payment", other)
        self.assertNotIn(self.payer.id, [row["payer_id"][0] for row in rows if row["payer_id"]])
