import base64
from datetime import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import x12
from ..tools.claim_codes import reason_in_words

# CLP02: how the payer processed the claim.
DENIED_STATUSES = {"4"}
REVERSAL_STATUSES = {"22"}


class MentoringRemittance(models.Model):
    """A payer's remittance advice (835) read back into Odoo: each claim payment is matched
    to its claim and its lines, the money is registered on the claim's invoice, and what the
    payer denied or cut goes to finance's work list with its reasons in plain words."""

    _name = "mentoring.remittance"
    _description = "Remittance Advice (835)"
    _inherit = ["mentoring.guard.mixin", "mail.thread"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char("Payment reference", readonly=True, help="The check or EFT trace number (TRN02).")
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
        [("draft", "To import"), ("done", "Imported")], default="draft", readonly=True, tracking=True
    )
    payer_name = fields.Char("Payer", readonly=True)
    payment_date = fields.Date(readonly=True)
    amount = fields.Monetary("Amount paid", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.One2many("mentoring.remittance.line", "remittance_id", "Claim payments", readonly=True)
    payment_ids = fields.Many2many("account.payment", string="Payments", readonly=True, copy=False)
    to_work_count = fields.Integer("To work", compute="_compute_to_work_count")

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

    def write(self, vals):
        if (
            not self.env.su
            and any(r.state == "done" for r in self)
            and {"file", "journal_id", "company_id"} & set(vals)
        ):
            raise UserError(self.env._("An imported remittance is kept as the payer sent it."))
        return super().write(vals)

    def action_import(self):
        self.ensure_one()
        self.env["mentoring.claim"]._check_finance()
        self.check_access("write")
        if self.state != "draft":
            raise UserError(self.env._("This remittance was imported already."))
        text = base64.b64decode(self.file).decode("ascii", errors="replace")
        errors = x12.validation_errors(text)
        if errors:
            raise UserError(
                self.env._(
                    "This is not a valid 835 remittance file (pyx12):\n%(errors)s",
                    errors="\n".join(errors[:10]),
                )
            )
        header, payments = _read_835(text)
        if not payments:
            raise UserError(self.env._("The file pays no claim."))
        if not self.journal_id:
            raise UserError(self.env._("Choose the bank journal the payment arrives in."))
        self.sudo().write(
            {
                "name": header.get("trace"),
                "payer_name": header.get("payer"),
                "payment_date": header.get("date"),
                "amount": header.get("amount", 0.0),
            }
        )
        for payment in payments:
            self._apply_claim_payment(payment)
        self.sudo().write({"state": "done"})
        return True

    def _apply_claim_payment(self, payment):
        Claim = self.env["mentoring.claim"]
        claim = Claim.search(
            [("name", "=", payment["claim"]), ("company_id", "=", self.company_id.id)], limit=1
        )
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
            return
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
            return
        result = _result(payment["charge"], payment["paid"], payment["status"])
        claim_reasons = [reason_in_words(*adjustment) for adjustment in payment["adjustments"]]
        services = payment["services"]
        values = []
        for service in services:
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
        if payment["paid"] > 0:
            self._register_payment(claim, payment["paid"])

    def _register_payment(self, claim, paid):
        """The payer's money on the claim's invoice, through Odoo's own payment wizard: a part
        payment leaves the rest of the invoice open for finance to work."""
        move = claim.move_id
        if move.payment_state in ("paid", "in_payment") or move.state != "posted":
            return
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=move.ids)
            .create(
                {
                    "amount": paid,
                    "payment_date": self.payment_date or fields.Date.context_today(self),
                    "journal_id": self.journal_id.id,
                    "communication": f"{self.name or ''} {claim.name}".strip(),
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


def _float(value):
    try:
        return float(value or 0)
    except ValueError:
        return 0.0


def _date(value):
    return datetime.strptime(value, "%Y%m%d").date() if value else False


def _read_835(text):
    """The header (payment amount, date, trace number, payer) and the claim payments of an
    835, each with its claim-level adjustments and its service lines."""
    header, payments = {}, []
    payment = service = None
    for segment_id, elements in x12.segments(text):
        element = lambda n, e=elements: e[n - 1] if len(e) >= n else ""  # noqa: E731
        if segment_id == "BPR":
            header.update(amount=_float(element(2)), date=_date(element(16)))
        elif segment_id == "TRN":
            header["trace"] = element(2)
        elif segment_id == "N1" and element(1) == "PR":
            header["payer"] = element(2)
        elif segment_id == "CLP":
            payment = {
                "claim": element(1),
                "status": element(2),
                "charge": _float(element(3)),
                "paid": _float(element(4)),
                "patient": _float(element(5)),
                "payer_number": element(7),
                "adjustments": [],
                "services": [],
            }
            payments.append(payment)
            service = None
        elif segment_id == "SVC" and payment is not None:
            code = x12.components(element(1))
            service = {
                "code": code[1] if len(code) > 1 else "",
                "charge": _float(element(2)),
                "paid": _float(element(3)),
                "date": False,
                "reference": "",
                "adjustments": [],
            }
            payment["services"].append(service)
        elif segment_id == "DTM" and service is not None and element(1) == "472":
            service["date"] = _date(element(2))
        elif segment_id == "REF" and service is not None and element(1) == "6R":
            service["reference"] = element(2)
        elif segment_id == "CAS" and payment is not None:
            target = service if service is not None else payment
            for index in range(2, len(elements), 3):
                if element(index):
                    target["adjustments"].append((element(1), element(index), []))
        elif segment_id == "LQ" and service is not None and element(1) == "HE" and service["adjustments"]:
            service["adjustments"][-1][2].append(element(2))
        elif segment_id == "MOA" and payment is not None and payment["adjustments"]:
            payment["adjustments"][-1][2].extend(code for code in elements[2:7] if code)
    return header, payments
