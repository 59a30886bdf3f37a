#!/usr/bin/env bash
# Load test: gunicorn on the large synthetic data set, driven by wrk, bounded in time.
#
#   bash bench/load.sh                       # 15 s per measurement, 64 connections
#   DURATION=30s CONNECTIONS=128 bash bench/load.sh
#   VARNISH=0 bash bench/load.sh             # without the Varnish column
#
# Builds (once) 100,000 synthetic statements plus the real NAFTA data in the PostgreSQL
# database LOAD_DATABASE_URL (default nafta_load; created if missing), collects static
# files, starts gunicorn with debug off on 127.0.0.1:$LOAD_PORT with Redis as the shared
# cache, and (unless VARNISH=0, or varnishd is missing) Varnish in front of it on
# $VARNISH_PORT with deploy/varnish/nafta.vcl, as `make cache-serve` runs them.
#
# In the same run, so the numbers share one machine state:
#   1. the ceiling: a trivial view (/bench/trivial/) through the whole middleware stack
#      (the app's response cache skips /bench/, so the ceiling runs no query);
#   2. each page and API list from gunicorn, warm in the app's response cache ("cached"),
#      and with a query parameter no view reads, which the app never caches ("uncached");
#   3. the same URLs through Varnish (anonymous readers: hits).
# Prints requests/s and their percentage of the ceiling, latency percentiles (wrk
# --latency) and errors; Varnish's rows also say how many times gunicorn's cached rate
# they reach. Exits 1 if any request failed (a socket error, a timeout or a non-2xx/3xx
# answer). Traffic stays on loopback. The API throttle is raised for the run: this
# measures capacity, not the throttle.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
LOAD_PORT=${LOAD_PORT:-8765}
VARNISH_PORT=${VARNISH_PORT:-8766}
VARNISH=${VARNISH:-1}
TIMEOUT=${TIMEOUT:-10s}
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
export DJANGO_BENCH_VIEWS=1  # routes /bench/trivial/, the ceiling
if [ "$VARNISH" = 1 ] && ! { command -v varnishd >/dev/null || test -x /usr/sbin/varnishd; }; then
    echo "varnishd not found (apt-get install varnish varnish-modules): measuring gunicorn alone"
    VARNISH=0
fi

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

# gunicorn purges Varnish on publish, as under make cache-serve (the set-up above has no Varnish to purge yet).
purge_urls=
[ "$VARNISH" = 0 ] || purge_urls=http://127.0.0.1:$VARNISH_PORT/
DJANGO_HTTP_CACHE_PURGE_URLS=$purge_urls .venv/bin/gunicorn nafta_tracker.wsgi --bind 127.0.0.1:"$LOAD_PORT" --workers "$WORKERS" \
    --access-logfile /dev/null --error-logfile /tmp/nafta-load-gunicorn.log &
gunicorn_pid=$!
varnish_pid=
cleanup() {
    [ -z "$varnish_pid" ] || kill "$varnish_pid" 2>/dev/null || true
    kill "$gunicorn_pid" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$LOAD_PORT/healthz" && break; sleep 0.2; done
if [ "$VARNISH" = 1 ]; then
    varnish_dir=$(mktemp -d /tmp/nafta-load-varnish.XXXXXX)
    chmod 755 "$varnish_dir"
    bash deploy/varnish/run.sh "$LOAD_PORT" "$VARNISH_PORT" "$varnish_dir" >/tmp/nafta-load-varnish.log 2>&1 &
    varnish_pid=$!
    for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$VARNISH_PORT/healthz" && break; sleep 0.2; done
fi

urls=(
    "/"
    "$issue_path"
    "$busy_issue_path"
    "/api/v1/issues/"
    "/api/v1/statements/"
    "/api/v1/positions/"
    "/api/v1/rounds/"
)
# A parameter no view reads: the app's response cache never stores such a request (response_cache.py).
uncached_param="load_test_uncached=1"
with_param() { case "$1" in *\?*) echo "$1&$uncached_param" ;; *) echo "$1?$uncached_param" ;; esac; }

failed=0
ceiling=
# drain: wait until gunicorn has answered what the last run left queued. wrk stops sending,
# but the requests its 64 connections had sent still wait in gunicorn's queue: behind an
# uncached issue page (about 8 a second) that is several seconds of work, which the next
# run measured as its own tail (cached pages' p90 of 1.6-6.5 s against a p50 of 70-140 ms).
drain() {
    local took
    for _ in $(seq 1 120); do
        took=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$LOAD_PORT/healthz" || echo 9)
        awk -v t="$took" 'BEGIN {exit !(t < 0.05)}' && return 0
        sleep 0.5
    done
}
# measure LABEL BASE PATH [GUNICORN_RPS]: one wrk run, one table row; sets $rps.
measure() {
    local label=$1 base=$2 path=$3 against=${4:-}
    local out p50 p90 p99 max non2xx sockets errors percent ratio
    drain
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" --latency "$base$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p90=$(awk '$1 == "90%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    max=$(awk '$1 == "Latency" {print $4}' <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx responses/ {print $NF}' <<<"$out")
    sockets=$(awk -F'[ ,]+' '/Socket errors/ {print $4 + $6 + $8 + $10}' <<<"$out")
    errors=$(( ${non2xx:-0} + ${sockets:-0} ))
    [ "$errors" -eq 0 ] || failed=1
    percent=$(awk -v r="$rps" -v c="${ceiling:-$rps}" 'BEGIN {printf "%.0f%%", 100 * r / c}')
    ratio=
    [ -z "$against" ] || ratio=$(awk -v r="$rps" -v g="$against" 'BEGIN {printf "%.1fx", r / g}')
    printf '%-40s %-9s %9s %8s %8s %8s %8s %8s %6s %7s\n' \
        "$path" "$label" "$rps" "$percent" "$p50" "$p90" "$p99" "$max" "$errors" "$ratio"
}

header() {
    printf '%-40s %-9s %9s %8s %8s %8s %8s %8s %6s %7s\n' \
        "URL" "served" "req/s" "ceiling" "p50" "p90" "p99" "max" "errors" "vs app"
}

printf '\nwrk %s, %s connections, %s threads, timeout %s; gunicorn %s workers; PostgreSQL %s; Redis cache\n' \
    "$DURATION" "$CONNECTIONS" "$THREADS" "$TIMEOUT" "$WORKERS" "$dbname"
printf 'load average before: %s\n\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
header
app=http://127.0.0.1:$LOAD_PORT
measure "ceiling" "$app" "/bench/trivial/"
ceiling=$rps
declare -A cached_rps
for path in "${urls[@]}"; do
    curl -sf -o /dev/null "$app$path"  # warm the app's response cache
    measure "cached" "$app" "$path"
    cached_rps[$path]=$rps
    measure "uncached" "$app" "$(with_param "$path")"
done
if [ "$VARNISH" = 1 ]; then
    cache=http://127.0.0.1:$VARNISH_PORT
    for path in "${urls[@]}"; do
        curl -sf -o /dev/null "$cache$path"  # fill Varnish
        measure "varnish" "$cache" "$path" "${cached_rps[$path]}"
    done
fi
printf '\nload average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
echo "ceiling: /bench/trivial/ through every middleware on gunicorn; \"vs app\": Varnish's req/s over gunicorn's cached req/s"
echo
if [ "$failed" -ne 0 ]; then
    echo "Some requests failed; see /tmp/nafta-load-gunicorn.log" >&2
    exit 1
fi
echo "No errors."
