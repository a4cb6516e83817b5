from odoo import api, fields, models
from odoo.exceptions import UserError


class MentoringSignatureMixin(models.AbstractModel):
    """Signature blocks of the paper forms: the drawn signature, who signed and when.

    A drawn signature stamps its signer's name and the date when they are left empty, so a
    form signed on a tablet reads like one signed on paper."""

    _name = "mentoring.signature.mixin"
    _description = "Mentoring Signatures"
    _signature_roles = ("mentor", "mentee")

    mentor_signature = fields.Binary("Mentor signature", copy=False, attachment=True)
    mentor_signed_by = fields.Char("Mentor signed by", copy=False)
    mentor_signed_on = fields.Date("Mentor signed on", copy=False)
    mentee_signature = fields.Binary("Mentee signature", copy=False, attachment=True)
    mentee_signed_by = fields.Char("Mentee signed by", copy=False)
    mentee_signed_on = fields.Date("Mentee signed on", copy=False)

    def _default_signer_name(self, role):
        """Name printed under a role's signature when the signer did not type one."""
        self.ensure_one()
        person = self[f"{role}_id"] if f"{role}_id" in self._fields else False
        return person.name if person else False

    # A procedure: it writes each record's own stamps and returns nothing.
    # pylint: disable-next=missing-return
    def _stamp_signatures(self):
        today = fields.Date.context_today(self)
        for record in self:
            vals = {}
            for role in record._signature_roles:
                if not record[f"{role}_signature"]:
                    continue
                if not record[f"{role}_signed_on"]:
                    vals[f"{role}_signed_on"] = today
                if not record[f"{role}_signed_by"]:
                    vals[f"{role}_signed_by"] = record._default_signer_name(role)
            if vals:
                # Below the forms' own write overrides: the stamp follows a signature those
                # already checked, even on a form locked once signed.
                super(MentoringSignatureMixin, record).write(vals)  # pylint: disable=super-method-mismatch

    def _is_signed_by(self, role):
        self.ensure_one()
        return bool(self[f"{role}_signature"] or self[f"{role}_signed_on"])

    def _paper_signer(self, role, title):
        """One signer's block as the paper form prints it (reports/mentoring_report_layout.xml,
        `signature_block`): who signs, printed even before they have, and their signature and
        date once they have."""
        self.ensure_one()
        return {
            "title": title,
            "name": self[f"{role}_signed_by"] or self._default_signer_name(role) or "",
            "image": self[f"{role}_signature"],
            "date": self[f"{role}_signed_on"],
            "signed": self._is_signed_by(role),
            "note": False,
        }

    def _signature_fields(self):
        return [f"{role}_signature" for role in self._signature_roles]

    @staticmethod
    def _role_fields(role):
        return {f"{role}_signature", f"{role}_signed_by", f"{role}_signed_on"}

    def _may_sign_as(self, role):
        """Who may put a signature on the form: the coordinators of the programme record any
        signature given in their presence; a mentor records their own and their mentee's,
        never the coordinator's (nor does a coordinator who is the mentor of this match)."""
        self.ensure_one()
        mentor_user = self.sudo().mentor_id.user_id
        if role in ("mentor", "mentee") and mentor_user and mentor_user == self.env.user:
            return True
        return self.program_id._user_acts_for(mentor_user)

    def _check_signers(self, vals_list):
        if self.env.su:
            return
        for record, vals in zip(self, vals_list, strict=True):
            for role in record._signature_roles:
                if record._role_fields(role) & set(vals) and not record._may_sign_as(role):
                    raise UserError(
                        self.env._(
                            "You cannot sign for the %(role)s on %(record)s: only the %(role)s, or "
                            "a coordinator of the programme with them, can.",
                            role=role,
                            record=record.display_name,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_signers(vals_list)
        if any(vals.get(f) for vals in vals_list for f in records._signature_fields()):
            records._stamp_signatures()
        return records

    def write(self, vals):
        self._check_signers([vals] * len(self))
        res = super().write(vals)
        if any(vals.get(f) for f in self._signature_fields()):
            self._stamp_signatures()
        return res
