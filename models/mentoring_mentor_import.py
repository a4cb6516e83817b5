from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .mentoring_mentor import MENTOR_STATES


class MentoringMentor(models.Model):
    """Mentors brought in from the agency's list: staff (an existing employee) or volunteers (a
    contact made from the name), with the status they already hold and since when."""

    _name = "mentoring.mentor"
    _inherit = ["mentoring.mentor", "mentoring.import.mixin"]
    _import_fields = frozenset({"import_state", "import_state_date"})

    import_state = fields.Selection(
        MENTOR_STATES,
        "Status (import)",
        compute="_compute_import_fields",
        inverse="_inverse_import_fields",
        exportable=False,
        help="Import only: the status the mentor already holds. Certified needs the date the code "
        "of ethics was acknowledged.",
    )
    import_state_date = fields.Date(
        "Status since (import)",
        compute="_compute_import_fields",
        inverse="_inverse_import_fields",
        exportable=False,
        help="Import only: the day the mentor reached that status (today when empty).",
    )

    @api.model
    def get_import_templates(self):
        return self._import_template("mentoring_mentor.xlsx", self.env._("Import Template for Mentors"))

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.context.get("import_file"):
            # A volunteer's row names the person: their contact is made from the name, as a
            # mentee's is. (The importer sends the same values again after a failed batch: they
            # are copied, not changed.)
            vals_list = [dict(vals) for vals in vals_list]
            for vals in vals_list:
                self._check_not_imported_twice_mentor(vals)
                if not vals.get("employee_id") and not vals.get("partner_id") and vals.get("name"):
                    vals["partner_id"] = self.env["res.partner"].create({"name": vals["name"]}).id
        return super().create(vals_list)

    def _check_not_imported_twice_mentor(self, vals):
        employee = self.env["hr.employee"].browse(vals.get("employee_id"))
        name = vals.get("name") or employee.name
        domain = [("employee_id", "=", employee.id)] if employee else [("name", "=", name)]
        self._check_not_imported_twice(
            domain,
            self.env._(
                "%(name)s is already a mentor here: a file imported twice would record them twice. If "
                "this is another person of the same name, tell them apart in the name (e.g. a middle "
                "initial).",
                name=name,
            ),
        )

    def _apply_import_values(self, values):
        self.ensure_one()
        state = values.get("import_state") or "applicant"
        day = values.get("import_state_date") or fields.Date.context_today(self)
        self._check_import_date(day, self.env._("Status since"))
        if state == "applicant":
            return
        action = self.env._("give this mentor a status")
        self.env["mentoring.match"]._check_is_coordinator(action)
        self._check_governed_by_user(action)
        if state == "certified" and not self.ethics_ack_date:
            raise ValidationError(
                self.env._(
                    "%(name)s is certified: give the date they acknowledged the code of ethics "
                    "(column “Code of ethics acknowledged on”).",
                    name=self.name,
                )
            )
        self.env["mentoring.mentor.credential"].sudo().create(
            {"mentor_id": self.id, "state": state, "previous_state": self.state, "date_from": day}
        )
        self._write_checked({"state": state})
