#!/usr/bin/env bash
# Regenerate the translation template with Odoo's own exporter and compare it with the committed
# i18n/peer_mentoring.pot: fails (exit 1) when the code has strings the template lacks or the
# template has strings the code dropped. Header, dates and line references are not compared.
#   bash scripts/check_pot.sh           check (make lint)
#   bash scripts/check_pot.sh --write   rewrite i18n/peer_mentoring.pot, then merge it into es.po
# The export reads a database that has the addon installed WITHOUT demo data (demo records are not
# for translators): $POT_DB (default peer_mentoring_pot) is created on the first run and updated after.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/env.sh
source "$here/scripts/env.sh"
POT_DB=${POT_DB:-peer_mentoring_pot}
committed="$here/i18n/peer_mentoring.pot"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Odoo scans the addon's folder for _() strings following links; the project's own .build folder
# links back to the project (a loop), so the exporter reads a view of the addon without it.
mkdir -p "$tmp/addons/peer_mentoring"
for entry in "$here"/* "$here"/.[!.]*; do
    case "$(basename "$entry")" in .build | .venv | .git | .ci | .pytest_cache) continue ;; esac
    ln -s "$entry" "$tmp/addons/peer_mentoring/"
done
sed "s#^addons_path = .*#addons_path = $ODOO_SRC/odoo/addons,$ODOO_SRC/addons,$tmp/addons#" \
    "$ODOO_CONF" > "$tmp/odoo.conf"

odoo() { "$VENV/bin/python" "$ODOO_SRC/odoo-bin" "$@" -c "$tmp/odoo.conf" --log-level=warn; }
if psql -d "$POT_DB" -tAc "SELECT 1 FROM ir_module_module WHERE name='peer_mentoring' AND state='installed'" \
    2>/dev/null | grep -q 1; then
    odoo -d "$POT_DB" -u peer_mentoring --stop-after-init --no-http
else
    echo "== installing the addon without demo data into $POT_DB (first run)"
    dropdb --if-exists "$POT_DB" </dev/null
    odoo -d "$POT_DB" -i peer_mentoring --without-demo --stop-after-init --no-http
fi
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" i18n export -c "$tmp/odoo.conf" -d "$POT_DB" \
    peer_mentoring -o "$tmp/peer_mentoring.pot" 2>&1 | { grep -v ' INFO ' || true; }

if [ "${1:-}" = "--write" ]; then
    mkdir -p "$here/i18n"
    cp "$tmp/peer_mentoring.pot" "$committed"
    echo "== wrote $committed; merge it into each language: msgmerge -U --no-fuzzy-matching i18n/es.po i18n/peer_mentoring.pot"
    exit 0
fi

"$VENV/bin/python" - "$committed" "$tmp/peer_mentoring.pot" <<'PY'
import sys

import polib

def ids(path):
    return {(e.msgctxt, e.msgid) for e in polib.pofile(path) if e.msgid and not e.obsolete}

committed, fresh = ids(sys.argv[1]), ids(sys.argv[2])
missing, dropped = sorted(fresh - committed, key=str), sorted(committed - fresh, key=str)
for _ctx, msgid in missing:
    print(f"not in the committed pot: {msgid!r}")
for _ctx, msgid in dropped:
    print(f"no longer in the code: {msgid!r}")
if missing or dropped:
    print(f"i18n/peer_mentoring.pot is stale ({len(missing)} new, {len(dropped)} gone): "
          "run bash scripts/check_pot.sh --write, then msgmerge into i18n/es.po and translate")
    sys.exit(1)
print(f"i18n/peer_mentoring.pot is current ({len(fresh)} strings)")
PY
