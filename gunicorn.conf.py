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


def post_worker_init(worker) -> None:
    """Put what a worker loads at start out of the garbage collector's way (``gc.freeze()``).

    A worker holds some 170,000 objects from start-up (Django, the URLconf and every view,
    serializer and form module it imports) that live as long as it does. Every full
    collection walked them all: a few milliseconds, landing on whichever request was
    running. In-process, 60 requests each at 100,000 statements, mean CPU time per request
    (the median did not move, the spikes did): /api/v1/statements/ 35.9 -> 30.5 ms,
    /api/v1/issues/ 49.1 -> 41.4 ms, /issues/ 35.2 -> 32.1 ms. Frozen objects are still
    freed by reference counting; only cycles among them are left for the worker's life,
    which max_requests bounds.
    """
    import gc

    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view module now, so they are frozen too
    gc.collect()
    gc.freeze()
