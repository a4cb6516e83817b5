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
# Run from the folder that holds the link named after the addon, by a relative path, so that
# pytest does not resolve the link to the clone's own folder name and tests import as
# odoo.addons.peer_mentoring.
cd "$ADDONS_LINK_DIR"
set +e
"$VENV/bin/pytest" -p no:cacheprovider --rootdir="$ADDONS_LINK_DIR" --odoo-config="$ODOO_CONF" \
    --odoo-database="$TEST_DB" --odoo-http peer_mentoring/tests "$@"
rc=$?
set -e
# pytest exits 5 when it collected no test: a suite that ran nothing has failed.
[ "$rc" = 5 ] && echo "no test ran" >&2
exit "$rc"
