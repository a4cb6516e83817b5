from collections import defaultdict

from markupsafe import Markup


def uninstall_hook(env):
    """Uninstalling takes the meetings away, so nothing may still invoice them from Sales: the
    timesheet lines of meetings not invoiced yet leave their authorisation's order line (they
    stay as hours worked), and the order says why in its chatter. Invoiced lines are kept as
    they are (an invoice is never undone by an uninstall)."""
    lines = (
        env["account.analytic.line"]
        .sudo()
        .search(
            [
                ("mentoring_encounter_id", "!=", False),
                ("so_line", "!=", False),
                ("timesheet_invoice_id", "=", False),
            ]
        )
    )
    hours = defaultdict(float)
    for line in lines:
        hours[line.so_line] += line.unit_amount
    lines.write({"so_line": False})
    for order_line, worked in hours.items():
        order_line.order_id.message_post(
            body=Markup("<p>%s</p>")
            % env._(
                "Peer mentoring was uninstalled: the meetings not yet invoiced on %(product)s "
                "(%(hours)s hours) can no longer be invoiced from this order. Their time sheet "
                "lines are kept as hours worked.",
                product=order_line.product_id.display_name,
                hours=f"{worked:g}",
            )
        )
    env.flush_all()
