from odoo import fields, models
from odoo.exceptions import UserError


class MentoringRemittance(models.Model):
    """What the claims' payments did not book, booked by finance's button so that the books
    hold the bank deposit (BPR02): the provider-level adjustments (PLB) and the payments Odoo
    could not put on an invoice (no such claim, reversal, invoice already paid).

    The documented choice: one journal entry in the miscellaneous journal, on the bank
    journal's outstanding-receipts account (where the claims' payments wait for the bank
    statement) against the company's *payer adjustments* account, one line per PLB adjustment
    with its reason. The claims' payments plus this entry then equal the deposit, and the bank
    statement line matches them."""

    _inherit = "mentoring.remittance"

    def action_book_difference(self):
        self.ensure_one()
        self.env["mentoring.claim"]._check_finance()
        self.check_access("write")
        if self.state != "to_settle":
            raise UserError(self.env._("This remittance has no difference to book."))
        account = self.company_id.claim_adjustment_account_id
        if not account:
            raise UserError(
                self.env._(
                    "Choose the payer adjustments account in Settings → Invoicing → Mentoring claims "
                    "(Remittances), then book the difference."
                )
            )
        move = self.env["account.move"].create(self._prepare_settlement_move(account))
        move.action_post()
        self._write_checked({"settlement_move_id": move.id, "state": "done"})
        self.message_post(
            body=self.env._(
                "Difference of %(amount)s booked in %(move)s.",
                amount=f"{self.amount_difference:.2f}",
                move=move.name,
            )
        )
        return True

    def _prepare_settlement_move(self, account):
        partner = self.line_ids.claim_id.payer_id[:1].commercial_partner_id
        label = self.name or ""
        lines = []
        for adjustment in self.adjustment_ids:
            # A positive PLB amount is money the payer kept back: a cost (debit) to explain.
            lines.append(
                self._settlement_line(account, adjustment.amount, f"{label} PLB {adjustment.reason}", partner)
            )
        unregistered = self.claims_paid - self.amount_registered
        if not self.currency_id.is_zero(unregistered):
            lines.append(
                self._settlement_line(
                    account,
                    -unregistered,
                    self.env._(
                        "%(ref)s: claim payments not put on an invoice (see the denials to work)", ref=label
                    ),
                    partner,
                )
            )
        lines.append(
            self._settlement_line(
                self._outstanding_account(),
                self.amount_difference,
                self.env._("%(ref)s: difference from the claims' payments", ref=label),
                partner,
            )
        )
        return {
            "move_type": "entry",
            "journal_id": self._misc_journal().id,
            "company_id": self.company_id.id,
            "date": self.payment_date or fields.Date.context_today(self),
            "ref": self.env._("Remittance %(ref)s: provider-level adjustments", ref=label),
            "line_ids": [
                fields.Command.create(values) for values in lines if values["debit"] or values["credit"]
            ],
        }

    def _settlement_line(self, account, balance, label, partner):
        balance = self.currency_id.round(balance)
        return {
            "account_id": account.id,
            "name": label,
            "partner_id": partner.id,
            "debit": balance if balance > 0 else 0.0,
            "credit": -balance if balance < 0 else 0.0,
        }

    def _outstanding_account(self):
        """Where the claims' payments wait for the bank statement."""
        account = self.payment_ids[:1].outstanding_account_id
        account = account or self.journal_id.inbound_payment_method_line_ids[:1].payment_account_id
        return account or self.env["account.payment"].new(
            {"company_id": self.company_id.id, "journal_id": self.journal_id.id}
        )._get_outstanding_account("inbound")

    def _misc_journal(self):
        journal = self.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", self.company_id.id)], limit=1
        )
        if not journal:
            raise UserError(self.env._("The company has no miscellaneous journal to book the entry in."))
        return journal
