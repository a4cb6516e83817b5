#!/usr/bin/env bash
# Upgrade test: install the addon as it was at the previous release, create the records a live
# agency has, upgrade to the code of this clone (-u peer_mentoring, which runs migrations/), and
# check the records are intact and the fields added since have sensible values.
#   FROM_REF   the release to upgrade from (default: tag 19.0.1.2.0; where the clone has no such
#              tag, the commit that set the manifest's version to it)
#   UPGRADE_DB the database it uses and drops at the end (default peer_mentoring_upgrade)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/env.sh"
FROM_VERSION=${FROM_VERSION:-19.0.1.2.0}
DB=${UPGRADE_DB:-peer_mentoring_upgrade}

if [ -z "${FROM_REF:-}" ]; then
    if git -C "$here" rev-parse -q --verify "refs/tags/$FROM_VERSION^{commit}" >/dev/null; then
        FROM_REF=$FROM_VERSION
    else
        # The oldest commit whose manifest says this version: where that release was made.
        FROM_REF=$(git -C "$here" log --format=%H -S"\"version\": \"$FROM_VERSION\"" -- __manifest__.py | tail -1)
        [ -n "$FROM_REF" ] || { echo "no tag or commit of version $FROM_VERSION" >&2; exit 1; }
    fi
fi
from_commit=$(git -C "$here" rev-parse --short "$FROM_REF^{commit}")

tmp=$(mktemp -d)
cleanup() { dropdb --if-exists "$DB" </dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
# The old code in its own folder named after the addon (git archive: a worktree's checkout
# without leaving a worktree registered in the clone if the run is interrupted).
mkdir -p "$tmp/old/peer_mentoring"
git -C "$here" archive "$from_commit" | tar -x -C "$tmp/old/peer_mentoring"
old_version=$(sed -n 's/.*"version": "\([^"]*\)".*/\1/p' "$tmp/old/peer_mentoring/__manifest__.py")
new_version=$(sed -n 's/.*"version": "\([^"]*\)".*/\1/p' "$here/__manifest__.py")
echo "== upgrade check: $old_version ($FROM_REF, $from_commit) -> $new_version (this clone)"
[ "$old_version" != "$new_version" ] || { echo "the manifest's version was not bumped since $FROM_REF" >&2; exit 1; }

# Its own config: no demo data (the check's records only), the old or the new addon on the path.
conf() {
    grep -v -e '^addons_path' -e '^without_demo' "$ODOO_CONF"
    echo "addons_path = $ODOO_SRC/odoo/addons,$ODOO_SRC/addons,$1"
}
conf "$tmp/old" > "$tmp/old.conf"
conf "$ADDONS_LINK_DIR" > "$tmp/new.conf"
odoo() { "$VENV/bin/python" "$ODOO_SRC/odoo-bin" "$@"; }
export UPGRADE_SAVED=$tmp/saved.json

dropdb --if-exists "$DB" </dev/null
start=$SECONDS
echo "== install $old_version"
odoo -c "$tmp/old.conf" -d "$DB" -i peer_mentoring --stop-after-init --log-level=warn
echo "== create records with the $old_version code"
odoo shell -c "$tmp/old.conf" -d "$DB" --log-level=warn --no-http < "$here/scripts/upgrade_check_create.py"
echo "== upgrade to $new_version"
# Odoo logs at WARNING what an upgrade could not do (a NOT NULL it could not set, a field it
# could not convert): any warning of the upgrade fails the check.
odoo -c "$tmp/new.conf" -d "$DB" -u peer_mentoring --stop-after-init --log-level=warn 2>&1 | tee "$tmp/upgrade.log"
if grep -E " (WARNING|ERROR|CRITICAL) " "$tmp/upgrade.log"; then
    echo "the upgrade logged the warnings above" >&2
    exit 1
fi
echo "== check the records with the $new_version code"
odoo shell -c "$tmp/new.conf" -d "$DB" --log-level=warn --no-http < "$here/scripts/upgrade_check_verify.py"
psql -d "$DB" -tAc "SELECT latest_version FROM ir_module_module WHERE name = 'peer_mentoring'" | grep -qx "$new_version"
echo "== upgrade check passed: $old_version -> $new_version in $((SECONDS - start)) s"
