# Staffetta: `make demo` sets everything up and runs the demo; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
ADDR ?= 127.0.0.1:8000
# The suite spreads over every core (pytest-xdist); a module stays on one worker, so its
# module-scoped fixtures (a seeded demo, a live server) are built once.
PYTEST_ARGS ?= -n auto --dist loadfile

.PHONY: demo setup install messages test lint format i18n-check clean

demo: setup
	$(PY) manage.py rundemo $(ADDR)

setup: install messages
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Staffetta needs Python 3.11 (set PYTHON=python3.11).")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

messages: install
	$(PY) manage.py compilemessages --ignore "$(VENV)" -v 0

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Fails when a translatable string has no Italian translation (needs GNU gettext).
i18n-check: install
	$(PY) manage.py makemessages --locale it --locale en --ignore "$(VENV)" --ignore "staticfiles" --no-obsolete -v 0
	$(PY) scripts/check_translations.py

test: install messages lint
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf var staticfiles .pytest_cache
