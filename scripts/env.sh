# Shared settings for the project's scripts (sourced, not run).
here=${here:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
export ODOO_SRC=${ODOO_SRC:-/opt/odoo}
export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}"
export VENV=${VENV:-$here/.venv}
export PGHOST=${PGHOST:-/var/run/postgresql}
export PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-$(id -un)}
export PGPASSWORD=${PGPASSWORD:-}
export HTTP_PORT=${HTTP_PORT:-8069}
export ADDONS_LINK_DIR=$here/.build/addons
export ODOO_CONF=$here/.build/odoo.conf
export DEMO_DB=${DEMO_DB:-peer_mentoring_demo}
export TEST_DB=${TEST_DB:-peer_mentoring_test}
