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
# As production runs it: prefork, HTTP workers and a cron worker, when the machine has the cores
# and memory (two workers at least: printing a PDF takes one while wkhtmltopdf fetches the page's
# styles through another). WORKERS=0 make run serves threaded instead.
cores=$(nproc 2>/dev/null || echo 1)
mem_mb=$(awk '/MemAvailable/ {print int($2 / 1024)}' /proc/meminfo 2>/dev/null || echo 0)
default_workers=0
if [ "$cores" -ge 2 ] && [ "$mem_mb" -ge 2048 ]; then
    default_workers=$(( cores * 2 < 4 ? cores * 2 : 4 ))
fi
WORKERS=${WORKERS:-$default_workers}
serve=(--db-filter="^$DEMO_DB\$")
if [ "$WORKERS" -gt 0 ]; then
    # Live notifications (the bus's websocket) are served on the gevent port; put a proxy in
    # front for them (README: Running it as production does).
    GEVENT_PORT=${GEVENT_PORT:-$(( HTTP_PORT == 8069 ? 8072 : HTTP_PORT + 1000 ))}
    echo "   prefork: $WORKERS HTTP workers and 1 cron worker (gevent port $GEVENT_PORT); WORKERS=0 to serve threaded"
    serve+=(--workers="$WORKERS" --max-cron-threads=1 --gevent-port="$GEVENT_PORT" --limit-time-real=600)
fi
exec "${odoo[@]}" "${serve[@]}"
