"""Uninstall leaves nothing billable behind (issue 21.4). `before DB`: the order lines of the
demo's authorisations that have mentoring time to invoice, saved; `after DB`: none of them can
invoice anything, and none of the addon's machinery (rules, jobs, activity types, menus, views,
groups, models) is left; business records it made stay while other apps' records use them."""

import json
import sys

from bench_common import open_env

SAVED = "/tmp/peer_mentoring_uninstall_lines.json"


def before(env):
    env.cr.execute("SELECT sale_line_id FROM mentoring_authorization WHERE sale_line_id IS NOT NULL")
    order_lines = env["sale.order.line"].browse([row[0] for row in env.cr.fetchall()])
    billable = order_lines.filtered(lambda line: line.qty_to_invoice > 0)
    units = sum(billable.mapped("qty_to_invoice"))
    print(f"before: {len(billable)} order lines of authorisations with {units:g} units to invoice")
    if not billable:
        sys.exit("the demo has nothing to invoice: the check would prove nothing")
    with open(SAVED, "w") as saved:
        json.dump(billable.ids, saved)


def after(env):
    with open(SAVED) as saved:
        order_lines = env["sale.order.line"].browse(json.load(saved)).exists()
    problems = [
        f"order line {line.id} ({line.order_id.name}) can still invoice {line.qty_to_invoice:g} units"
        for line in order_lines
        if line.qty_to_invoice > 0
    ]
    env.cr.execute("SELECT model, count(*) FROM ir_model_data WHERE module = 'peer_mentoring' GROUP BY model")
    left = dict(env.cr.fetchall())
    # Business records the addon made (the 15-minute unit, the demo's product, payer, people)
    # stay while other apps' orders, invoices and time sheets point to them; the addon's own
    # machinery must all be gone.
    machinery = [model for model in left if model.startswith(("ir.", "mail.", "res.groups", "report."))]
    problems += [f"{left[model]} {model} records of the addon left" for model in machinery]
    env.cr.execute("SELECT count(*) FROM ir_cron WHERE cron_name ILIKE '%mentor%'")
    problems += [f"{n} scheduled jobs left" for (n,) in [env.cr.fetchone()] if n]
    env.cr.execute("SELECT count(*) FROM mail_activity_type WHERE res_model LIKE 'mentoring.%'")
    problems += [f"{n} activity types left" for (n,) in [env.cr.fetchone()] if n]
    env.cr.execute("SELECT count(*) FROM ir_model WHERE model LIKE 'mentoring.%'")
    problems += [f"{n} models left" for (n,) in [env.cr.fetchone()] if n]
    notes = env["mail.message"].search_count(
        [("model", "=", "sale.order"), ("body", "ilike", "Peer mentoring was uninstalled")]
    )
    print(f"after: {len(order_lines)} order lines, nothing to invoice; {notes} orders say why; kept: {left}")
    if problems:
        sys.exit("uninstall left billable or orphan records:\n" + "\n".join(problems))


if __name__ == "__main__":
    step, db = sys.argv[1], sys.argv[2]
    env, cr = open_env(db)
    try:
        {"before": before, "after": after}[step](env)
    finally:
        cr.rollback()
        cr.close()
