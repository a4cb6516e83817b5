from odoo.tests import HttpCase, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestDashboardsTour(HttpCase, MentoringCase):
    """Issue 20 item 2: from login, a coordinator opens Dashboards → Programme."""

    def test_coordinator_opens_the_programme_dashboard(self):
        self.start_tour("/odoo", "peer_mentoring_dashboards_tour", login=self.coordinator_user.login)
