"""gunicorn settings, every one from the environment (gunicorn reads this file from the
working directory; `make serve` and production start it the same way):

    gunicorn nafta_tracker.wsgi

GUNICORN_BIND      address:port to listen on (default 127.0.0.1:$PORT; 0.0.0.0:8000 behind a load balancer)
PORT               port when GUNICORN_BIND is not set (default 8000)
WEB_CONCURRENCY    worker processes (default CPU cores + 1)
GUNICORN_THREADS   threads per worker, gunicorn's gthread worker (default 16)
GUNICORN_TIMEOUT   seconds before a silent worker is killed and replaced (default 30)
FORWARDED_ALLOW_IPS  proxies whose X-Forwarded-* headers gunicorn trusts (gunicorn's own variable)
"""

import multiprocessing
import os


def _int(name: str, default: int, minimum: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number; got {raw!r}.") from None
    if value < minimum:
        raise SystemExit(f"{name} must be at least {minimum}; got {raw!r}.")
    return value


bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{_int('PORT', 8000, 1)}"
# Threaded workers, not sync ones: whatever reads a request holds on until its headers end, so
# eight clients trickling headers a byte at a time took every sync worker of `make serve`, and
# /healthz with them. A gthread worker waits for a connection's first bytes without a thread
# and serves each request from a pool, so slow clients hold threads, not the server
# (tests/ops/test_slow_clients.py). Threads cost little while they wait; each one serving the
# site holds a database connection, so WEB_CONCURRENCY × GUNICORN_THREADS is the most this
# server opens (3 × 16 = 48 on two cores, under PostgreSQL's default 100). A buffering proxy in
# front remains the production answer (docs/deploy.md, "Slow clients").
worker_class = "gthread"
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1, 1)
threads = _int("GUNICORN_THREADS", 16, 1)
timeout = _int("GUNICORN_TIMEOUT", 30, 1)
graceful_timeout = timeout
# Replace each worker after about a thousand requests, staggered, so slow leaks never pile up.
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"
errorlog = "-"
