from odoo.tests import HttpCase, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestDashboardsTour(HttpCase, MentoringCase):
    """Issue 20 item 2: from login, each role opens its own dashboard."""

    def test_coordinator_opens_the_programme_dashboard(self):
        self.start_tour("/odoo", "peer_mentoring_dashboards_tour", login=self.coordinator_user.login)

    def test_finance_opens_the_billing_dashboard(self):
        self.start_tour("/odoo", "peer_mentoring_billing_dashboard_tour", login=self.finance_user.login)

    def test_supervisor_opens_the_workforce_dashboard(self):
        self.start_tour("/odoo", "peer_mentoring_workforce_dashboard_tour", login=self.supervisor_user.login)

    def test_coordinator_opens_the_workforce_dashboard(self):
        self.start_tour(
            "/odoo", "peer_mentoring_coordinator_workforce_tour", login=self.coordinator_user.login
        )

    def test_dashboard_route_serves_each_dashboard_to_its_role_only(self):
        programme = self.env.ref("peer_mentoring.spreadsheet_dashboard_programme")
        billing = self.env.ref("peer_mentoring.spreadsheet_dashboard_billing")
        workforce = self.env.ref("peer_mentoring.spreadsheet_dashboard_workforce")
        for user, allowed, refused in (
            (self.coordinator_user, programme, billing),
            (self.finance_user, billing, programme),
            (self.finance_user, billing, workforce),
            (self.supervisor_user, workforce, programme),
            (self.hr_user, None, workforce),
            (self.hr_user, None, billing),
        ):
            self.authenticate(user.login, user.login)
            if allowed:
                response = self.url_open(f"/spreadsheet/dashboard/data/{allowed.id}")
                self.assertEqual(response.status_code, 200, user.login)
                self.assertEqual(response.json()["snapshot"]["sheets"][0]["name"], allowed.name)
            response = self.url_open(f"/spreadsheet/dashboard/data/{refused.id}")
            self.assertNotEqual(response.status_code, 200, user.login)
            self.assertNotIn(b'"pivots"', response.content, user.login)
