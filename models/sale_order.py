from odoo import models


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "mentoring.authorization.link.mixin"]

    def _mentoring_sale_lines(self):
        return self.sudo().order_line._origin

    def _compute_project_ids(self):
        # sale_project finds projects by a field only salespeople may read, so an invoicing user
        # (finance) who opens an order from its invoice meets an access error. They get the
        # projects they may read, found with the rights they lack.
        if self.env.su or self.env["project.project"]._has_field_access(
            self.env["project.project"]._fields["reinvoiced_sale_order_id"], "read"
        ):
            return super()._compute_project_ids()
        super(SaleOrder, self.sudo())._compute_project_ids()
        for order in self:
            projects = order.sudo().project_ids.sudo(False)._filtered_access("read")
            order.project_ids = projects
            order.project_count = len(projects.filtered("active"))
