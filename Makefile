# Two commands do all set-up on a fresh machine that has Odoo's source ($ODOO_SRC or /opt/odoo):
#   make run   - serve a demo database on http://127.0.0.1:8069
#   make test  - a fresh test database, then the whole suite with pytest-odoo
.PHONY: setup run test bench lint clean

setup:
	bash scripts/setup.sh

run: setup
	bash scripts/run.sh

test: setup
	bash scripts/test.sh

bench: setup
	bash scripts/bench.sh

lint: setup
	.venv/bin/ruff check . && .venv/bin/ruff format --check .
	bash scripts/check_pot.sh

clean:
	rm -rf .build .venv
