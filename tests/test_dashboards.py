import json

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import MentoringBillingCase, MentoringCase


class DashboardReading:
    """The same calls the dashboard's pivots make (spreadsheet's pivot model asks the server for
    formatted_read_grouping_sets with the pivot's domain, groupbys and measures)."""

    @staticmethod
    def pivots(dashboard):
        return json.loads(dashboard.spreadsheet_data)["pivots"]

    @staticmethod
    def pivot_groupbys(pivot):
        return [
            f"{dim['fieldName']}:{dim['granularity']}" if dim.get("granularity") else dim["fieldName"]
            for dim in pivot["rows"] + pivot["columns"]
        ]

    def read_pivot(self, dashboard, name, user):
        """The rows of the dashboard's pivot called `name`, as `user` gets them."""
        pivot = next(p for p in self.pivots(dashboard).values() if p["name"] == name)
        aggregates = [
            f"{m['fieldName']}:{m['aggregator']}" if m["fieldName"] != "__count" else "__count"
            for m in pivot["measures"]
        ]
        model = self.env[pivot["model"]].with_user(user)
        (rows,) = model.formatted_read_grouping_sets(
            pivot["domain"], [self.pivot_groupbys(pivot)], aggregates
        )
        return rows

    def counts_by(self, rows, field):
        return {row[field][0] if row[field] else False: row["__count"] for row in rows}


@tagged("post_install", "-at_install")
class TestDashboards(DashboardReading, MentoringCase):
    """Issue 20 item 2: the Programme and Billing dashboards of Odoo's spreadsheet_dashboard.
    Every figure is a pivot on a model and a domain, read with the viewer's own rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.programme_dashboard = cls.env.ref("peer_mentoring.spreadsheet_dashboard_programme")
        cls.billing_dashboard = cls.env.ref("peer_mentoring.spreadsheet_dashboard_billing")
        cls.workforce_dashboard = cls.env.ref("peer_mentoring.spreadsheet_dashboard_workforce")
        # The other programme (coordinator B's): mentor A also works there, with one person;
        # one more person waits for a mentor there, and one in the first programme.
        cls.other_mentee = cls.create_mentee("Robin Other", program=cls.other_program)
        cls.other_match = cls.create_active_match(cls.mentor, cls.other_mentee, program=cls.other_program)
        cls.other_encounter = cls.create_encounter(cls.other_match, start_time=14.0, end_time=15.0)
        cls.waiting_other = cls.create_mentee("Sky Waiting", program=cls.other_program)
        cls.waiting = cls.create_mentee("Lee Waiting")
        for encounter in cls.encounter | cls.encounter_b | cls.other_encounter:
            encounter.action_confirm()
        cls.env.flush_all()

    # (1) the dashboards are installed, their JSON loads, and their readers can read every source
    def test_dashboards_install_and_every_source_is_readable_by_their_groups(self):
        self.assertEqual(self.programme_dashboard.group_ids, self.env.ref("peer_mentoring.group_coordinator"))
        self.assertEqual(self.billing_dashboard.group_ids, self.env.ref("account.group_account_invoice"))
        self.assertEqual(self.workforce_dashboard.group_ids, self.env.ref("peer_mentoring.group_supervisor"))
        for dashboard in self.programme_dashboard | self.workforce_dashboard | self.billing_dashboard:
            self.assertTrue(dashboard.is_published)
            # what the dashboard's controller serves loads
            served = json.loads(dashboard._get_serialized_readonly_dashboard())
            self.assertEqual(served["snapshot"]["sheets"][0]["name"], dashboard.name)
            data = json.loads(dashboard.spreadsheet_data)
            pivots = data["pivots"]
            self.assertTrue(pivots, dashboard.name)
            # a user with each of the dashboard's roles only: every source reads, with the pivot's call
            readers = [
                new_test_user(self.env, login=f"t_dash_{group.id}", groups=group.get_external_id()[group.id])
                for group in dashboard.group_ids
            ]
            formulas = " ".join(json.dumps(sheet["cells"]) for sheet in data["sheets"])
            for pivot_id, pivot in pivots.items():
                self.assertIn(f"=PIVOT({pivot_id})", formulas, "each pivot is shown on the sheet")
                self.assertIn(pivot["model"], self.env, f"{dashboard.name}: {pivot['name']}")
                groupbys = [groupby.split(":")[0] for groupby in self.pivot_groupbys(pivot)]
                measures = [m["fieldName"] for m in pivot["measures"] if m["fieldName"] != "__count"]
                described = self.env[pivot["model"]].fields_get(
                    groupbys + measures, ["groupable", "aggregator"]
                )
                self.assertEqual(sorted(described), sorted(set(groupbys + measures)), pivot["name"])
                for name in groupbys:
                    self.assertTrue(described[name]["groupable"], name)
                for m in pivot["measures"]:
                    if m["fieldName"] != "__count" and m["aggregator"] != "count_distinct":
                        self.assertTrue(described[m["fieldName"]].get("aggregator"), m["fieldName"])
                for reader in readers:
                    self.assertTrue(
                        self.env[pivot["model"]].with_user(reader).has_access("read"), pivot["name"]
                    )
                    self.read_pivot(dashboard, pivot["name"], reader)
            charts = [fig["data"] for sheet in data["sheets"] for fig in sheet["figures"]]
            self.assertTrue(charts, dashboard.name)
            for chart in charts:
                # a graph reads like the graph view: read_group on its model, domain and groupbys
                meta, search = chart["metaData"], chart["searchParams"]
                self.assertEqual(meta["groupBy"], search["groupBy"])
                aggregate = "__count" if meta["measure"] == "__count" else f"{meta['measure']}:sum"
                for reader in readers:
                    model = self.env[meta["resModel"]].with_user(reader)
                    model.formatted_read_group(search["domain"], meta["groupBy"], [aggregate])

    def programme_figures(self, user):
        """The Programme dashboard's figures as `user` reads them."""
        read = lambda name: self.read_pivot(self.programme_dashboard, name, user)  # noqa: E731
        meetings = read("Confirmed meetings per month")
        return {
            "active": self.counts_by(read("Active relationships"), "program_id"),
            "states": {row["state"]: row["__count"] for row in read("Relationships by state")},
            "waiting": self.counts_by(read("People waiting for a mentor"), "program_id"),
            "meetings": sum(row["__count"] for row in meetings),
            "minutes": sum(row["duration_minutes:sum"] for row in meetings),
        }

    # (2) a coordinator counts their programmes only; each dashboard only for its roles
    def test_coordinator_of_another_programme_counts_their_programme_only(self):
        # coordinator B: the other programme's one relationship (mentor A's), one meeting of an
        # hour, one person waiting; nothing of the first programme
        self.assertEqual(
            self.programme_figures(self.coordinator_b_user),
            {
                "active": {self.other_program.id: 1},
                "states": {"active": 1},
                "waiting": {self.other_program.id: 1},
                "meetings": 1,
                "minutes": 60,
            },
        )

    def test_coordinator_and_manager_count_what_their_rules_show(self):
        self.assertEqual(
            self.programme_figures(self.coordinator_user),
            {
                "active": {self.program.id: 2},
                "states": {"active": 2},
                "waiting": {self.program.id: 1},
                "meetings": 2,
                "minutes": 120,
            },
        )
        # the manager: every programme (the database may hold others: look at these two)
        figures = self.programme_figures(self.manager_user)
        ours = (self.program.id, self.other_program.id)
        self.assertEqual(
            {key: {pid: figures[key].get(pid) for pid in ours} for key in ("active", "waiting")},
            {
                "active": {self.program.id: 2, self.other_program.id: 1},
                "waiting": {self.program.id: 1, self.other_program.id: 1},
            },
        )

    def test_each_dashboard_opens_only_for_its_roles(self):
        Dashboard = self.env["spreadsheet.dashboard"]
        both = self.programme_dashboard | self.billing_dashboard
        self.assertEqual(
            Dashboard.with_user(self.coordinator_user).search([]) & both, self.programme_dashboard
        )
        self.assertEqual(Dashboard.with_user(self.manager_user).search([]) & both, self.programme_dashboard)
        self.assertEqual(Dashboard.with_user(self.finance_user).search([]) & both, self.billing_dashboard)
        for user in self.hr_user, self.mentor_user, self.sales_user:
            self.assertFalse(Dashboard.with_user(user).search([]) & both, user.login)
        with self.assertRaises(AccessError):
            self.programme_dashboard.with_user(self.finance_user).check_access("read")
        with self.assertRaises(AccessError):
            self.billing_dashboard.with_user(self.coordinator_user).check_access("read")
        # and finance could not read the programme's figures even if it had the file
        with self.assertRaises(AccessError):
            self.read_pivot(self.programme_dashboard, "Active relationships", self.finance_user)

    def test_mentoring_dashboards_are_not_shared_by_link(self):
        # A shared dashboard is a public link to its figures, unsuppressed: refused for ours,
        # whoever asks, and for a share moved onto ours afterwards.
        Share = self.env["spreadsheet.dashboard.share"]
        for user, dashboard in (
            (self.coordinator_user, self.programme_dashboard),
            (self.manager_user, self.programme_dashboard),
            (self.finance_user, self.billing_dashboard),
        ):
            with self.assertRefused(UserError, "cannot be shared by link.*funder report"):
                Share.with_user(user).action_get_share_url(
                    {"dashboard_id": dashboard.id, "spreadsheet_data": dashboard.spreadsheet_data}
                )
        # Odoo's own dashboards still share; moving such a share onto ours is refused.
        other = self.env["spreadsheet.dashboard"].create(
            {
                "name": "Team board",
                "dashboard_group_id": self.programme_dashboard.dashboard_group_id.id,
                "spreadsheet_data": json.dumps({"sheets": [], "pivots": {}}),
            }
        )
        url = Share.with_user(self.coordinator_user).action_get_share_url(
            {"dashboard_id": other.id, "spreadsheet_data": other.spreadsheet_data}
        )
        self.assertIn("/dashboard/share/", url)
        share = Share.with_user(self.coordinator_user).search([("dashboard_id", "=", other.id)])
        with self.assertRefused(UserError, "cannot be shared by link"):
            share.write({"dashboard_id": self.programme_dashboard.id})


@tagged("post_install", "-at_install")
class TestBillingDashboard(DashboardReading, MentoringBillingCase):
    def test_finance_reads_the_units_authorised_of_their_agency_only(self):
        billing = self.env.ref("peer_mentoring.spreadsheet_dashboard_billing")
        self.create_authorization("AUTH-2", units=12)
        self.create_authorization("AUTH-DRAFT", units=99, approve=False)  # not authorised yet
        rows = self.read_pivot(billing, "Units authorised", self.finance_user)
        self.assertEqual({row["payer_id"][0]: row["units_authorized:sum"] for row in rows}[self.payer.id], 52)
        other_agency = self.create_other_agency_finance()
        rows = self.read_pivot(billing, "Units authorised", other_agency)
        self.assertNotIn(self.payer.id, [row["payer_id"][0] for row in rows if row["payer_id"]])
