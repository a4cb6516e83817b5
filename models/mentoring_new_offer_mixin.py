from lxml import etree
from markupsafe import Markup

from odoo import api, models
from odoo.tools.safe_eval import safe_eval


class MentoringNewOfferMixin(models.AbstractModel):
    """*New* only where a record can be made.

    Many records hang from one the user must pick (an agreement from one of their ongoing
    matches, a log line from an internship in progress...). Who may pick what is data, not a
    group: a supervisor who also mentors writes agreements, one who only supervises does not.
    So the views are post-processed per user, as Odoo's own access rights do it (`get_view`
    sets `create="False"` when the model's create right is missing): when a required link of the
    New form has nothing the user may pick, the list, kanban and form offer no *New*, and the
    empty list says why and what to do instead of inviting a create that cannot succeed."""

    _name = "mentoring.new.offer.mixin"
    _description = "Mentoring: New Offered Only Where Possible"

    # Required many2one fields of the New form, whose field domain lists what the user may pick.
    _new_record_needs = ()

    @api.model
    def _user_can_make_new(self):
        # Actions are read with sudo() (/web/action/load): ask as the user, with their rules.
        self = self.sudo(False)
        if not self.browse().has_access("create"):
            return False
        # A domain that reads another field of the form (a mentee "of the chosen programme")
        # reads it as a new record has it: its default, else empty.
        values = {"uid": self.env.uid, **dict.fromkeys(self._fields, False)}
        values.update(self.default_get(list(self._new_record_needs)))
        for name in self._new_record_needs:
            field = self._fields[name]
            domain = self._new_record_domain(name)
            if isinstance(domain, str):
                domain = safe_eval(domain, values)
            if not self.env[field.comodel_name].search_count(domain or [], limit=1):
                return False
        return True

    @api.model
    def _new_record_domain(self, name):
        """What the New form's drop-down `name` lists: the field's domain, unless the form's
        own (override where the form narrows or widens it)."""
        field = self._fields[name]
        return field.domain(self) if callable(field.domain) else field.domain

    @api.model
    def _new_record_unavailable_help(self):
        """Why this user can make no record here, and what to do: one sentence for the model."""
        return self.env._("There is nothing you can add here: ask your coordinator.")

    @api.model
    def get_view(self, view_id=None, view_type="form", **options):
        result = super().get_view(view_id, view_type, **options)
        if view_type in ("list", "kanban", "form", "calendar") and not self._user_can_make_new():
            arch = etree.fromstring(result["arch"])
            arch.set("create", "False")
            result["arch"] = etree.tostring(arch, encoding="unicode")
        return result

    @api.model
    def get_empty_list_help(self, help_message):
        if self._user_can_make_new():
            return super().get_empty_list_help(help_message)
        return Markup('<p class="o_view_nocontent_empty_folder">%(title)s</p><p>%(why)s</p>') % {
            "title": self.env._("Nothing to show here yet"),
            "why": self._new_record_unavailable_help(),
        }
