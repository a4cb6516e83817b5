from odoo import api, fields, models


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
                super(MentoringSignatureMixin, record).write(vals)

    def _is_signed_by(self, role):
        self.ensure_one()
        return bool(self[f"{role}_signature"] or self[f"{role}_signed_on"])

    def _signature_fields(self):
        return [f"{role}_signature" for role in self._signature_roles]

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if any(vals.get(f) for vals in vals_list for f in records._signature_fields()):
            records._stamp_signatures()
        return records

    def write(self, vals):
        res = super().write(vals)
        if any(vals.get(f) for f in self._signature_fields()):
            self._stamp_signatures()
        return res
