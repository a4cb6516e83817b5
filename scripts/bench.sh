#!/usr/bin/env bash
# Run the benchmark scripts against a bench database (created once; with the demo data, as
# .build/odoo.conf loads it: the figures in the README were measured so).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/env.sh"
BENCH_DB=${BENCH_DB:-peer_mentoring_bench}
if ! psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$BENCH_DB'" </dev/null | grep -q 1; then
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$BENCH_DB" -i peer_mentoring --stop-after-init --log-level=warn
else
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$BENCH_DB" -u peer_mentoring --stop-after-init --log-level=warn
fi
for script in "$here"/scripts/bench_*.py; do
    [ "$(basename "$script")" = bench_common.py ] && continue
    # The bulk data loader of bench_outcomes.py and bench_needs_doing.py (BENCH_SCALE=0.1 makes
    # their volumes ten times smaller), not a benchmark of its own.
    [ "$(basename "$script")" = bench_volume_data.py ] && continue
    echo "== $(basename "$script")"
    (cd "$here/scripts" && "$VENV/bin/python" "$script" "$BENCH_DB")
done
echo "== uninstall check"; bash "$here/scripts/uninstall_check.sh"
