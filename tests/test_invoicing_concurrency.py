"""Finance invoices the same delivered units twice at the same moment (two clerks, or a clerk
and a scheduled run): two transactions, each in its own REPEATABLE READ snapshot, in which the
other's invoice does not exist yet. Money moves once: the second request fails in the way Odoo
retries, and the retry finds nothing left to invoice."""

from psycopg2 import OperationalError

from odoo import api
from odoo.exceptions import UserError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_concurrency import CommittedRecordsCase, create_billed_mentee


@tagged("post_install", "-at_install")
class TestInvoicingUnderConcurrency(CommittedRecordsCase):
    """Two one-hour meetings confirmed and billed (8 quarter-hour units at 15.00)."""

    def _commit_fixture(self, env):
        ids = create_billed_mentee(env, units_authorized=100)
        env["mentoring.encounter"].browse(ids["encounters"]).action_confirm()
        return ids

    def _invoices(self, env):
        env.invalidate_all()
        authorization = env["mentoring.authorization"].browse(self.committed["authorization"])
        return authorization.invoice_ids

    def test_invoicing_the_same_units_twice_at_once_invoices_them_once(self):
        admin = self.env.ref("base.user_admin").id  # finance's rights; the test's users are not committed
        env1, env2 = self.in_two_transactions()
        env1, env2 = env1(user=admin), env2(user=admin)
        clerk_b = env2["mentoring.authorization"].browse(self.committed["authorization"])
        self.assertEqual(clerk_b.units_to_invoice, 8.0, "clerk B's request has begun: 8 units to invoice")
        env1["mentoring.authorization"].browse(self.committed["authorization"])._create_invoices()
        env1.flush_all()
        env1.cr.commit()
        with self.assertRaises(OperationalError) as refused, mute_logger("odoo.sql_db"):
            clerk_b._create_invoices()
            env2.flush_all()
        env2.cr.rollback()
        self.assertIsInstance(refused.exception, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY, "Odoo retries it")
        # Odoo's retry of clerk B's request sees clerk A's invoice.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, admin, {})
            with self.assertRaisesRegex(UserError, "Nothing is left to invoice on authorisation AUTH-CONC"):
                env["mentoring.authorization"].browse(self.committed["authorization"])._create_invoices()
            invoices = self._invoices(env)
            self.assertEqual(len(invoices), 1)
            self.assertEqual(invoices.invoice_line_ids.mapped("quantity"), [8.0])
            self.assertAlmostEqual(invoices.amount_untaxed, 120.0, msg="8 units at 15.00")
