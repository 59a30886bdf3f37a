#!/usr/bin/env bash
# Load test: gunicorn on the large synthetic data set, driven by wrk, bounded in time.
#
#   bash bench/load.sh                       # 15 s per URL, 64 connections
#   DURATION=30s CONNECTIONS=128 bash bench/load.sh
#
# Builds (once) 100,000 synthetic statements plus the real NAFTA data in the PostgreSQL
# database LOAD_DATABASE_URL (default nafta_load; created if missing), collects static
# files, starts gunicorn with debug off on 127.0.0.1:$LOAD_PORT with Redis as the shared
# cache, then runs wrk against the home page, an issue page and the main API lists.
# Prints requests/s, latency percentiles and errors per URL; exits 1 if any request
# failed (a socket error, a timeout or a non-2xx/3xx answer). Traffic stays on loopback.
# The API throttle is raised for the run: this measures capacity, not the throttle.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
LOAD_PORT=${LOAD_PORT:-8765}
WORKERS=${WORKERS:-4}
LOAD_DATABASE_URL=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/nafta_load}
LOAD_REDIS_URL=${LOAD_REDIS_URL:-redis://127.0.0.1:6379/9}
PY=.venv/bin/python

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
make --no-print-directory install messages >/dev/null 2>&1

export DATABASE_URL=$LOAD_DATABASE_URL REDIS_URL=$LOAD_REDIS_URL
export DJANGO_DEBUG=0 DJANGO_SECRET_KEY=load-test-only-key DJANGO_ALLOWED_HOSTS=127.0.0.1
export DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 DJANGO_SECURE_HSTS_SECONDS=0
export DJANGO_API_ANON_RATE=100000000/minute DJANGO_API_USER_RATE=100000000/minute
export DJANGO_STATIC_ROOT=${DJANGO_STATIC_ROOT:-/tmp/nafta-load-static}

dbname=${LOAD_DATABASE_URL##*/}
psql "${LOAD_DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$dbname'" | grep -q 1 \
    || psql "${LOAD_DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE \"$dbname\""
$PY manage.py migrate --noinput -v0
statements=$($PY manage.py shell -v0 -c "from issues.models import Statement; print(Statement.objects.count())")
if [ "$statements" -lt 100000 ]; then
    echo "Building the synthetic data set (about a minute)…"
    $PY -m bench.synthetic --reset
fi
$PY manage.py load_nafta >/dev/null
$PY manage.py collectstatic --noinput -v0
redis-cli -u "$LOAD_REDIS_URL" flushdb >/dev/null

issue_path=$($PY manage.py shell -v0 -c "from issues.models import Issue; print(Issue.objects.get(slug='auto-rules-of-origin').get_absolute_url())")
busy_issue_path=$($PY manage.py shell -v0 -c "
from django.db.models import Count
from issues.models import Issue
print(Issue.objects.annotate(n=Count('statements')).order_by('-n').first().get_absolute_url())")

.venv/bin/gunicorn nafta_tracker.wsgi --bind 127.0.0.1:"$LOAD_PORT" --workers "$WORKERS" \
    --access-logfile /dev/null --error-logfile /tmp/nafta-load-gunicorn.log &
gunicorn_pid=$!
trap 'kill $gunicorn_pid 2>/dev/null; wait $gunicorn_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$LOAD_PORT/healthz" && break; sleep 0.2; done

urls=(
    "/"
    "$issue_path"
    "$busy_issue_path"
    "/api/v1/issues/"
    "/api/v1/statements/"
    "/api/v1/positions/"
    "/api/v1/rounds/"
)

printf '\nwrk %s, %s connections, %s threads; gunicorn %s workers; PostgreSQL %s; Redis cache\n\n' \
    "$DURATION" "$CONNECTIONS" "$THREADS" "$WORKERS" "$dbname"
printf '%-42s %10s %9s %9s %9s %9s %8s\n' "URL" "req/s" "p50" "p90" "p99" "max" "errors"
failed=0
for path in "${urls[@]}"; do
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$LOAD_PORT$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p90=$(awk '$1 == "90%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    max=$(awk '$1 == "Latency" {print $4}' <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx responses/ {print $NF}' <<<"$out")
    sockets=$(awk -F'[ ,]+' '/Socket errors/ {print $4 + $6 + $8 + $10}' <<<"$out")
    errors=$(( ${non2xx:-0} + ${sockets:-0} ))
    [ "$errors" -eq 0 ] || failed=1
    printf '%-42s %10s %9s %9s %9s %9s %8s\n' "$path" "$rps" "$p50" "$p90" "$p99" "$max" "$errors"
done
echo
if [ "$failed" -ne 0 ]; then
    echo "Some requests failed; see /tmp/nafta-load-gunicorn.log" >&2
    exit 1
fi
echo "No errors."
