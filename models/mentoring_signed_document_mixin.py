from odoo import api, fields, models
from odoo.exceptions import UserError

from .mentoring_guard_mixin import BOOKKEEPING_PREFIXES as _BOOKKEEPING_PREFIXES


class MentoringSignedDocumentMixin(models.AbstractModel):
    """A form that both parties sign and that is never edited afterwards (agreement, plan).

    Signing freezes the document; a change makes a new version, and signing that version
    supersedes the one before. Nothing signed is deleted."""

    _name = "mentoring.signed.document.mixin"
    _description = "Signed Mentoring Document"
    _inherit = ["mentoring.match.child.mixin", "mentoring.signature.mixin"]
    _protected_fields = frozenset({"state", "date_signed", "version", "previous_id"})
    _locked_states = frozenset({"signed", "superseded"})
    # Content that must be filled in before a document can be signed: {field: label}.
    _required_to_sign = {}

    version = fields.Integer(default=1, readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("superseded", "Superseded")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    date_signed = fields.Date(readonly=True, copy=False, tracking=True)

    def write(self, vals):
        # Only the action methods below write with sudo(), after their own checks.
        if not self.env.su:
            frozen = self.filtered(lambda d: d.state != "draft")
            changed = [f for f in vals if not f.startswith(_BOOKKEEPING_PREFIXES)]
            if frozen and changed:
                raise UserError(
                    self.env._(
                        "%(docs)s is signed and can no longer be changed. Use “New version” "
                        "to make a changed copy for both parties to sign.",
                        docs=", ".join(frozen.mapped("display_name")),
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        signed = self.filtered(lambda d: d.state != "draft")
        if signed:
            raise UserError(
                self.env._(
                    "%(docs)s has been signed and is kept as a record: it cannot be deleted. "
                    "Make a new version instead.",
                    docs=", ".join(signed.mapped("display_name")),
                )
            )

    def _transition(self, vals):
        return self._write_checked(vals)

    def _missing_to_sign(self):
        self.ensure_one()
        missing = [label for field, label in self._required_to_sign.items() if not self[field]]
        for role in self._signature_roles_required():
            if not self._is_signed_by(role):
                missing.append(self.env._("the %(role)s's signature", role=role))
        return missing

    def _signature_roles_required(self):
        return ("mentor", "mentee")

    def action_sign(self):
        for document in self:
            if document.state != "draft":
                raise UserError(self.env._("%(doc)s is already signed.", doc=document.display_name))
            missing = document._missing_to_sign()
            if missing:
                raise UserError(
                    self.env._(
                        "%(doc)s cannot be signed yet. Fill in: %(missing)s.",
                        doc=document.display_name,
                        missing=", ".join(missing),
                    )
                )
        self._check_match_ongoing(self.env._("sign a document"))
        earlier = self.search(
            [("match_id", "in", self.match_id.ids), ("state", "=", "signed"), ("id", "not in", self.ids)]
        )
        earlier._transition({"state": "superseded"})
        for document in earlier:
            document.message_post(body=self.env._("Superseded by a newly signed version."))
        self._transition({"state": "signed", "date_signed": fields.Date.context_today(self)})

    def action_new_version(self):
        self.ensure_one()
        if self.state == "draft":
            raise UserError(self.env._("This version is still a draft: change it directly."))
        self.check_access("write")
        self.match_id._check_editable()
        latest = self.sudo().search([("match_id", "=", self.match_id.id)], order="version desc", limit=1)
        new = self.sudo().copy({"version": latest.version + 1, "previous_id": self.id}).sudo(False)
        self.message_post(body=self.env._("New version %(v)s started.", v=new.version))
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }
