from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestSmokeTour(HttpCase):
    def test_smoke(self):
        self.start_tour("/odoo", "peer_mentoring_smoke_tour", login="admin")
