from odoo.tests import HttpCase, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestDashboardsTour(HttpCase, MentoringCase):
    """Issue 20 item 2: from login, each role opens its own dashboard."""

    def test_coordinator_opens_the_programme_dashboard(self):
        self.start_tour("/odoo", "peer_mentoring_dashboards_tour", login=self.coordinator_user.login)

    def test_finance_opens_the_billing_dashboard(self):
        self.start_tour("/odoo", "peer_mentoring_billing_dashboard_tour", login=self.finance_user.login)
