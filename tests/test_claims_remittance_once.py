"""Issue 15: money imported once, and in full. Real 835 files (tests/data, 005010X221A1):

- sunrise_remittance.835: trace EFT20261130042 of payer 1512345678, $75 = PMC-T-1 $45 paid,
  PMC-T-2 $30 of $45, PMC-T-3 denied.
- sunrise_remittance_plb.835: trace EFT20261215077, PMC-T-1 $45 paid, PMC-T-2 $40 of $45 (CO-45
  contractual $5), and the provider-level adjustments WO $20 kept back (overpayment recovered)
  and L6 $1.50 added (interest): the deposit is 45 + 40 - 20 + 1.50 = $66.50.
- sunrise_remittance_cut_short.835: the first file stopped in the middle of its claims."""

import base64

import psycopg2

from odoo import api
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from ..tools import x12
from .common_claims import MentoringClaimsCase

TRACE = "EFT20261130042"


@tagged("post_install", "-at_install")
class TestRemittanceOnce(MentoringClaimsCase):
    def books(self, invoices, claims):
        """What the import may change: invoices' residuals, claims' payments, payments made."""
        self.env.invalidate_all()
        return (
            invoices.mapped("amount_residual"),
            [(c.state, c.amount_paid, c.payer_claim_number) for c in claims],
            claims.line_ids.mapped("remit_state"),
            self.env["account.payment"].search_count([]),
            self.env["mentoring.remittance.line"].search_count([]),
        )

    def test_the_same_payment_imported_twice_is_refused_and_books_nothing(self):
        invoices, claims = self.sent_claims(["PMC-T-1", "PMC-T-2", "PMC-T-3"])
        first = self.import_835()
        self.assertEqual((first.name, first.payer_identifier, first.state), (TRACE, "1512345678", "done"))
        before = self.books(invoices, claims)
        self.assertEqual(before[0], [0.0, 15.0, 45.0])

        second = self.new_remittance(self.data_file("sunrise_remittance.835"))
        with self.assertRefused(UserError, f"imported already.*trace number {TRACE}.*Nothing was booked"):
            second.action_import()
        self.assertEqual(self.books(invoices, claims), before)
        self.assertEqual(
            (second.state, second.name, second.line_ids), ("draft", False, second.line_ids.browse())
        )

        # Two imports at once each pass the check in their own snapshot: the unique index on
        # (company, payer, trace) is what refuses the second one.
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
            second.sudo().write({"name": TRACE, "payer_identifier": "1512345678"})
            self.env.flush_all()

    def test_two_imports_at_the_same_moment_book_the_payment_once(self):
        """Two transactions, as two finance clerks pressing Import at once: the second waits on
        the unique index and fails when the first commits. (Claims of the test transaction are
        invisible to these cursors: the payments go to the work list, and nothing is kept.)"""
        content = self.data_file("sunrise_remittance.835")
        created = []
        try:
            with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
                # The test's own users are not committed: the agency's administrator imports.
                admin = self.env.ref("base.user_admin").id
                env_a, env_b = api.Environment(cr_a, admin, {}), api.Environment(cr_b, admin, {})
                for cr in (cr_a, cr_b):
                    cr.execute("SET lock_timeout = '30s'")
                clerk_a = env_a["mentoring.remittance"].browse(self.new_remittance_in(env_a, content))
                clerk_b = env_b["mentoring.remittance"].browse(self.new_remittance_in(env_b, content))
                created = [clerk_a.id, clerk_b.id]
                cr_b.execute("SELECT 1")  # clerk B's transaction (and snapshot) starts before A commits
                clerk_a.action_import()
                cr_a.commit()
                with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
                    clerk_b.action_import()
                cr_b.rollback()
                env_b.invalidate_all()
                self.assertEqual(clerk_b.sudo().state, "draft")
                self.assertEqual(env_b["mentoring.remittance"].sudo().search_count([("name", "=", TRACE)]), 1)
        finally:
            with self.registry.cursor() as cr:
                cr.execute(
                    "DELETE FROM mail_message WHERE model = 'mentoring.remittance' AND res_id = ANY(%s)",
                    [created],
                )
                cr.execute(
                    "DELETE FROM ir_attachment WHERE res_model = 'mentoring.remittance' AND res_id = ANY(%s)",
                    [created],
                )
                cr.execute("DELETE FROM mentoring_remittance WHERE id = ANY(%s)", [created])

    @staticmethod
    def new_remittance_in(env, content):
        remittance = env["mentoring.remittance"].create(
            {"file": base64.b64encode(content), "file_name": "a.835"}
        )
        env.cr.commit()  # the row exists for both; the import is what races
        return remittance.id

    def test_a_file_cut_short_is_refused_before_anything_is_booked(self):
        invoices, claims = self.sent_claims(["PMC-T-1", "PMC-T-2", "PMC-T-3"])
        before = self.books(invoices, claims)
        cut = self.new_remittance(self.data_file("sunrise_remittance_cut_short.835"))
        with self.assertRefused(UserError, "cut short: nothing was booked(.|\n)*Transaction Set Trailer"):
            cut.action_import()
        self.assertEqual(self.books(invoices, claims), before)
        self.assertEqual((cut.state, cut.amount, cut.name), ("draft", 0.0, False))

        # Trailers mended by hand after a claim was lost: pyx12 passes it, the balance does not.
        whole = self.data_file("sunrise_remittance.835").decode()
        start, end = whole.index("CLP*PMC-T-2"), whole.index("CLP*PMC-T-3")
        mended = (whole[:start] + whole[end:]).replace("SE*30*", "SE*23*")
        self.assertEqual(x12.validation_errors(mended), [])
        with self.assertRefused(UserError, r"does not add up: the payment is 75.00 but .* make 45.00"):
            self.new_remittance(mended.encode()).action_import()
        self.assertEqual(self.books(invoices, claims), before)

    def test_a_failure_half_way_books_nothing(self):
        """The import's last step fails (here: an invoice that cannot take a payment): the
        payments already registered on the first invoices are rolled back with it."""
        invoices, claims = self.sent_claims(["PMC-T-1", "PMC-T-2", "PMC-T-3"])
        before = self.books(invoices, claims)
        remittance = self.new_remittance(self.data_file("sunrise_remittance.835"))
        original = type(remittance)._register_payment
        calls = []

        def fail_on_second(record, invoice, paid):
            calls.append(invoice.name)
            if len(calls) == 2:
                # A failure the test makes up; no user reads it.
                raise UserError("the bank journal broke")  # pylint: disable=translation-required
            return original(record, invoice, paid)

        self.patch(type(remittance), "_register_payment", fail_on_second)
        with self.assertRefused(UserError, "bank journal broke"):
            remittance.action_import()
        self.assertEqual(calls, invoices[:2].mapped("name"))
        self.assertEqual(self.books(invoices, claims), before)
        self.assertEqual((remittance.state, remittance.name), ("draft", False))

    # PLB and CO-45 -------------------------------------------------------------------------------

    def accounts(self):
        Account = self.env["account.account"]
        company = [("company_ids", "in", self.company.id)]
        return (
            Account.search([*company, ("account_type", "=", "expense")], limit=1),
            Account.search([*company, ("account_type", "=", "income_other")], limit=1)
            or Account.search([*company, ("account_type", "=", "income")], limit=1),
        )

    def test_provider_level_adjustments_are_booked_so_the_books_hold_the_deposit(self):
        invoices, claims = self.sent_claims(["PMC-T-1", "PMC-T-2"])
        remittance = self.import_835(self.data_file("sunrise_remittance_plb.835"))

        self.assertEqual(
            [(a.code, a.reference, a.amount) for a in remittance.adjustment_ids],
            [("WO", "SUN-0001", 20.0), ("L6", "", -1.5)],
        )
        self.assertIn("Overpayment recovery", remittance.adjustment_ids[0].reason)
        self.assertEqual(
            (
                remittance.amount,
                remittance.claims_paid,
                remittance.amount_registered,
                remittance.amount_difference,
            ),
            (66.5, 85.0, 85.0, 66.5 - 85.0),
        )
        self.assertEqual(remittance.state, "to_settle", "not done while the deposit differs from the books")
        self.assertEqual(invoices.mapped("amount_residual"), [0.0, 5.0])

        with self.assertRefused(UserError, "Choose the payer adjustments account in Settings"):
            remittance.action_book_difference()
        adjustments_account, contractual_account = self.accounts()
        self.company.write(
            {
                "claim_adjustment_account_id": adjustments_account.id,
                "claim_contractual_account_id": contractual_account.id,
            }
        )
        remittance.action_book_difference()
        entry = remittance.settlement_move_id
        self.assertEqual((remittance.state, entry.state), ("done", "posted"))
        on_adjustments = entry.line_ids.filtered(lambda aml: aml.account_id == adjustments_account)
        self.assertEqual(sorted(on_adjustments.mapped("balance")), [-1.5, 20.0])
        outstanding = remittance.payment_ids.outstanding_account_id
        self.assertEqual(len(outstanding), 1)
        booked = self.env["account.move.line"].search(
            [
                ("move_id", "in", (remittance.payment_ids.move_id | entry).ids),
                ("account_id", "=", outstanding.id),
            ]
        )
        self.assertAlmostEqual(sum(booked.mapped("balance")), 66.5, msg="what is booked is the deposit")
        with self.assertRefused(UserError, "no difference to book"):
            remittance.action_book_difference()

        # CO-45 from the denials list, in one step.
        to_work = (
            self.env["mentoring.remittance.line"]
            .with_user(self.finance_user)
            .search([("needs_action", "=", True), ("done", "=", False)])
        )
        contractual = to_work.filtered(lambda line: line.claim_id == claims[1])
        self.assertEqual((contractual.reason_codes, contractual.contractual_amount), ("CO-45", 5.0))
        contractual.action_write_off_contractual()
        self.assertTrue(contractual.done)
        self.assertIn("CO-45", contractual.note)
        writeoff = contractual.writeoff_move_id
        self.assertEqual(writeoff.state, "posted")
        self.assertEqual(
            writeoff.line_ids.filtered(lambda aml: aml.account_id == contractual_account).balance, 5.0
        )
        self.assertEqual(invoices[1].amount_residual, 0.0)
        self.assertIn(invoices[1].payment_state, ("paid", "in_payment"))
        with self.assertRefused(UserError, "worked already"):
            contractual.action_write_off_contractual()

    def test_contractual_write_off_needs_its_account_and_a_co45(self):
        _invoices, claims = self.sent_claims(["PMC-T-1", "PMC-T-2"])
        remittance = self.import_835(self.data_file("sunrise_remittance_plb.835"))
        contractual = remittance.line_ids.filtered(lambda line: line.claim_id == claims[1])
        with self.assertRefused(UserError, "contractual adjustments account in Settings"):
            contractual.action_write_off_contractual()
        paid = remittance.line_ids.filtered(lambda line: line.claim_id == claims[0])
        with self.assertRefused(UserError, "no contractual adjustment"):
            paid.action_write_off_contractual()
        with self.assertRefused(UserError, "Invoicing role"):
            contractual.with_user(self.coordinator_user).action_write_off_contractual()

    # Kept as the payer sent it -----------------------------------------------------------------

    def test_finance_cannot_change_an_imported_remittance(self):
        invoices, claims = self.sent_claims(["PMC-T-1", "PMC-T-2", "PMC-T-3"])
        remittance = self.import_835()
        other_journal = self.env["account.journal"].search(
            [("type", "in", ("bank", "cash")), ("id", "!=", remittance.journal_id.id)], limit=1
        )
        for vals in (
            {"amount": 750.0},
            {"payer_name": "ANOTHER PLAN"},
            {"payment_date": "2026-01-01"},
            {"name": "OTHER-TRACE"},
            {"payer_identifier": "1999999999"},
            {"state": "draft"},
            {"claims_paid": 0.0},
            {"line_ids": [(5, 0, 0)]},
            {"payment_ids": [(5, 0, 0)]},
        ):
            with self.assertRefused(UserError, "cannot be set directly"):
                remittance.write(vals)
        for vals in ({"file": b"SVNB", "file_name": "x.835"}, {"journal_id": other_journal.id}):
            with self.assertRefused(UserError, "kept as the payer sent it"):
                remittance.write(vals)
        with self.assertRefused(AccessError, "not allowed to delete"):
            remittance.unlink()
        with self.assertRefused(UserError, "imported remittance is kept"):
            remittance.sudo().unlink()
        line = remittance.line_ids[:1]
        with self.assertRefused(UserError, "cannot be set directly"):
            line.write({"paid": 0.0, "result": "denied"})
        self.assertEqual(
            (remittance.amount, remittance.state, remittance.payer_name),
            (75.0, "done", "SUNRISE HEALTH PLAN"),
        )
        # Nor can a draft be given the payer's values by hand: only Import reads them.
        draft = self.new_remittance(self.data_file("sunrise_remittance_plb.835"))
        with self.assertRefused(UserError, "cannot be set directly"):
            draft.write({"name": "EFT20261215077", "amount": 1.0})
        with self.assertRefused(UserError, "cannot be set directly"):
            self.env["mentoring.remittance"].with_user(self.finance_user).create(
                {"file": b"SVNB", "state": "done", "amount": 5.0}
            )


@tagged("post_install", "-at_install")
class TestRemittanceOverHttp(HttpCase, MentoringClaimsCase):
    def test_finance_cannot_change_an_imported_remittance_over_rpc(self):
        self.sent_claims(["PMC-T-1", "PMC-T-2", "PMC-T-3"])
        remittance = self.import_835()
        self.authenticate(self.finance_user.login, self.finance_user.login)

        def call(method, args):
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": "mentoring.remittance", "method": method, "args": args, "kwargs": {}},
            )

        for vals in ({"amount": 750.0, "payer_name": "ANOTHER PLAN"}, {"state": "draft"}):
            with self.assertRaises(JsonRpcException, msg=str(vals)):
                call("write", [[remittance.id], vals])
        with self.assertRaises(JsonRpcException):
            call("action_import", [[remittance.id]])
        self.env.invalidate_all()
        self.assertEqual(
            (remittance.amount, remittance.payer_name, remittance.state),
            (75.0, "SUNRISE HEALTH PLAN", "done"),
        )
        # What finance may do goes through the same endpoint: its note on a line of the work list.
        line = remittance.line_ids.filtered("needs_action")[:1]
        self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": "mentoring.remittance.line",
                "method": "write",
                "args": [[line.id], {"note": "Appeal sent"}],
                "kwargs": {},
            },
        )
        self.env.invalidate_all()
        self.assertEqual(line.note, "Appeal sent")
