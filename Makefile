# Linkwork: the single entry point. `make demo` runs the app, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP_BASE := $(VENV)/.installed-base
STAMP_TEST := $(VENV)/.installed-test

.PHONY: demo test test-sqlite test-postgres lint format bench assets places-pack install clean

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed (python3.11 not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(STAMP_BASE): $(PY) requirements/base.txt pyproject.toml
	$(PIP) install -q -r requirements/base.txt
	$(PIP) install -q --no-deps -e .
	@touch $@

$(STAMP_TEST): $(STAMP_BASE) requirements/test.txt
	$(PIP) install -q -r requirements/test.txt
	@touch $@

install: $(STAMP_BASE)

## Set up and serve the demo on http://127.0.0.1:8000 (SQLite in var/)
demo: $(STAMP_BASE)
	$(VENV)/bin/linkwork demo

## Every test: unit + browser on SQLite, then the suite again on a throwaway PostgreSQL cluster
test: $(STAMP_TEST)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy src/linkwork
	$(PY) scripts/check_test_tools.py
	$(PY) -m pytest -p no:cacheprovider -n 2 --dist loadfile
	LINKWORK_TESTS_USING_DATABASE_ONLY=1 $(PY) scripts/with_postgres.py -- $(PY) -m pytest -p no:cacheprovider -n 2 --dist loadfile -m "not e2e"

test-sqlite: $(STAMP_TEST)
	$(PY) -m pytest -p no:cacheprovider -n 2 --dist loadfile

test-postgres: $(STAMP_TEST)
	LINKWORK_TESTS_USING_DATABASE_ONLY=1 $(PY) scripts/with_postgres.py -- $(PY) -m pytest -p no:cacheprovider -n 2 --dist loadfile -m "not e2e"

lint: $(STAMP_TEST)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy src/linkwork

format: $(STAMP_TEST)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## Benchmarks (see docs/performance.md)
bench: $(STAMP_TEST)
	$(PY) benchmarks/run.py

## Refresh vendored front-end assets from the npm registry
assets:
	bash scripts/vendor_assets.sh

## Rebuild the compact places pack from ../shared/data
places-pack: $(STAMP_BASE)
	$(PY) scripts/build_places_pack.py --source ../shared/data

clean:
	rm -rf $(VENV) var
