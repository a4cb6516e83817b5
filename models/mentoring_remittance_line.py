from odoo import fields, models
from odoo.exceptions import UserError

RESULTS = [
    ("paid", "Paid"),
    ("partly_paid", "Partly paid"),
    ("denied", "Denied"),
    ("reversed", "Reversed"),
    ("unmatched", "No such claim"),
]


class MentoringRemittanceLine(models.Model):
    """What the payer decided on one service line (or one claim): finance's work list holds
    the lines denied, cut or not matched, with the payer's reason codes in plain words, until
    finance marks them worked (corrected claim sent, written off, appealed)."""

    _name = "mentoring.remittance.line"
    _description = "Remittance Line"
    _inherit = ["mentoring.guard.mixin", "mail.activity.mixin"]
    _order = "done, id desc"
    _protected_fields = frozenset(
        {
            "remittance_id",
            "claim_id",
            "claim_line_id",
            "claim_reference",
            "date",
            "code_label",
            "charge",
            "paid",
            "result",
            "reason_codes",
            "reason",
            "needs_action",
            "done",
            "contractual_amount",
            "writeoff_move_id",
        }
    )

    remittance_id = fields.Many2one("mentoring.remittance", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="remittance_id.company_id", store=True)
    currency_id = fields.Many2one(related="remittance_id.currency_id")
    claim_id = fields.Many2one("mentoring.claim", index="btree_not_null")
    claim_line_id = fields.Many2one("mentoring.claim.line", "Service line")
    claim_reference = fields.Char("Claim number")
    move_id = fields.Many2one(related="claim_id.move_id", string="Invoice")
    patient_name = fields.Char(related="claim_id.patient_name", string="Person served")
    date = fields.Date("Date of service")
    code_label = fields.Char("Code")
    charge = fields.Monetary()
    paid = fields.Monetary()
    result = fields.Selection(RESULTS, "Payer's decision")
    reason_codes = fields.Char("Reason codes", help="Claim adjustment reason (CARC) and remark (RARC) codes.")
    reason = fields.Text("In plain words")
    needs_action = fields.Boolean(index=True)
    done = fields.Boolean("Worked", index=True)
    note = fields.Text("What was done")
    contractual_amount = fields.Monetary(
        "Contractual adjustment (CO-45)",
        help="The charge above the payer's fee schedule: the agency writes it off, the person does not owe it.",
    )
    writeoff_move_id = fields.Many2one("account.move", "Written off in", readonly=True, copy=False)

    def action_done(self):
        self.env["mentoring.claim"]._check_finance()
        if not all(line.note for line in self):
            raise UserError(
                self.env._("Say what was done (corrected claim, appeal, write-off) before marking it worked.")
            )
        self._write_checked({"done": True})

    def action_write_off_contractual(self):
        """CO-45 in one step: a journal entry moves the contractual adjustment from the payer's
        receivable to the company's contractual adjustments account, reconciled with the
        invoice (which is then paid as far as the payer owes it), and the line is worked."""
        self.env["mentoring.claim"]._check_finance()
        self.check_access("write")
        for line in self:
            line._write_off_contractual()
        return True

    def _write_off_contractual(self):
        self.ensure_one()
        invoice = self.move_id
        if self.done or self.writeoff_move_id:
            raise UserError(self.env._("This line was worked already."))
        if self.currency_id.is_zero(self.contractual_amount) or not invoice:
            raise UserError(self.env._("The payer gave no contractual adjustment (CO-45) on this line."))
        account = self.company_id.claim_contractual_account_id
        if not account:
            raise UserError(
                self.env._(
                    "Choose the contractual adjustments account in Settings → Invoicing → Mentoring "
                    "claims (Remittances), then write it off."
                )
            )
        receivable = invoice.line_ids.filtered(
            lambda aml: aml.account_id.account_type == "asset_receivable" and not aml.reconciled
        )
        amount = min(self.contractual_amount, invoice.amount_residual)
        if not receivable or invoice.currency_id.is_zero(amount) or amount < 0:
            raise UserError(
                self.env._(
                    "Invoice %(name)s owes nothing more: there is nothing to write off.", name=invoice.name
                )
            )
        label = self.env._(
            "CO-45 contractual adjustment, claim %(claim)s, remittance %(ref)s",
            claim=self.claim_reference,
            ref=self.remittance_id.name,
        )
        partner = invoice.commercial_partner_id
        entry = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": self.remittance_id._misc_journal().id,
                "company_id": self.company_id.id,
                "date": self.remittance_id.payment_date or fields.Date.context_today(self),
                "ref": label,
                "line_ids": [
                    fields.Command.create(
                        {"account_id": account.id, "partner_id": partner.id, "name": label, "debit": amount}
                    ),
                    fields.Command.create(
                        {
                            "account_id": receivable[0].account_id.id,
                            "partner_id": partner.id,
                            "name": label,
                            "credit": amount,
                        }
                    ),
                ],
            }
        )
        entry.action_post()
        (
            entry.line_ids.filtered(lambda aml: aml.account_id == receivable[0].account_id) | receivable[0]
        ).reconcile()
        note = self.env._(
            "Contractual adjustment (CO-45) of %(amount)s written off in %(entry)s.",
            amount=f"{amount:.2f}",
            entry=entry.name,
        )
        self._write_checked(
            {"writeoff_move_id": entry.id, "done": True, "note": "\n".join(filter(None, [self.note, note]))}
        )

    def action_open_claim(self):
        self.ensure_one()
        return self.claim_id._action_open()
