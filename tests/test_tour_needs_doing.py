from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import MentoringBillingCase
from .common_needs_doing import NeedsDoingFixtures


@tagged("post_install", "-at_install")
class TestNeedsDoingTour(HttpCase, NeedsDoingFixtures, MentoringBillingCase):
    """Issue 16.3: from login, the coordinator's Needs doing fits the screen (the test browser is
    1366 px wide) and its "Agreement to sign" card reaches the agreement to sign."""

    def test_coordinator_reaches_the_agreement_to_sign_from_needs_doing(self):
        # A card in each column: Lee's pair (agreement to sign; check-in overdue), an
        # authorisation ending soon, a meeting billing could not bill.
        quiet = self.create_quiet_pair()
        self.create_expiring_authorization()
        outside = self.billable_encounter(9.0, 9.5)
        self.authorization.write({"date_from": self.today})
        outside.action_confirm()
        self.assertFalse(quiet.agreement_ids)
        self.start_tour("/odoo", "peer_mentoring_needs_doing_tour", login=self.coordinator_user.login)
        agreement = quiet.agreement_ids
        self.assertEqual(len(agreement), 1)
        self.assertEqual((agreement.state, agreement.create_uid), ("draft", self.coordinator_user))

    def test_another_programmes_coordinator_cannot_open_the_card_over_rpc(self):
        quiet = self.create_quiet_pair()
        self.env.flush_all()
        card = self.env["mentoring.overview.item"].search(
            [("kind", "=", "agreement"), ("match_id", "=", quiet.id)]
        )
        self.assertTrue(card)
        self.authenticate(self.coordinator_b_user.login, self.coordinator_b_user.login)
        for method in ("action_open", "read"):
            with self.assertRaises(JsonRpcException, msg=method):
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw",
                    {"model": "mentoring.overview.item", "method": method, "args": [card.ids], "kwargs": {}},
                )
        self.assertFalse(quiet.agreement_ids)
