#!/usr/bin/env bash
# Prepare everything `make run` and `make test` need on a fresh machine that has Odoo's source:
# system packages (PostgreSQL, wkhtmltopdf), a running PostgreSQL with a role for this user,
# a virtualenv in the project with Odoo's requirements and the dev tools, and an Odoo config file.
# It never downloads or builds Odoo itself: Odoo is found at $ODOO_SRC or /opt/odoo.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/env.sh
source "$here/scripts/env.sh"

if [ ! -f "$ODOO_SRC/odoo-bin" ] || [ ! -d "$ODOO_SRC/addons/sale_timesheet" ]; then
    cat >&2 <<MSG
Odoo 19 source not found at $ODOO_SRC (no odoo-bin or addons/sale_timesheet there).
Place an Odoo 19.0 Community source tree there (odoo/, addons/, odoo-bin, requirements.txt),
or point ODOO_SRC at one: ODOO_SRC=/path/to/odoo make test
This project never downloads Odoo itself; see README.md, "Installing Odoo's source".
MSG
    exit 1
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

missing=()
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
dpkg -s libpq-dev >/dev/null 2>&1 || missing+=(libpq-dev)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# Browser tours (HttpCase.start_tour) drive a headless Chromium.
command -v chromium >/dev/null || missing+=(chromium)
# The portal tours run axe-core (from the npm registry) in that browser.
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# PostgreSQL: start the cluster and make a superuser role named after the current user.
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null; then
    echo "== starting PostgreSQL"
    cluster=$(pg_lsclusters -h | awk 'NR==1{print $1" "$2}')
    # shellcheck disable=SC2086
    as_root pg_ctlcluster $cluster start
    for _ in $(seq 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
fi
# The postgres account reaches the server by its Unix socket (peer authentication): no password asked.
as_postgres() { as_root runuser -u postgres -- env PGHOST=/var/run/postgresql PGPORT="$PGPORT" PGUSER=postgres "$@" </dev/null; }
if ! as_postgres psql -w -tAc "SELECT 1 FROM pg_roles WHERE rolname='$PGUSER'" | grep -q 1; then
    echo "== creating PostgreSQL role $PGUSER"
    as_postgres createuser -w -s "$PGUSER"
fi

# Python virtualenv with Odoo's requirements (less python-ldap: LDAP login only) and the dev tools.
stamp="$VENV/.requirements.stamp"
want=$(cat "$ODOO_SRC/requirements.txt" "$here/requirements.txt" "$here/requirements-dev.txt" | sha1sum | cut -c1-40)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "== preparing the virtualenv $VENV"
    python3 -m venv "$VENV"
    grep -v '^python-ldap' "$ODOO_SRC/requirements.txt" > "$VENV/odoo-requirements.txt"
    quiet() { "$@" 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }; return "${PIPESTATUS[0]}"; }
    quiet "$VENV/bin/pip" install -q --upgrade pip wheel 'setuptools<81'
    quiet "$VENV/bin/pip" install -q -r "$VENV/odoo-requirements.txt" -r "$here/requirements.txt" -r "$here/requirements-dev.txt"
    echo "$want" > "$stamp"
fi

# axe-core, the accessibility checker the portal tours run in the browser (WCAG 2.2 AA rules).
# Installed into .build/node_modules, and offered to the browser as a test-only file of the addon
# (static/tests/lib is not committed).
AXE_VERSION=4.14.1
if [ ! -f "$here/.build/node_modules/axe-core/axe.min.js" ] \
    || ! grep -q "\"version\": \"$AXE_VERSION\"" "$here/.build/node_modules/axe-core/package.json"; then
    echo "== installing axe-core $AXE_VERSION (npm)"
    npm install --prefix "$here/.build" --no-save --no-audit --no-fund --silent "axe-core@$AXE_VERSION"
fi
mkdir -p "$here/static/tests/lib"
cp "$here/.build/node_modules/axe-core/axe.min.js" "$here/static/tests/lib/axe.min.js"

# Odoo loads an addon by its folder name; the repository is the addon, whatever its clone is called,
# so a folder of the project's own holds a link named after the addon.
mkdir -p "$ADDONS_LINK_DIR"
ln -sfn "$here" "$ADDONS_LINK_DIR/peer_mentoring"
cat > "$ODOO_CONF" <<CONF
[options]
addons_path = $ODOO_SRC/odoo/addons,$ODOO_SRC/addons,$ADDONS_LINK_DIR
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
data_dir = $here/.build/filestore
http_interface = 127.0.0.1
http_port = ${HTTP_PORT}
admin_passwd = admin
without_demo = False
CONF
echo "== ready: Odoo $ODOO_SRC, config $ODOO_CONF"
