import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import x12, x12_835
from ..tools.claim_codes import provider_adjustment_in_words, reason_in_words

# CLP02: how the payer processed the claim.
DENIED_STATUSES = {"4"}
REVERSAL_STATUSES = {"22"}


class MentoringRemittance(models.Model):
    """A payer's remittance advice (835) read back into Odoo: each claim payment is matched
    to its claim and its lines, the money is registered on the claims' invoices (one payment per
    invoice), and what the payer denied or cut goes to finance's work list with its reasons in plain words.

    A payment is imported once: the payer's identifier and trace number (TRN03, TRN02) name it,
    and a unique index refuses the second import even when two arrive at the same moment. What
    was imported stays as the payer sent it: only the buttons change a remittance."""

    _name = "mentoring.remittance"
    _description = "Remittance Advice (835)"
    _inherit = ["mentoring.guard.mixin", "mail.thread"]
    _order = "id desc"
    _check_company_auto = True
    # What the file says and what importing it booked: written by the buttons only.
    _protected_fields = frozenset(
        {
            "name",
            "payer_identifier",
            "payer_name",
            "payment_date",
            "amount",
            "claims_paid",
            "state",
            "line_ids",
            "adjustment_ids",
            "payment_ids",
            "settlement_move_id",
        }
    )

    name = fields.Char(
        "Payment reference", readonly=True, copy=False, help="The check or EFT trace number (TRN02)."
    )
    payer_identifier = fields.Char(
        "Payer's identifier",
        readonly=True,
        copy=False,
        help="TRN03: the payer's own identifier (1 and its tax ID). With the trace number it names "
        "the payment: the same payment is imported once.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    file = fields.Binary("835 file", required=True, attachment=True)
    file_name = fields.Char()
    journal_id = fields.Many2one(
        "account.journal",
        "Bank journal",
        check_company=True,
        domain=[("type", "=", "bank")],
        default=lambda self: self._default_journal(),
        help="Where the payer's payment arrives.",
    )
    state = fields.Selection(
        [("draft", "To import"), ("to_settle", "Difference to book"), ("done", "Imported")],
        default="draft",
        readonly=True,
        tracking=True,
        help="Difference to book: the deposit differs from what the claims' payments booked "
        "(provider-level adjustments, money for claims not in Odoo); book it to finish.",
    )
    payer_name = fields.Char("Payer", readonly=True)
    payment_date = fields.Date(readonly=True)
    amount = fields.Monetary("Amount paid", readonly=True, help="The deposit (BPR02).")
    claims_paid = fields.Monetary(
        "Paid on the claims", readonly=True, help="The sum of the claim payments (CLP04)."
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.One2many("mentoring.remittance.line", "remittance_id", "Claim payments", readonly=True)
    adjustment_ids = fields.One2many(
        "mentoring.remittance.adjustment", "remittance_id", "Provider-level adjustments", readonly=True
    )
    payment_ids = fields.Many2many("account.payment", string="Payments", readonly=True, copy=False)
    amount_registered = fields.Monetary(
        "Registered on invoices",
        compute="_compute_amount_registered",
        help="The payments booked on the invoices.",
    )
    amount_difference = fields.Monetary(
        "Difference to book",
        compute="_compute_amount_registered",
        help="The deposit less what was registered on invoices: provider-level adjustments and "
        "payments for claims Odoo could not pay (not found, reversed, invoice already paid).",
    )
    settlement_move_id = fields.Many2one(
        "account.move", "Difference booked in", readonly=True, copy=False, check_company=True
    )
    to_work_count = fields.Integer("To work", compute="_compute_to_work_count")

    # Two imports of one payment, even at the same moment: the second transaction waits on the
    # index and fails when the first commits.
    _trace_unique = models.Constraint(
        "UNIQUE(company_id, payer_identifier, name)",
        "This payment (the payer's trace number) was imported already: a payment is imported once.",
    )

    @api.model
    def _default_journal(self):
        return self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.env.company.id)], limit=1
        )

    @api.depends("line_ids.needs_action", "line_ids.done")
    def _compute_to_work_count(self):
        for remittance in self:
            remittance.to_work_count = len(
                remittance.line_ids.filtered(lambda line: line.needs_action and not line.done)
            )

    @api.depends("amount", "payment_ids.amount", "state")
    def _compute_amount_registered(self):
        for remittance in self:
            registered = sum(remittance.payment_ids.mapped("amount"))
            remittance.amount_registered = registered
            remittance.amount_difference = (
                remittance.amount - registered if remittance.state != "draft" else 0.0
            )

    def write(self, vals):
        if (
            not self.env.su
            and any(r.state != "draft" for r in self)
            and {"file", "file_name", "journal_id", "company_id"} & set(vals)
        ):
            raise UserError(self.env._("An imported remittance is kept as the payer sent it."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(r.state != "draft" for r in self):
            raise UserError(
                self.env._(
                    "An imported remittance is kept: its payments are booked. Only a file not imported yet is deleted."
                )
            )

    # Import -------------------------------------------------------------------------------------

    def action_import(self):
        """Read the file, refuse it whole if anything is wrong, then book it whole: every write
        happens in one savepoint after every check passed."""
        self.ensure_one()
        self.env["mentoring.claim"]._check_finance()
        self.check_access("write")
        if self.state != "draft":
            raise UserError(self.env._("This remittance was imported already."))
        if not self.journal_id:
            raise UserError(self.env._("Choose the bank journal the payment arrives in."))
        remittance = self._read_file()
        header = remittance["header"]
        with self.env.cr.savepoint():
            # The trace first, flushed: a second import of the payment stops here, before any booking.
            self.sudo().write(
                {
                    "name": header["trace"],
                    "payer_identifier": header["payer_identifier"],
                    "payer_name": header.get("payer"),
                    "payment_date": header.get("date"),
                    "amount": header.get("amount", 0.0),
                    "claims_paid": sum(p["paid"] for p in remittance["payments"]),
                }
            )
            self.env.flush_all()
            claims = self._claims_named([payment["claim"] for payment in remittance["payments"]])
            paid_by_invoice = {}
            for payment in remittance["payments"]:
                claim = self._apply_claim_payment(payment, claims.get(payment["claim"]))
                if claim and payment["paid"] > 0:
                    paid_by_invoice[claim.move_id] = paid_by_invoice.get(claim.move_id, 0.0) + payment["paid"]
            # One payment per invoice, reconciled once: a payment per claim against the same
            # invoice would grow with the square of its claims.
            for move, paid in paid_by_invoice.items():
                self._register_payment(move, paid)
            self._create_provider_adjustments(remittance["adjustments"])
            self.env.flush_all()
            # Booked in full by the invoices' payments, or a difference for finance to book.
            registered = sum(self.payment_ids.mapped("amount"))
            settled = not self.adjustment_ids and self.currency_id.is_zero(self.claims_paid - registered)
            self.sudo().write({"state": "done" if settled else "to_settle"})
        return True

    def _read_file(self):
        """The 835's values, or a refusal in plain words: not an 835, cut short, not balanced,
        imported before."""
        text = base64.b64decode(self.file or b"").decode("ascii", errors="replace")
        errors = x12.validation_errors(text)
        if errors:
            raise UserError(
                self.env._(
                    "This is not a valid 835 remittance file (pyx12), or it is cut short: nothing was "
                    "booked. Ask the payer or clearinghouse for the whole file.\n%(errors)s",
                    errors="\n".join(errors[:10]),
                )
            )
        remittance = x12_835.read_835(text)
        header = remittance["header"]
        if not remittance["payments"] and not remittance["adjustments"]:
            raise UserError(self.env._("The file pays no claim."))
        problem = x12_835.balance_problem(remittance)
        if problem:
            raise UserError(
                self.env._(
                    "This 835 does not add up: %(problem)s. Nothing was booked: ask the payer for the "
                    "file as it was sent.",
                    problem=problem,
                )
            )
        if not header.get("trace") or not header.get("payer_identifier"):
            raise UserError(self.env._("The file has no payer trace number (TRN): nothing was booked."))
        earlier = self.sudo().search(
            [
                ("company_id", "=", self.company_id.id),
                ("payer_identifier", "=", header["payer_identifier"]),
                ("name", "=", header["trace"]),
                ("id", "!=", self.id),
            ],
            limit=1,
        )
        if earlier:
            raise UserError(
                self.env._(
                    "This payment was imported already: %(payer)s's trace number %(trace)s is on the "
                    "remittance imported on %(date)s. Nothing was booked again.",
                    payer=header.get("payer") or header["payer_identifier"],
                    trace=header["trace"],
                    date=fields.Date.to_string(earlier.create_date.date()),
                )
            )
        return remittance

    def _create_provider_adjustments(self, adjustments):
        self.env["mentoring.remittance.adjustment"].sudo().create(
            [
                {
                    "remittance_id": self.id,
                    "provider_identifier": adjustment["provider"],
                    "date": adjustment["date"],
                    "code": adjustment["code"],
                    "reference": adjustment["reference"],
                    "amount": adjustment["amount"],
                    "reason": provider_adjustment_in_words(adjustment["code"], adjustment["reference"]),
                }
                for adjustment in adjustments
            ]
        )

    def _claims_named(self, names):
        """The company's claims by number, read in one query (the first of a number, as before)."""
        claims = self.env["mentoring.claim"].search(
            [("name", "in", list(set(names))), ("company_id", "=", self.company_id.id)]
        )
        by_name = {}
        for claim in claims:
            by_name.setdefault(claim.name, claim)
        return by_name

    def _apply_claim_payment(self, payment, claim):
        """Book one claim payment's lines and the claim's state; the claim when its money goes
        on its invoice (registered per invoice by the caller), else nothing."""
        Line = self.env["mentoring.remittance.line"].sudo()
        if not claim:
            Line.create(
                {
                    "remittance_id": self.id,
                    "claim_reference": payment["claim"],
                    "charge": payment["charge"],
                    "paid": payment["paid"],
                    "result": "unmatched",
                    "reason": self.env._(
                        "No claim %(ref)s in Odoo: check the claim number with the payer.",
                        ref=payment["claim"],
                    ),
                    "needs_action": True,
                }
            )
            return None
        if payment["status"] in REVERSAL_STATUSES:
            Line.create(
                {
                    "remittance_id": self.id,
                    "claim_id": claim.id,
                    "claim_reference": payment["claim"],
                    "charge": payment["charge"],
                    "paid": payment["paid"],
                    "result": "reversed",
                    "reason": self.env._("The payer reversed its earlier payment of this claim."),
                    "needs_action": True,
                }
            )
            return None
        result = _result(payment["charge"], payment["paid"], payment["status"])
        claim_reasons = [reason_in_words(*adjustment) for adjustment in payment["adjustments"]]
        services = payment["services"]
        values = []
        for index, service in enumerate(services):
            line = claim.line_ids.filtered(
                lambda cl, ref=service["reference"]: ref and cl.line_reference == ref
            )[:1]
            if not line:
                line = claim.line_ids.filtered(
                    lambda cl, s=service: (
                        cl.date == s["date"] and cl.procedure_code == s["code"] and not cl.remit_state
                    )
                )[:1]
            reasons = [reason_in_words(*adjustment) for adjustment in service["adjustments"]]
            service_result = _result(service["charge"], service["paid"], "")
            line.sudo().write(
                {
                    "remit_state": service_result,
                    "amount_paid": service["paid"],
                    "remit_reason": "\n".join(reasons),
                }
            )
            # A claim-level CO-45 goes with the claim's first line: written off once.
            contractual = service["contractual"] + (payment["contractual"] if index == 0 else 0.0)
            values.append(
                {
                    "remittance_id": self.id,
                    "claim_id": claim.id,
                    "claim_line_id": line.id,
                    "claim_reference": payment["claim"],
                    "date": service["date"] or line.date,
                    "code_label": line.code_label or service["code"],
                    "charge": service["charge"],
                    "paid": service["paid"],
                    "result": service_result,
                    "reason_codes": " ".join(_codes(service["adjustments"])),
                    "reason": "\n".join(reasons + claim_reasons),
                    "contractual_amount": contractual,
                    "needs_action": service_result != "paid",
                }
            )
        if not services:
            values.append(
                {
                    "remittance_id": self.id,
                    "claim_id": claim.id,
                    "claim_reference": payment["claim"],
                    "date": claim.date_first_service,
                    "charge": payment["charge"],
                    "paid": payment["paid"],
                    "result": result,
                    "reason_codes": " ".join(_codes(payment["adjustments"])),
                    "reason": "\n".join(claim_reasons),
                    "contractual_amount": payment["contractual"],
                    "needs_action": result != "paid",
                }
            )
        Line.create(values)
        claim.sudo().write(
            {
                "state": result,
                "amount_paid": claim.amount_paid + payment["paid"],
                "amount_patient": claim.amount_patient + payment["patient"],
                "payer_claim_number": payment["payer_number"] or claim.payer_claim_number,
            }
        )
        return claim

    def _register_payment(self, move, paid):
        """The payer's money for an invoice's claims, summed, on the invoice through Odoo's own
        payment wizard: one payment per invoice and remittance. A part payment leaves the rest of
        the invoice open for finance to work. Never more than the invoice still owes: the rest is
        part of the difference to book."""
        if not move or move.payment_state in ("paid", "in_payment") or move.state != "posted":
            return
        amount = min(paid, move.amount_residual)
        if move.currency_id.is_zero(amount) or amount < 0:
            return
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=move.ids)
            .create(
                {
                    "amount": amount,
                    "payment_date": self.payment_date or fields.Date.context_today(self),
                    "journal_id": self.journal_id.id,
                    "communication": f"{self.name or ''} {move.name}".strip(),
                    "payment_difference_handling": "open",
                }
            )
        )
        payments = wizard._create_payments()
        self.sudo().payment_ids = [fields.Command.link(p.id) for p in payments]


def _result(charge, paid, status):
    if status in DENIED_STATUSES or paid <= 0:
        return "denied"
    return "paid" if paid >= charge - 0.005 else "partly_paid"


def _codes(adjustments):
    codes = []
    for group, carc, rarcs in adjustments:
        codes.append(f"{group}-{carc}")
        codes += list(rarcs)
    return codes
