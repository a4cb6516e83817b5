"""Issue 11: the payer's 835 read back. The sample file (tests/data/sunrise_remittance.835)
pays claim PMC-T-1 in full ($45), PMC-T-2 in part ($30 of $45: one unit cut, CO-151 with
remark N362) and denies PMC-T-3 (CO-197, no authorisation, remark N54)."""

from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_claims import MentoringClaimsCase
from .common_jobs import DailyJobCase


@tagged("post_install", "-at_install")
class TestRemittance(MentoringClaimsCase):
    def three_sent_claims(self):
        return self.sent_claims(["PMC-T-1", "PMC-T-2", "PMC-T-3"])

    def test_a_remittance_pays_in_full_in_part_and_lists_the_denial_with_its_reasons(self):
        invoices, claims = self.three_sent_claims()
        remittance = self.import_835()

        self.assertEqual(
            (remittance.name, remittance.payer_name, remittance.amount, str(remittance.payment_date)),
            ("EFT20261130042", "SUNRISE HEALTH PLAN", 75.0, "2026-11-30"),
        )
        # The invoices' payments are the whole deposit: nothing left to book, the remittance is done.
        self.assertEqual((remittance.state, remittance.amount_difference), ("done", 0.0))
        paid, partly, denied = claims
        self.assertEqual(
            [(c.state, c.amount_paid, c.payer_claim_number) for c in claims],
            [("paid", 45.0, "SUN-0001"), ("partly_paid", 30.0, "SUN-0002"), ("denied", 0.0, "SUN-0003")],
        )
        self.assertEqual(
            [(c.line_ids.remit_state, c.line_ids.amount_paid) for c in claims],
            [("paid", 45.0), ("partly_paid", 30.0), ("denied", 0.0)],
        )
        # The money is on the invoices, through Odoo's payments.
        self.assertIn(invoices[0].payment_state, ("paid", "in_payment"))
        self.assertEqual(invoices[0].amount_residual, 0.0)
        self.assertEqual((invoices[1].payment_state, invoices[1].amount_residual), ("partial", 15.0))
        self.assertEqual((invoices[2].payment_state, invoices[2].amount_residual), ("not_paid", 45.0))
        self.assertEqual(sorted(remittance.payment_ids.mapped("amount")), [30.0, 45.0])
        self.assertEqual(remittance.payment_ids.journal_id.type, "bank")

        # Finance's work list: the cut line and the denial, in plain words.
        action = self.env.ref("peer_mentoring.mentoring_remittance_line_action")
        to_work = (
            self.env["mentoring.remittance.line"]
            .with_user(self.finance_user)
            .search(
                [("needs_action", "=", True), ("done", "=", False), ("remittance_id", "=", remittance.id)]
            )
        )
        self.assertEqual(eval(action.domain), [("needs_action", "=", True)])  # noqa: S307
        self.assertEqual(to_work.claim_id, partly | denied)
        cut = to_work.filtered(lambda line: line.claim_id == partly)
        self.assertEqual((cut.result, cut.reason_codes, cut.paid), ("partly_paid", "CO-151 N362", 30.0))
        self.assertIn("more than it supports", cut.reason)
        self.assertIn("number of days or units is more than allowed", cut.reason)
        refusal = to_work.filtered(lambda line: line.claim_id == denied)
        self.assertEqual((refusal.result, refusal.reason_codes), ("denied", "CO-197 N54"))
        self.assertIn("There was no authorisation", refusal.reason)
        self.assertIn("does not match the authorisation", refusal.reason)
        self.assertEqual(remittance.to_work_count, 2)

        # Worked once finance says what was done.
        with self.assertRefused(UserError, "Say what was done"):
            refusal.action_done()
        refusal.note = "Authorisation number corrected, replacement sent"
        refusal.action_done()
        self.assertTrue(refusal.done)
        with self.assertRefused(UserError, "cannot be set directly"):
            cut.write({"done": True})
        with self.assertRefused(UserError, "imported already"):
            remittance.action_import()

    def test_a_file_that_is_not_a_valid_835_is_refused(self):
        broken = self.data_file("sunrise_remittance.835").replace(b"SE*30*", b"SE*29*")
        with self.assertRefused(UserError, "not a valid 835(.|\n)*SE count"):
            self.import_835(broken)

    def test_a_payment_for_an_unknown_claim_goes_to_the_work_list(self):
        self.deliver(10.0, 10.75, self.today - timedelta(days=5))
        claim = self.create_claims(self.invoice_services())
        self.set_claim_names(claim, ["PMC-T-1"])
        remittance = self.import_835()
        self.assertEqual(claim.state, "paid")
        unknown = remittance.line_ids.filtered(lambda line: line.result == "unmatched")
        self.assertEqual(unknown.mapped("claim_reference"), ["PMC-T-2", "PMC-T-3"])
        self.assertTrue(all(unknown.mapped("needs_action")))
        # The $30 paid for PMC-T-2 is in the deposit and on no invoice: booked apart, then done.
        self.assertEqual((remittance.state, remittance.amount_difference), ("to_settle", 30.0))
        account = self.env["account.account"].search([("account_type", "=", "liability_current")], limit=1)
        self.company.claim_adjustment_account_id = account
        remittance.action_book_difference()
        entry = remittance.settlement_move_id
        self.assertEqual(entry.line_ids.filtered(lambda aml: aml.account_id == account).balance, -30.0)
        outstanding = entry.line_ids - entry.line_ids.filtered(lambda aml: aml.account_id == account)
        self.assertEqual(outstanding.account_id, remittance.payment_ids.outstanding_account_id)
        self.assertEqual(sum(remittance.payment_ids.mapped("amount")) + outstanding.balance, 75.0)
        self.assertEqual(remittance.state, "done")


@tagged("post_install", "-at_install")
class TestTimelyFiling(MentoringClaimsCase, DailyJobCase):
    """The payer takes claims up to 30 days after the date of service; finance is reminded 7
    days before, and told plainly once it has passed."""

    def setUp(self):
        super().setUp()
        self.profile.timely_filing_days = 30
        self.company.write({"claim_filing_warning_days": 7, "claim_user_id": self.finance_user.id})

    def reminders(self, record):
        return record.activity_ids.filtered(
            lambda a: "timely" in (a.summary or "") or "filing" in (a.summary or "")
        )

    def test_unclaimed_and_unbilled_services_are_reminded_before_the_limit(self):
        day = self.today - timedelta(days=2)
        self.deliver(10.0, 10.75, day)
        invoice = self.invoice_services()
        self.deliver(12.0, 12.75, day + timedelta(days=1))  # delivered, not invoiced
        Claim = self.env["mentoring.claim"]
        with freeze_time(day + timedelta(days=22)):
            Claim._cron_timely_filing()
        self.assertFalse(self.reminders(invoice))
        with freeze_time(day + timedelta(days=24)):
            Claim._cron_timely_filing()
            Claim._cron_timely_filing()  # once only
        reminder = self.reminders(invoice)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.user_id, self.finance_user)
        self.assertEqual(reminder.date_deadline, day + timedelta(days=30))
        self.assertIn("not on any claim yet", str(reminder.note))
        unbilled = self.reminders(self.authorization)
        self.assertEqual(len(unbilled), 1)
        self.assertIn("not invoiced yet", str(unbilled.note))

        with freeze_time(day + timedelta(days=31)):
            Claim._cron_timely_filing()
            late = self.reminders(invoice).filtered(lambda a: a.summary.startswith("Past"))
            self.assertIn("reason 29", str(late.note))
            claim = self.create_claims(invoice)
            self.assertIn("Past the timely-filing limit", claim.filing_problem)
        self.assertEqual(claim.filing_deadline, day + timedelta(days=30))

    def test_the_job_works_in_batches_and_resumes_after_the_last_batch_committed(self):
        day = self.today - timedelta(days=3)
        self.deliver(10.0, 10.75, day)
        invoices = self.invoice_services()
        self.deliver(12.0, 12.75, day + timedelta(days=1))
        invoices |= self.invoice_services()
        self.deliver(14.0, 14.75, day + timedelta(days=2))  # delivered, not invoiced
        self.assertEqual(len(invoices), 2)

        def run_job():
            with freeze_time(day + timedelta(days=25)):
                self.env["mentoring.claim"]._cron_timely_filing()

        def reminded():
            self.env.invalidate_all()
            return {record: len(self.reminders(record)) for record in (*invoices, self.authorization)}

        done = self.assert_batched_and_resumable(run_job, invoices, reminded)
        self.assertEqual(set(done.values()), {1})

    def test_a_claimed_invoice_needs_no_reminder(self):
        day = self.today - timedelta(days=2)
        self.deliver(10.0, 10.75, day)
        invoice = self.invoice_services()
        claim = self.create_claims(invoice)
        with freeze_time(day + timedelta(days=25)):
            self.env["mentoring.claim"]._cron_timely_filing()
            self.assertFalse(claim.filing_problem)
        self.assertFalse(self.reminders(invoice))
