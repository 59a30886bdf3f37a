"""gunicorn settings, every one from the environment (gunicorn reads this file from the
working directory; `make serve` and production start it the same way):

    gunicorn nafta_tracker.wsgi

GUNICORN_BIND      address:port to listen on (default 127.0.0.1:$PORT; 0.0.0.0:8000 behind a load balancer)
PORT               port when GUNICORN_BIND is not set (default 8000)
WEB_CONCURRENCY    worker processes (default 2 × CPU cores + 1)
GUNICORN_THREADS   threads per worker (default 1; more than 1 uses gunicorn's gthread worker)
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
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1, 1)
threads = _int("GUNICORN_THREADS", 1, 1)
timeout = _int("GUNICORN_TIMEOUT", 30, 1)
graceful_timeout = timeout
# Replace each worker after about a thousand requests, staggered, so slow leaks never pile up.
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"
errorlog = "-"
