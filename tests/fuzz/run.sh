#!/usr/bin/env bash
# API fuzzing: schemathesis against the OpenAPI schema of a live server (make fuzz).
#
# Starts gunicorn (debug off, a throwaway secret key, plain HTTP) on a free local port
# against a THROWAWAY database: a fresh SQLite file in a temporary directory, or, with
# FUZZ_DATABASE_URL=postgres://.../<name>, a PostgreSQL database that this script DROPS
# and creates anew (never point it at data you keep). The database is migrated and
# loaded with the NAFTA data, and an editor (staff, Editors group) gets a DRF token, so
# that schemathesis exercises the write endpoints too, including the stateful phase
# that really creates and changes rows. Exits non-zero on any failure, after
# schemathesis's summary.
#
#   FUZZ_MAX_TIME   seconds schemathesis may spend (default 60)
#   FUZZ_WORKERS    schemathesis workers (default 1, see below)
#   FUZZ_PORT       port to serve on (default: the first free one from 8500)
#   FUZZ_DATABASE_URL  a PostgreSQL database to recreate and use instead of SQLite
#   FUZZ_ARGS       extra schemathesis arguments (e.g. --seed 1234 to replay a run)
set -euo pipefail
cd "$(dirname "$0")/../.."

PY=${PY:-.venv/bin/python}
SCHEMATHESIS=${SCHEMATHESIS:-.venv/bin/schemathesis}
MAX_TIME=${FUZZ_MAX_TIME:-60}
# One worker: with two, schemathesis's threads parse Python source at the same time and
# CPython 3.11.7 can fail with "AST constructor recursion depth mismatch" (CPython gh-106905,
# fixed in 3.11.8), an error of the tool that fails the run. On two cores one worker
# generates as many test cases a minute anyway (1,517 against 1,363 with two, measured).
WORKERS=${FUZZ_WORKERS:-1}

workdir=$(mktemp -d -t nafta-fuzz.XXXXXX)
server_pid=""
cleanup() {
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$workdir"
}
trap cleanup EXIT

# The fuzz server's whole configuration is set below: none of the caller's project variables
# (a DATABASE_URL, a REDIS_URL, a response cache, a proxy setting...) leaks into it.
while read -r name; do unset "$name"; done < <(compgen -e | grep -E '^(DJANGO_|DATABASE_|GUNICORN_|REDIS_URL$|WEB_CONCURRENCY$)')
if [[ -n ${FUZZ_DATABASE_URL:-} ]]; then
    export DATABASE_URL=$FUZZ_DATABASE_URL
    "$PY" - <<'PYTHON'
import os
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

url = urlsplit(os.environ["DATABASE_URL"])
if url.scheme not in ("postgres", "postgresql"):
    raise SystemExit("FUZZ_DATABASE_URL must be a postgres:// URL")
name = url.path.lstrip("/")
admin = url._replace(path="/postgres").geturl()
with psycopg.connect(admin, autocommit=True) as connection:
    connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
print(f"Fresh PostgreSQL database {name}")
PYTHON
else
    export DATABASE_URL="sqlite:///$workdir/fuzz.sqlite3"
fi
export DJANGO_DEBUG=0
DJANGO_SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 DJANGO_SECURE_HSTS_SECONDS=0
export DJANGO_STATIC_MANIFEST=0          # the API needs no collectstatic
export DJANGO_LOG_LEVEL=WARNING
# Thousands of requests a minute from one client: throttling would answer 429 to most of them.
export DJANGO_API_ANON_RATE=1000000/minute DJANGO_API_USER_RATE=1000000/minute

"$PY" manage.py migrate --noinput --verbosity 0
"$PY" manage.py load_nafta >/dev/null
# An editor with a token, and dictionaries of the slugs and ids in the database: given real
# ones half of the time, the fuzzer gets past "no such object" to the rules behind it.
TOKEN=$(FUZZ_DICTIONARIES="$workdir/dictionaries.toml" "$PY" manage.py shell --no-imports -c '
import json, os
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
from issues.models import Issue, Position, Source, Statement, StatusAssessment
from rounds.models import Milestone, Official, Party, Round

def slugs(model):
    return list(model.objects.order_by("slug").values_list("slug", flat=True))

def ids(model):  # as they appear in a URL path
    return [str(pk) for pk in model.objects.order_by("pk").values_list("pk", flat=True)]

dictionaries = {
    "parties": slugs(Party), "officials": slugs(Official), "rounds": slugs(Round), "issues": slugs(Issue),
    "milestones": slugs(Milestone), "sources": ids(Source), "statements": ids(Statement),
    "positions": ids(Position), "assessments": ids(StatusAssessment),
    "source_numbers": list(Source.objects.order_by("pk").values_list("pk", flat=True)),  # in a JSON body
}
with open(os.environ["FUZZ_DICTIONARIES"], "w") as out:
    for name, values in dictionaries.items():
        out.write(f"\n[dictionaries.{name}]\nvalues = {json.dumps(values)}\n")
user = User.objects.create_user("fuzz-editor", is_staff=True)
user.groups.add(Group.objects.get(name="Editors"))
print(Token.objects.create(user=user).key)
' | tail -n 1)
cat tests/fuzz/schemathesis.toml "$workdir/dictionaries.toml" >"$workdir/schemathesis.toml"

# The first free port of 8500-8599 (the fuzzer's share of a shared machine), unless told.
PORT=${FUZZ_PORT:-$("$PY" - <<'PYTHON'
import socket

for port in range(8500, 8600):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break
else:
    raise SystemExit("no free port in 8500-8599: set FUZZ_PORT")
PYTHON
)}
BASE=http://127.0.0.1:$PORT
# --limit-request-line 0: the fuzzer repeats a parameter hundreds of times and can write a
# request line past gunicorn's 4,094 bytes, which gunicorn itself refuses with an HTML 414
# before the application sees it. That refusal is the server's, not the API's: let the long
# line through so the API's own answer (a 400 naming the parameter) is what gets checked.
GUNICORN_BIND=127.0.0.1:$PORT WEB_CONCURRENCY=2 GUNICORN_THREADS=1 \
    .venv/bin/gunicorn nafta_tracker.wsgi --access-logfile /dev/null --limit-request-line 0 \
    >"$workdir/server.log" 2>&1 &
server_pid=$!
if ! "$PY" - "$BASE/api/schema/" "$server_pid" <<'PYTHON'
import os, sys, time, urllib.request

url, pid = sys.argv[1], int(sys.argv[2])
for _ in range(150):
    try:
        urllib.request.urlopen(url, timeout=5).read()
        sys.exit(0)
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            sys.exit(1)
        time.sleep(0.2)
sys.exit(1)
PYTHON
then
    cat "$workdir/server.log" >&2
    echo "gunicorn did not answer on $BASE" >&2
    exit 1
fi

echo "Fuzzing $BASE/api/schema/ for up to ${MAX_TIME}s (database: ${DATABASE_URL%%://*})"
status=0
# shellcheck disable=SC2086
"$SCHEMATHESIS" --config-file "$workdir/schemathesis.toml" run "$BASE/api/schema/" \
    --checks all --max-time "$MAX_TIME" --workers "$WORKERS" \
    --header "Authorization: Token $TOKEN" \
    --generation-database none --no-color \
    --report json --report-json-path "$workdir/report.json" ${FUZZ_ARGS:-} || status=$?

# A 500 the checks did not pin on a request (say, inside a stateful step) is still a failure.
server_errors=$(grep -c "^Traceback" "$workdir/server.log" || true)
if ((server_errors)); then
    echo "--- server errors (gunicorn log) ---"
    grep -B2 -A30 "^Traceback" "$workdir/server.log" | head -200
    status=1
fi
# One closing line in the form CI reads: test cases without failures passed, the others failed.
"$PY" - "$workdir/report.json" "$server_errors" "$SECONDS" <<'PYTHON' || status=1
import json, sys

path, server_errors, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3]
try:
    with open(path) as file:
        report = json.load(file)
except (OSError, ValueError):
    sys.exit("fuzz: schemathesis wrote no report")
cases = report["test_cases"]
failed = cases["with_failures"] + cases["errored"]
operations = report["operations"]
print(f"fuzz: {operations['tested']} of {operations['total']} operations tested, {cases['generated']} test cases, "
      f"{server_errors} server errors logged, {seconds}s in all")
print(f"fuzz: {cases['generated'] - failed} passed, {failed} failed")
PYTHON
exit "$status"
