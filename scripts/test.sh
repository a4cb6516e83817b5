#!/usr/bin/env bash
# A fresh test database with the addon installed (no demo data), then the whole suite with pytest-odoo.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/env.sh"
echo "== fresh test database $TEST_DB"
dropdb --if-exists "$TEST_DB" </dev/null
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$TEST_DB" -i peer_mentoring \
    --stop-after-init --log-level=warn
echo "== pytest-odoo"
# Run through the link named after the addon so that tests import as odoo.addons.peer_mentoring.
cd "$ADDONS_LINK_DIR/peer_mentoring"
set +e
"$VENV/bin/pytest" -p no:cacheprovider --odoo-config="$ODOO_CONF" --odoo-database="$TEST_DB" \
    "$ADDONS_LINK_DIR/peer_mentoring/tests" "$@"
rc=$?
set -e
# pytest exits 5 when it collected no test: a suite that ran nothing has failed.
[ "$rc" = 5 ] && echo "no test ran" >&2
exit "$rc"
