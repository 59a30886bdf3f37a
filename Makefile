# nafta-tracker: every chore is one command.
#   make run    local site on SQLite with the NAFTA data and a demo editor
#   make test   the whole test suite (SQLite; DATABASE_URL=postgres://... for PostgreSQL)
#   make lint   ruff, and a check that no model change lacks its migration
#   make messages  compile the French and Spanish translations (run and test do it too)

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
HOST   ?= 127.0.0.1

.DEFAULT_GOAL := help
.PHONY: help install install-test run test lint format migrations-check messages clean

help:
	@grep -E '^#   make' Makefile | sed 's/^#   //'

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: export DJANGO_DEBUG ?= 1
run: export PORT := $(PORT)
run: install messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_nafta
	$(PY) manage.py demo_editor
	@echo "Serving http://$(HOST):$(PORT)/  (Ctrl-C stops)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-test messages
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-test migrations-check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: export DJANGO_DEBUG ?= 1
migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

# Translations: locale/*/LC_MESSAGES/django.po -> .mo with Babel (pure Python: no GNU gettext
# needed on a fresh machine). Update the .po files after changing strings with
# `manage.py makemessages -l fr -l es --add-location=file -i ".venv/*" -i "tests/*"` (needs gettext).
messages: install
	$(VENV)/bin/pybabel compile --directory locale --domain django

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache test-artifacts
	find locale -name '*.mo' -delete
