# Two commands do all set-up on a fresh machine that has Odoo's source ($ODOO_SRC or /opt/odoo):
#   make run   - serve a demo database on http://127.0.0.1:8069
#   make test  - a fresh test database, then the whole suite with pytest-odoo
.PHONY: setup run test bench lint upgrade-check clean

VENV ?= .venv

setup:
	bash scripts/setup.sh

run: setup
	bash scripts/run.sh

test: setup
	bash scripts/test.sh

bench: setup
	bash scripts/bench.sh

# Static checks, one a line (a new check is one more line): ruff (style, imports, bugs), then
# pylint with the OCA's Odoo checks (.pylintrc) on the addon as Odoo loads it, then the
# translation template against the code's strings (scripts/check_pot.sh --write updates it).
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	cd .build/addons && $(abspath $(VENV))/bin/pylint --rcfile=../../.pylintrc peer_mentoring
	bash scripts/check_pot.sh

# Install the previous release, create records, upgrade to this code, check them (README).
upgrade-check: setup
	bash scripts/upgrade_check.sh

clean:
	rm -rf .build .venv
