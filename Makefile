# nafta-tracker: every chore is one command.
#   make run    local site on SQLite with the NAFTA data and a demo editor
#   make test   the whole test suite (SQLite; DATABASE_URL=postgres://... for PostgreSQL)
#   make lint   ruff, the import layers (import-linter), and a check that no model change lacks its migration
#   make bench  API latency and queries per request against a raw-SQL floor (PostgreSQL, 100,000 statements)
#   make serve  the production way: collectstatic, migrate, gunicorn (debug off) on DATABASE_URL
#   make cache-serve  the same behind Varnish (deploy/varnish/): readers on CACHE_PORT (6081), purged on publish
#   make backup / make restore FILE=...   the whole database to / from a file
#   make messages  compile the French and Spanish translations (run and test do it too)
#   make fuzz   schemathesis against the API of a live server on a throwaway database (about 80 s)
#   make load   wrk against gunicorn on the 100,000-statement data set (bench/load.sh; by hand)
#   make lighthouse  Lighthouse scores of the home and an issue page (en, fr, es), mobile and desktop (about 3 min)

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
HOST   ?= 127.0.0.1

.DEFAULT_GOAL := help
.PHONY: help install install-test run test lint format migrations-check messages clean bench serve backup restore

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

# TEST_WORKERS processes (pytest-xdist; "auto": one per CPU, 0: none). The production tests run
# one after another on one of them (tests/conftest.py), the rest are shared out.
TEST_WORKERS ?= auto
test: install-test messages
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: install-test migrations-check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: export DJANGO_DEBUG ?= 1
migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

# Production serving on this machine: debug off, hashed and compressed static files served by
# whitenoise, gunicorn gthread workers (gunicorn.conf.py reads WEB_CONCURRENCY, GUNICORN_THREADS,
# ...; threads, so slow clients cannot hold every worker: docs/deploy.md "Slow clients").
# Plain HTTP here, so no HTTPS redirect and no Secure cookies unless you set them; without a
# DJANGO_SECRET_KEY a throwaway one is made (sessions end when gunicorn stops).
serve: export DJANGO_DEBUG := 0
serve: export DJANGO_ALLOWED_HOSTS ?= $(HOST),localhost
serve: export DJANGO_SECURE_SSL_REDIRECT ?= 0
serve: export DJANGO_SECURE_COOKIES ?= 0
serve: export DJANGO_SECRET_KEY ?= $(shell $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')
serve: export GUNICORN_BIND ?= $(HOST):$(PORT)
serve: install messages
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py migrate --noinput
	@echo "Serving http://$(GUNICORN_BIND)/ with gunicorn  (Ctrl-C stops)"
	exec $(VENV)/bin/gunicorn nafta_tracker.wsgi

# `make serve` behind Varnish (Debian's varnish and varnish-modules; deploy/varnish/nafta.vcl):
# gunicorn on PORT, Varnish on CACHE_PORT (open that one), publishing purges what changed
# (DJANGO_HTTP_CACHE_PURGE_URLS points at Varnish). Ctrl-C stops both. docs/deploy.md "Shared HTTP cache".
CACHE_PORT ?= 6081
.PHONY: cache-serve
cache-serve: export DJANGO_DEBUG := 0
cache-serve: export DJANGO_ALLOWED_HOSTS ?= $(HOST),localhost
cache-serve: export DJANGO_SECURE_SSL_REDIRECT ?= 0
cache-serve: export DJANGO_SECURE_COOKIES ?= 0
cache-serve: export DJANGO_SECRET_KEY ?= $(shell $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')
cache-serve: export GUNICORN_BIND ?= 127.0.0.1:$(PORT)
cache-serve: export DJANGO_HTTP_CACHE_PURGE_URLS ?= http://127.0.0.1:$(CACHE_PORT)/
cache-serve: install messages
	@command -v varnishd >/dev/null || test -x /usr/sbin/varnishd || { echo "make cache-serve needs Varnish: apt-get install -y varnish varnish-modules" >&2; exit 1; }
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py migrate --noinput
	@echo "Serving http://$(HOST):$(CACHE_PORT)/ with Varnish in front of gunicorn on $(GUNICORN_BIND)  (Ctrl-C stops)"
	$(VENV)/bin/gunicorn nafta_tracker.wsgi & gunicorn=$$!; \
	trap 'kill $$gunicorn 2>/dev/null; wait $$gunicorn 2>/dev/null' EXIT INT TERM; \
	bash deploy/varnish/run.sh $(PORT) $(CACHE_PORT)

# make backup [FILE=backups/nafta-YYYYmmdd-HHMMSS.xml.gz]; make restore FILE=... [REPLACE=1]
FILE ?= backups/nafta-$(shell date -u +%Y%m%d-%H%M%S).xml.gz
backup: install
	$(PY) manage.py backup $(FILE)

restore: install
	@test -f "$(FILE)" || { echo "make restore: give the backup file, e.g. make restore FILE=backups/nafta-20180329.xml.gz" >&2; exit 2; }
	$(PY) manage.py migrate --noinput
	$(PY) manage.py restore $(FILE) $(if $(filter 1,$(REPLACE)),--replace)

# Builds the synthetic data sets on first use (10,000, 100,000 and 1,000,000 statements, one
# database each: about five minutes once), then times the API at each size.
BENCH_ARGS ?= --sizes 10000,100000,1000000
bench: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/nafta_bench
bench: install
	$(PY) -m bench.api $(BENCH_ARGS)

# Translations: locale/*/LC_MESSAGES/django.po -> .mo with Babel (pure Python: no GNU gettext
# needed on a fresh machine). Update the .po files after changing strings with
# `manage.py makemessages -l fr -l es --add-location=file -i ".venv/*" -i "tests/*"` (needs gettext).
messages: install
	$(VENV)/bin/pybabel compile --directory locale --domain django

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache test-artifacts
	find locale -name '*.mo' -delete

# API fuzzing (tests/fuzz/run.sh): gunicorn on a free port over a fresh SQLite file, or over
# FUZZ_DATABASE_URL (a PostgreSQL database it DROPS and recreates); FUZZ_MAX_TIME seconds of
# schemathesis; FUZZ_ARGS="--seed N" replays a run. Non-zero exit on any failure.
.PHONY: fuzz load
fuzz: install-test
	bash tests/fuzz/run.sh

load: install messages
	bash bench/load.sh

# Google Lighthouse (pinned in bench/lighthouse/package-lock.json) with Debian's Chromium against
# gunicorn on a free port from 8600, debug off, over a throwaway SQLite file with the NAFTA data;
# prints page x preset x the four scores, keeps the reports in bench/out/lighthouse/.
# LIGHTHOUSE_ARGS="--page / --preset mobile" narrows it. Localhost only: bench/lighthouse/run.py.
.PHONY: lighthouse
lighthouse: install messages
	@test -x bench/lighthouse/node_modules/.bin/lighthouse || npm ci --prefix bench/lighthouse --no-audit --no-fund
	$(PY) bench/lighthouse/run.py $(LIGHTHOUSE_ARGS)
