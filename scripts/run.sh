#!/usr/bin/env bash
# Create or update the demo database (with demo data) and serve it on 127.0.0.1.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/env.sh"
odoo=("$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DEMO_DB")
if psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DEMO_DB'" </dev/null | grep -q 1; then
    echo "== updating $DEMO_DB"
    "${odoo[@]}" -u peer_mentoring --stop-after-init --log-level=warn
else
    echo "== creating $DEMO_DB with demo data (a few minutes the first time)"
    "${odoo[@]}" -i peer_mentoring --with-demo --stop-after-init --log-level=warn
fi
cat <<MSG
== serving http://127.0.0.1:$HTTP_PORT  (database $DEMO_DB)
   logins (password = login): admin (Programme Manager), coordinator, supervisor, mentor, finance, hr (HR officer),
   oversight, safeguarding (lead), mentee (portal: /my), carer (portal: /my/mentor), guardian (Jamie's representative, portal: /my)
   what to try first as each role: README.md, "Demo logins"
MSG
exec "${odoo[@]}" --db-filter="^$DEMO_DB\$"
