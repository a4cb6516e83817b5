"""Issue 15: one guard, by construction. Every model this addon makes, wizards and transient
screen records included, inherits the write guard or is on its short allow-list, and what the
allow-list says of each model (changed by managers only) is what the access rights say."""

from odoo.tests import TransactionCase, tagged

from ..models.mentoring_guard_mixin import GUARD_ALLOW_LIST

# Whoever holds one of these may change the allow-listed configuration.
MANAGER_GROUPS = (
    "peer_mentoring.group_manager",
    "account.group_account_manager",
    "base.group_system",
)


@tagged("post_install", "-at_install")
class TestGuardCoverage(TransactionCase):
    def addon_models(self):
        """The models this addon creates (not Odoo's models it adds fields to)."""
        names = [
            name for name, model in self.env.registry.items() if model._original_module == "peer_mentoring"
        ]
        self.assertIn("mentoring.match.finder.point", names, "the enumeration finds the wizards too")
        return sorted(names)

    def is_guarded(self, name):
        return isinstance(self.env[name], self.env.registry["mentoring.guard.mixin"])

    def test_every_model_of_the_addon_is_guarded_or_allow_listed(self):
        unguarded = [
            name
            for name in self.addon_models()
            # Abstract models (mixins, the matching engine, demo data) hold no records.
            if not self.env[name]._abstract and not self.is_guarded(name) and name not in GUARD_ALLOW_LIST
        ]
        self.assertEqual(
            unguarded,
            [],
            "Add 'mentoring.guard.mixin' to these models' _inherit (with their protected and scope "
            "fields), or put them on GUARD_ALLOW_LIST in models/mentoring_guard_mixin.py with the "
            "reason they need no guard.",
        )

    def test_the_allow_list_names_only_unguarded_models_of_the_addon(self):
        models = set(self.addon_models())
        for name in GUARD_ALLOW_LIST:
            self.assertIn(name, models, f"{name} is on the allow-list but is not a model of the addon")
            self.assertFalse(self.is_guarded(name), f"{name} is guarded now: take it off the allow-list")

    def test_allow_listed_models_are_changed_by_managers_only(self):
        managers = self.env["res.groups"].browse(
            self.env.ref(xmlid).id for xmlid in MANAGER_GROUPS if self.env.ref(xmlid, False)
        )
        for name in GUARD_ALLOW_LIST:
            rights = self.env["ir.model.access"].search(
                [
                    ("model_id.model", "=", name),
                    "|",
                    "|",
                    ("perm_write", "=", True),
                    ("perm_create", "=", True),
                    ("perm_unlink", "=", True),
                ]
            )
            for right in rights:
                self.assertIn(
                    right.group_id,
                    managers,
                    f"{right.group_id.display_name or 'everyone'} may change {name}: guard the model "
                    "or take that right away",
                )

    def test_declared_fields_and_states_exist(self):
        """A misspelt name in a declaration would silently guard nothing."""
        for name in self.addon_models():
            Model = self.env[name]
            if Model._abstract or not self.is_guarded(name):
                continue
            for attribute in ("_protected_fields", "_scope_fields", "_writable_when_locked"):
                missing = set(getattr(Model, attribute)) - set(Model._fields)
                self.assertFalse(missing, f"{name}.{attribute} names no field: {sorted(missing)}")
            for attribute in ("_locked_states", "_scope_open_states"):
                states = set(getattr(Model, attribute))
                if states:
                    self.assertIn("state", Model._fields, f"{name}.{attribute} needs a state field")
                    values = {
                        value for value, _label in Model._fields["state"]._description_selection(self.env)
                    }
                    self.assertLessEqual(states, values, f"{name}.{attribute} names an unknown state")
