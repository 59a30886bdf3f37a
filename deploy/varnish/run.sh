#!/usr/bin/env bash
# Varnish in the foreground in front of a gunicorn on this machine, with deploy/varnish/nafta.vcl.
#
#   bash deploy/varnish/run.sh BACKEND_PORT LISTEN_PORT [WORK_DIR]
#
# Fills the backend port into a copy of the VCL (Varnish reads no environment), then execs
# varnishd -F listening on 127.0.0.1:LISTEN_PORT with VARNISH_MEMORY (default 256m) of
# cache in memory. WORK_DIR (default /tmp/nafta-varnish-LISTEN_PORT) holds its shared
# memory log and the compiled VCL. Used by `make cache-serve`, bench/load.sh and
# tests/ops/test_shared_http_cache.py.
set -euo pipefail
backend_port=${1:?backend port}
listen_port=${2:?listen port}
work_dir=${3:-/tmp/nafta-varnish-$listen_port}
here=$(cd "$(dirname "$0")" && pwd)

command -v varnishd >/dev/null || PATH=$PATH:/usr/sbin
command -v varnishd >/dev/null || {
    echo "varnishd not found: apt-get install -y varnish varnish-modules" >&2
    exit 1
}
mkdir -p "$work_dir"
chmod 755 "$work_dir"
sed "s/\"BACKEND_PORT\"/\"$backend_port\"/" "$here/nafta.vcl" >"$work_dir/nafta.vcl"
chmod 644 "$work_dir/nafta.vcl"
exec varnishd -F -n "$work_dir" -f "$work_dir/nafta.vcl" -a "127.0.0.1:$listen_port" \
    -s "malloc,${VARNISH_MEMORY:-256m}" -p thread_pool_min=20 ${VARNISH_ARGS:-}
