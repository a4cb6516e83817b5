from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..tools.claim_codes import split_codes
from .mentoring_billing_profile_claims import MAX_MODIFIERS

CLAIM_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("accepted", "Accepted"),
    ("paid", "Paid"),
    ("partly_paid", "Partly paid"),
    ("denied", "Denied"),
    ("cancelled", "Cancelled"),
]
# CLM05-3 / box 22: what the claim does to the payer's earlier claim.
FREQUENCIES = [("1", "Original"), ("7", "Replacement of a prior claim"), ("8", "Void of a prior claim")]
# Sent to the payer: what a replacement or a void may refer to.
SUBMITTED = ("sent", "accepted", "paid", "partly_paid", "denied")
DIAGNOSIS_LETTERS = "ABCDEFGHIJKL"


class MentoringClaim(models.Model):
    """A professional claim (CMS-1500 / 837P) for one person's services on one invoice.

    Built from a posted mentoring invoice by finance: the claim carries what the payer needs
    (member, diagnosis codes, authorisation, service lines with their codes, modifiers, units,
    place of service and rendering mentor) and nothing else of the person or the meetings.
    Finance reads it; the encounters and the mentee record stay out of finance's reach. What the
    claim copies is fixed at creation: a correction is a new claim (replacement or void)."""

    _name = "mentoring.claim"
    _description = "Mentoring Claim"
    _inherit = ["mentoring.guard.mixin", "mentoring.batched.tracking.mixin", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True
    # Only the payer's claim number is typed in (from the payer's acknowledgement); the rest
    # comes from the invoice and the mentoring records, and the status from the actions.
    _protected_fields = frozenset(
        {
            "name",
            "company_id",
            "move_id",
            "payer_id",
            "profile_id",
            "authorization_id",
            "prior_authorization",
            "member_id",
            "patient_name",
            "patient_birthdate",
            "patient_sex",
            "patient_street",
            "patient_city",
            "patient_state_code",
            "patient_zip",
            "diagnosis_codes",
            "frequency",
            "original_claim_id",
            "state",
            "date_sent",
            "batch_id",
            "line_ids",
            "amount_paid",
            "amount_patient",
        }
    )

    name = fields.Char("Claim number", readonly=True, copy=False, default="/")
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    move_id = fields.Many2one(
        "account.move", "Invoice", required=True, readonly=True, index=True, check_company=True
    )
    currency_id = fields.Many2one(related="move_id.currency_id")
    payer_id = fields.Many2one("res.partner", required=True, readonly=True)
    profile_id = fields.Many2one("mentoring.billing.profile", "Billing profile", readonly=True)
    authorization_id = fields.Many2one("mentoring.authorization", "Authorisation", readonly=True)
    prior_authorization = fields.Char("Prior authorisation number", readonly=True)
    # The person as the payer knows them: what boxes 1a–7 need, copied from the coverage.
    member_id = fields.Char("Member ID", readonly=True)
    patient_name = fields.Char("Person served", readonly=True)
    patient_birthdate = fields.Date("Date of birth", readonly=True)
    patient_street = fields.Char("Street", readonly=True)
    patient_city = fields.Char("City", readonly=True)
    patient_state_code = fields.Char("State code", readonly=True)
    patient_zip = fields.Char("ZIP", readonly=True)
    diagnosis_codes = fields.Char("Diagnosis codes (ICD-10)", readonly=True)
    frequency = fields.Selection(FREQUENCIES, "Claim frequency", required=True, default="1", readonly=True)
    original_claim_id = fields.Many2one(
        "mentoring.claim", "Replaces or voids", readonly=True, index="btree_not_null"
    )
    correction_ids = fields.One2many("mentoring.claim", "original_claim_id", "Corrections", readonly=True)
    payer_claim_number = fields.Char(
        "Payer's claim number",
        tracking=True,
        copy=False,
        help="The number the payer gave this claim (on its acknowledgement or remittance): a "
        "replacement or a void refers to it.",
    )
    state = fields.Selection(
        CLAIM_STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    date_sent = fields.Date(readonly=True, copy=False)
    batch_id = fields.Many2one("mentoring.claim.batch", "837P file", readonly=True, copy=False)
    line_ids = fields.One2many("mentoring.claim.line", "claim_id", "Service lines", readonly=True)
    amount_total = fields.Monetary("Total charge", compute="_compute_amounts", store=True)
    amount_paid = fields.Monetary("Paid", readonly=True, copy=False)
    amount_patient = fields.Monetary("Person's share", readonly=True, copy=False)
    date_first_service = fields.Date("First date of service", compute="_compute_amounts", store=True)
    filing_deadline = fields.Date(
        "Timely-filing deadline",
        compute="_compute_filing_deadline",
        store=True,
        help="Last day the payer accepts the claim.",
    )
    filing_problem = fields.Char("Timely filing", compute="_compute_filing_problem")
    remittance_line_ids = fields.One2many(
        "mentoring.remittance.line", "claim_id", "Remittance", readonly=True
    )

    _number_unique = models.Constraint("UNIQUE(company_id, name)", "A claim number is used once.")

    @api.depends("line_ids.charge", "line_ids.date")
    def _compute_amounts(self):
        for claim in self:
            claim.amount_total = sum(claim.line_ids.mapped("charge"))
            claim.date_first_service = min(claim.line_ids.mapped("date"), default=False)

    @api.depends("date_first_service", "profile_id.timely_filing_days")
    def _compute_filing_deadline(self):
        for claim in self:
            days = claim.profile_id.timely_filing_days
            first = claim.date_first_service
            claim.filing_deadline = first + timedelta(days=days) if days and first else False

    @api.depends("filing_deadline", "state", "frequency")
    def _compute_filing_problem(self):
        today = fields.Date.context_today(self)
        for claim in self:
            claim.filing_problem = claim._filing_problem(today)

    def _filing_problem(self, today):
        self.ensure_one()
        if (
            not self.filing_deadline
            or self.frequency != "1"
            or self.state != "draft"
            or today <= self.filing_deadline
        ):
            return False
        return self.env._(
            "Past the timely-filing limit: %(payer)s accepts claims up to %(days)s days after the date of "
            "service (%(first)s), that is until %(deadline)s. The payer will deny it (reason 29) "
            "unless you can prove it was sent in time.",
            payer=self.payer_id.name,
            days=self.profile_id.timely_filing_days,
            first=format_date(self.env, self.date_first_service),
            deadline=format_date(self.env, self.filing_deadline),
        )

    @api.depends("name", "patient_name", "frequency")
    def _compute_display_name(self):
        labels = dict(FREQUENCIES)
        for claim in self:
            suffix = "" if claim.frequency == "1" else f" ({labels[claim.frequency].split(' ')[0].lower()})"
            claim.display_name = f"{claim.name} – {claim.patient_name or ''}{suffix}"

    # Building a claim from an invoice ----------------------------------------------------------

    @api.model
    def _create_from_invoices(self, moves):
        """Claims for the posted mentoring invoices `moves` (one per person served), or for a
        credit note, voids of the claims of the invoice it reverses. Finance's work: the user
        must read the invoices; the claims are then written as superuser."""
        self._check_finance()
        moves.check_access("read")
        claims = self.browse()
        for move in moves:
            if move.state != "posted":
                raise UserError(
                    self.env._("Post invoice %(name)s before making its claim.", name=move.display_name)
                )
            if move.move_type == "out_refund":
                claims |= move.reversed_entry_id.mentoring_claim_ids._void_for_credit_note(move)
                continue
            if move.sudo().mentoring_claim_ids.filtered(
                lambda c: c.state != "cancelled" and c.frequency == "1"
            ):
                raise UserError(
                    self.env._(
                        "Invoice %(name)s has its claim already. To change what it says, open the "
                        "claim and make a correction.",
                        name=move.name,
                    )
                )
            claims |= self._create_for_services(move, move._mentoring_claim_timesheets())
        return claims

    def _check_finance(self):
        if not self.env.su and not self.env.user.has_group("account.group_account_invoice"):
            raise UserError(self.env._("Claims are finance's work: it needs the Invoicing role."))

    @api.model
    def _create_for_services(self, move, timesheets, frequency="1", original=None):
        if not timesheets:
            raise UserError(
                self.env._(
                    "Invoice %(name)s bills no mentoring meeting: there is nothing to claim.", name=move.name
                )
            )
        # The user may make the claim (checked by the caller): the mentoring facts are read as
        # superuser, and only what the claim needs is copied.
        Claim = self.sudo()
        move = move.sudo()
        claims = self.browse()
        by_mentee = defaultdict(lambda: Claim.env["account.analytic.line"])
        for line in timesheets.sudo():
            by_mentee[line.mentoring_encounter_id.mentee_id] |= line
        # The agency's set-up is said once, before what is missing per person served.
        agency_problems = self._company_setup_problems(move.company_id)
        problems = list(agency_problems)
        values = []
        for mentee, lines in by_mentee.items():
            vals, mentee_problems = Claim._prepare_claim_values(move, mentee, lines)
            problems += mentee_problems
            vals.update(frequency=frequency, original_claim_id=original.id if original else False)
            if original:
                vals["payer_claim_number"] = original.payer_claim_number
            values.append(vals)
        problems = list(dict.fromkeys(problems))  # the agency's missing facts, said once
        if problems:
            self._raise_setup_problems(problems, agency_missing=bool(agency_problems))
        for vals in values:
            claims |= Claim.create(vals)
        return claims.sudo(False)

    def _prepare_claim_values(self, move, mentee, timesheets):
        """The claim of `mentee`'s services billed by `timesheets` on `move`, and what is missing
        for the payer (in words finance can act on: who to ask for what)."""
        company = move.company_id
        encounters = timesheets.mentoring_encounter_id.sorted("date")
        first = encounters[:1]
        payer = move.commercial_partner_id
        profile = first._billing_profile()
        coverage = mentee.coverage_ids.filtered(lambda c: c.payer_id == payer and c._covers(first.date))[:1]
        diagnoses = coverage._claim_diagnoses() if coverage else []
        problems = []
        if not diagnoses:
            problems.append(
                self.env._(
                    "%(mentee)s's coverage with %(payer)s has no diagnosis code (ICD-10) for "
                    "%(date)s: ask the programme's coordinator to record it on the coverage.",
                    mentee=mentee.name,
                    payer=payer.name,
                    date=format_date(self.env, first.date),
                )
            )
        auths = encounters.authorization_id
        line_vals = self._prepare_line_values(move, timesheets, profile, diagnoses, problems)
        vals = {
            "company_id": company.id,
            "move_id": move.id,
            "payer_id": payer.id,
            "profile_id": profile.id,
            "authorization_id": auths[:1].id if len(auths) == 1 else False,
            "prior_authorization": auths.name if len(auths) == 1 else False,
            "member_id": first._billing_coverage()[1] or "",
            "patient_name": mentee.name,
            "patient_birthdate": mentee.birthdate,
            "patient_street": mentee.partner_id.street,
            "patient_city": mentee.partner_id.city,
            "patient_state_code": mentee.partner_id.state_id.code,
            "patient_zip": mentee.partner_id.zip,
            "diagnosis_codes": ", ".join(diagnoses),
            "line_ids": [fields.Command.create(vals) for vals in line_vals],
        }
        return vals, problems

    def _prepare_line_values(self, move, timesheets, profile, diagnoses, problems):
        """One service line per date of service and what the payer tells apart on a line
        (code with modifiers, place of service, rendering mentor, authorisation)."""
        groups = defaultdict(lambda: self.env["account.analytic.line"])
        for line in timesheets:
            encounter = line.mentoring_encounter_id
            product = line.so_line.product_id
            modifiers = self._line_modifiers(product, profile, encounter.location_type)
            key = (
                encounter.date,
                product,
                tuple(modifiers),
                profile._place_of_service(encounter.location_type),
                encounter.mentor_id if profile.requires_rendering_provider else None,
                encounter.authorization_id,
            )
            groups[key] |= line
        pointer = DIAGNOSIS_LETTERS[: min(len(diagnoses), 4)] or "A"
        values = []
        for sequence, (key, lines) in enumerate(
            sorted(groups.items(), key=lambda item: (item[0][0], item[0][1].id, item[0][2])), 1
        ):
            day, product, modifiers, pos, mentor, auth = key
            invoice_line = move.invoice_line_ids.filtered(
                lambda il, sale=lines.so_line: sale & il.sale_line_ids
            )[:1]
            units = sum(lines.mentoring_encounter_id.mapped("billed_units"))
            if len(modifiers) > MAX_MODIFIERS:
                problems.append(
                    self.env._(
                        "The line of %(date)s would carry %(count)s modifiers (%(modifiers)s); a claim line "
                        "carries four at most. Take one off the service or the billing profile.",
                        date=format_date(self.env, day),
                        count=len(modifiers),
                        modifiers=" ".join(modifiers),
                    )
                )
            if mentor and not mentor.npi:
                problems.append(
                    self.env._(
                        "%(payer)s asks for the rendering mentor's NPI: %(mentor)s has none. Ask the "
                        "programme's coordinator to record it on the mentor's profile.",
                        payer=move.commercial_partner_id.name,
                        mentor=mentor.name,
                    )
                )
            values.append(
                {
                    "sequence": sequence,
                    "date": day,
                    "product_id": product.id,
                    "procedure_code": product.product_tmpl_id.mentoring_service_code or "",
                    "modifiers": " ".join(modifiers[:MAX_MODIFIERS]),
                    "units": units,
                    "unit_price": invoice_line.price_unit,
                    "charge": move.currency_id.round(units * invoice_line.price_unit),
                    "place_of_service": pos,
                    "telehealth": lines.mentoring_encounter_id[:1].location_type in ("virtual", "phone"),
                    "prior_authorization": auth.name or "",
                    "rendering_name": mentor.name if mentor else "",
                    "rendering_npi": mentor.npi if mentor else "",
                    "rendering_taxonomy": mentor.taxonomy if mentor else "",
                    "diagnosis_pointer": pointer,
                    "invoice_line_id": invoice_line.id,
                    "timesheet_ids": [fields.Command.set(lines.ids)],
                }
            )
        return values

    @api.model
    def _line_modifiers(self, product, profile, location_type):
        """The service's modifiers (HQ for a group), the payer's own, then the telehealth one."""
        modifiers = split_codes(product.product_tmpl_id.mentoring_modifier)
        for code in [*split_codes(profile.claim_modifiers), profile._telehealth_modifier(location_type)]:
            if code and code not in modifiers:
                modifiers.append(code)
        return modifiers

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code("mentoring.claim") or "/"
        return super().create(vals_list)

    # Corrections ------------------------------------------------------------------------------

    def action_correct(self):
        """A replacement claim (frequency 7) of the same services with today's data (a
        diagnosis, NPI, modifier or place of service fixed since), referring to the payer's
        claim number."""
        self.ensure_one()
        self._check_finance()
        self.check_access("write")
        claim = self.sudo()
        claim._check_can_be_corrected()
        timesheets = claim.line_ids.timesheet_ids.filtered(lambda t: t.timesheet_invoice_id == claim.move_id)
        if not timesheets:
            raise UserError(
                self.env._(
                    "The services of claim %(name)s are no longer on its invoice (a credit note took "
                    "them off): void the claim from the credit note instead.",
                    name=claim.name,
                )
            )
        replacement = self._create_for_services(claim.move_id, timesheets, frequency="7", original=claim)
        claim.message_post(body=self.env._("Replaced by claim %(name)s.", name=replacement.name))
        return replacement._action_open()

    def _void_for_credit_note(self, credit_note):
        """A credit note takes the invoice's services back: the claims sent for them are voided
        (frequency 8), the drafts cancelled."""
        drafts = self.filtered(lambda c: c.state == "draft")
        drafts.sudo().write({"state": "cancelled"})
        voids = self.browse()
        for claim in (self - drafts).filtered(lambda c: c.frequency != "8" and c.state != "cancelled").sudo():
            if claim.correction_ids.filtered(lambda c: c.frequency == "8" and c.state != "cancelled"):
                continue
            claim._check_can_be_corrected()
            void = claim.copy(
                {
                    "name": "/",
                    "frequency": "8",
                    "original_claim_id": claim.id,
                    "payer_claim_number": claim.payer_claim_number,
                    "line_ids": [fields.Command.create(line._void_values()) for line in claim.line_ids],
                }
            )
            void.message_post(
                body=self.env._(
                    "Voids claim %(name)s: credit note %(note)s.", name=claim.name, note=credit_note.name
                )
            )
            voids |= void
        if not voids and not drafts:
            raise UserError(
                self.env._(
                    "Invoice %(name)s has no claim sent to the payer: the credit note needs no void.",
                    name=credit_note.reversed_entry_id.name,
                )
            )
        return voids.sudo(False)

    def _check_can_be_corrected(self):
        self.ensure_one()
        if self.state not in SUBMITTED:
            raise UserError(
                self.env._(
                    "Claim %(name)s was not sent to the payer: correct its invoice or cancel it instead.",
                    name=self.name,
                )
            )
        if not self.payer_claim_number:
            raise UserError(
                self.env._(
                    "Record the payer's claim number of %(name)s first (on the payer's acknowledgement "
                    "or remittance): a replacement or a void refers to it.",
                    name=self.name,
                )
            )

    # Status -----------------------------------------------------------------------------------

    def action_mark_sent(self):
        """Sent on paper (the CMS-1500) or through the payer's portal."""
        self._check_finance()
        for claim in self:
            if claim.state != "draft":
                raise UserError(self.env._("Claim %(name)s was sent already.", name=claim.name))
        self._write_checked({"state": "sent", "date_sent": fields.Date.context_today(self)})

    def action_accept(self):
        """The payer acknowledged the claim (277CA or portal) and will adjudicate it."""
        self._check_finance()
        if any(claim.state != "sent" for claim in self):
            raise UserError(self.env._("Only a sent claim can be accepted by the payer."))
        self._write_checked({"state": "accepted"})

    def action_cancel(self):
        self._check_finance()
        if any(claim.state != "draft" for claim in self):
            raise UserError(
                self.env._(
                    "A claim sent to the payer is not cancelled: send a void (a credit note) or a correction."
                )
            )
        self._write_checked({"state": "cancelled"})

    def action_export_837p(self):
        """One 837P file for the selected draft claims; they are sent with it."""
        self._check_finance()
        self.check_access("write")
        batch = self.env["mentoring.claim.batch"]._create_for_claims(self)
        return {
            "type": "ir.actions.act_window",
            "res_model": batch._name,
            "res_id": batch.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_print_cms1500(self):
        """The form on screen, whose Print button gives the PDF (also in the Print menu)."""
        action = self.env.ref("peer_mentoring.claim_cms1500_report").report_action(self)
        action["report_type"] = "qweb-html"
        return action

    def _action_open(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("peer_mentoring.mentoring_claim_action")
        if len(self) == 1:
            action.update(views=[(False, "form")], res_id=self.id)
        else:
            action["domain"] = [("id", "in", self.ids)]
        return action
