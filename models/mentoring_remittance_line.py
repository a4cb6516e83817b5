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
        }
    )

    remittance_id = fields.Many2one("mentoring.remittance", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="remittance_id.company_id", store=True)
    currency_id = fields.Many2one(related="remittance_id.currency_id")
    claim_id = fields.Many2one("mentoring.claim", "Claim", index="btree_not_null")
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

    def action_done(self):
        self.env["mentoring.claim"]._check_finance()
        if not all(line.note for line in self):
            raise UserError(
                self.env._("Say what was done (corrected claim, appeal, write-off) before marking it worked.")
            )
        self._write_checked({"done": True})

    def action_open_claim(self):
        self.ensure_one()
        return self.claim_id._action_open()
