import base64

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.mimetypes import guess_mimetype

# What a volunteer or carer mentor types in for a course they took; the rest (the decision,
# who decided, the coordinator's note) is the office's.
PORTAL_TRAINING_FIELDS = ("name", "provider", "date", "hours", "kind", "expiry_date")
# A certificate is a PDF or a photo of the paper, up to 10 MB.
CERTIFICATE_TYPES = ("application/pdf", "image/png", "image/jpeg")
CERTIFICATE_MAX_BYTES = 10 * 1024 * 1024


class MentoringMentorTraining(models.Model):
    """Training records of a volunteer or carer mentor on the portal: read with their own
    rights (security/portal_mentor_records_rules.xml: their own), the fields of the field gate;
    added only through `portal_add_training`, which makes the record theirs, waiting for the
    coordinator or HR to approve it in the back office."""

    _name = "mentoring.mentor.training"
    _inherit = ["mentoring.mentor.training", "mentoring.portal.mixin"]
    _portal_mentor_fields = frozenset(
        {*PORTAL_TRAINING_FIELDS, "state", "approved_on", "certificate", "certificate_name", "company_id"}
    )

    @api.model
    def _portal_mentor_of_user(self):
        """The acting portal user's own mentor profile, or an AccessError."""
        mentor = not self.env.su and self.env["mentoring.mentor"]._portal_mentor()
        if not mentor:
            raise AccessError(self.env._("Only a mentor adds training here, with their own login."))
        return mentor

    @api.model
    def _portal_check_certificate(self, content):
        if len(content) > CERTIFICATE_MAX_BYTES:
            raise UserError(self.env._("The certificate file is too big. Send a file under 10 MB."))
        if guess_mimetype(content) not in CERTIFICATE_TYPES:
            raise UserError(self.env._("The certificate must be a PDF file or a photo (PNG or JPEG)."))

    @api.model
    def portal_add_training(self, values, certificate=None, certificate_name=None):
        """A portal mentor adds a course they took, with its certificate (raw bytes). It waits
        for approval; only the fields they type in are taken from `values`."""
        mentor = self._portal_mentor_of_user()
        vals = {name: values[name] for name in PORTAL_TRAINING_FIELDS if values.get(name)}
        for name in ("name", "date", "hours", "kind"):
            if not vals.get(name):
                label = self._fields[name]._description_string(self.env)
                raise UserError(self.env._("Fill in: %(field)s.", field=label))
        try:
            vals["hours"] = float(vals["hours"])
            for name in ("date", "expiry_date"):
                if name in vals:
                    vals[name] = fields.Date.to_date(vals[name])
        except ValueError:
            raise UserError(
                self.env._("Write the date as on a calendar and the hours as a number.")
            ) from None
        if vals["hours"] <= 0:
            raise UserError(self.env._("Training hours must be more than zero."))
        if vals["kind"] not in dict(self._fields["kind"].selection):
            raise UserError(self.env._("Choose what kind of training it was."))
        if certificate:
            self._portal_check_certificate(certificate)
            vals["certificate"] = base64.b64encode(certificate)
            vals["certificate_name"] = (certificate_name or "certificate")[:200]
        vals.update(mentor_id=mentor.id, state="submitted")
        training = self.sudo().create(vals)
        training.message_post(
            body=self.env._("Added by the mentor on the portal with their own login."),
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        return training.sudo(False)
