#!/usr/bin/env bash
# Install with the demo, uninstall, check nothing billable or orphaned is left, reinstall.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/env.sh"
DB=${UNINSTALL_DB:-peer_mentoring_uninstall}
odoo=("$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DB" --log-level=warn)
dropdb --if-exists "$DB"
echo "== install with demo data"
"${odoo[@]}" -i peer_mentoring --with-demo --stop-after-init
(cd "$here/scripts" && "$VENV/bin/python" uninstall_check.py before "$DB")
echo "== uninstall"
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" module uninstall -c "$ODOO_CONF" -d "$DB" peer_mentoring
(cd "$here/scripts" && "$VENV/bin/python" uninstall_check.py after "$DB")
echo "== reinstall"
"${odoo[@]}" -i peer_mentoring --stop-after-init
psql -d "$DB" -tAc "SELECT state FROM ir_module_module WHERE name = 'peer_mentoring'" | grep -qx installed
echo "== uninstall check passed; reinstall works"
dropdb "$DB"
