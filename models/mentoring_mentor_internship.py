from odoo import api, fields, models
from odoo.exceptions import UserError

from .mentoring_mentor import MentoringMentor as BaseMentor


class MentoringMentor(models.Model):
    _inherit = "mentoring.mentor"
    _protected_fields = BaseMentor._protected_fields | {"internship_ids"}

    internship_ids = fields.One2many("mentoring.internship", "mentor_id", string="Internships")
    internship_count = fields.Integer(compute="_compute_internship_count")

    @api.depends("internship_ids")
    def _compute_internship_count(self):
        for mentor in self:
            mentor.internship_count = len(mentor.internship_ids)

    def action_certify(self):
        """An intern doing an internship is certified by its decision (supervisor and oversight
        body), not by this button. In a programme whose rules require an internship, the button
        certifies only a mentor who has passed one (e.g. reinstated after a suspension)."""
        ongoing = self.sudo().internship_ids.filtered(lambda i: i.state in ("in_progress", "in_review"))
        if ongoing:
            raise UserError(
                self.env._(
                    "%(mentor)s is doing an internship: they are certified when the supervisor and the "
                    "oversight body record on it that it is passed.",
                    mentor=ongoing[0].mentor_id.name,
                )
            )
        for mentor in self.sudo():
            requiring = mentor._programs_requiring_internship()
            if requiring and not mentor.internship_ids.filtered(lambda i: i.state == "passed"):
                raise UserError(
                    self.env._(
                        "%(mentor)s cannot be certified with this button: the certification rules of "
                        "%(programs)s require an internship. They are certified when the supervisor and "
                        "the oversight body record on the internship that it is passed. Start it from "
                        "Mentoring → Internships.",
                        mentor=mentor.name,
                        programs=", ".join(requiring.mapped("name")),
                    )
                )
        return super().action_certify()

    def action_start_internship(self):
        """In a programme whose rules ask an internship, the mentor's Start internship button
        starts the internship itself, so that no intern is without one."""
        res = super().action_start_internship()
        for mentor in self.sudo():
            requiring = mentor._programs_requiring_internship()
            if requiring and not mentor.internship_ids:
                program = requiring[:1]
                self.env["mentoring.internship"].sudo().create(
                    {
                        "mentor_id": mentor.id,
                        "program_id": program.id,
                        "company_id": program.company_id.id or mentor.company_id.id,
                    }
                )._start()
        return res

    def _programs_requiring_internship(self):
        """The mentor's programmes whose certification rules ask internship hours."""
        self.ensure_one()
        return self.sudo().program_ids.filtered(lambda p: p.certification_rule_id.internship_hours > 0)

    def action_view_internships(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("peer_mentoring.mentoring_internship_action")
        action["domain"] = [("mentor_id", "=", self.id)]
        action["context"] = {"default_mentor_id": self.id}
        if len(self.internship_ids) == 1:
            action.update({"view_mode": "form", "views": [(False, "form")], "res_id": self.internship_ids.id})
        return action
