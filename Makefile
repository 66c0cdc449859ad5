# Lan Tỏa — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/lantoa

.PHONY: setup system venv run serve test test-fast test-pg lint typecheck messages bench clean

setup: system venv

system:
	@bash scripts/install-system-packages.sh

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements.lock -e ".[dev]"
	@touch $(STAMP)

venv: $(STAMP)

var/.prepared: $(STAMP)
	@mkdir -p var
	$(BIN)/lantoa compilemessages --ignore=.venv -v0
	@touch var/.prepared

prepare: var/.prepared

run: setup prepare
	$(BIN)/lantoa migrate --noinput -v0
	$(BIN)/lantoa load_areas
	$(BIN)/lantoa load_demo
	$(BIN)/lantoa collectstatic --noinput -v0
	@echo ""
	@echo "Lan Tỏa đang chạy tại http://$(HOST):$(PORT)/  (dừng: Ctrl+C)"
	@echo "Đăng nhập bằng các tài khoản mẫu ở trên."
	@trap 'kill 0' EXIT INT TERM; \
	  $(BIN)/lantoa worker & \
	  DEBUG=$${DEBUG:-1} $(BIN)/lantoa runserver --noreload $(HOST):$(PORT)

# The whole suite on SQLite, slow end-to-end tests included.
test: setup prepare
	$(BIN)/pytest -q -n auto

# While iterating: skip browser, OCR and LibreOffice tests.
test-fast: venv prepare
	$(BIN)/pytest -q -m "not slow"

# The same suite on PostgreSQL (pytest-django creates and drops a fresh test database).
test-pg: setup prepare
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -n auto

lint: venv
	$(BIN)/ruff check .
	$(BIN)/mypy lantoa

messages: venv
	cd lantoa && ../$(BIN)/lantoa makemessages -l en --ignore=lib/* -v0 && ../$(BIN)/lantoa compilemessages -v0

bench: venv
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b --quick || exit 1; done

clean:
	rm -rf var $(VENV)
