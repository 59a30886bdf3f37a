"""``/healthz`` for load balancers: can this app server reach its database(s) and cache?

Answered by a middleware at the top of the stack, before host validation, HTTPS
redirects, sessions and the page cache: a load balancer probes each server by its own
address over plain HTTP, and the answer must never come from a cache. It costs one
``SELECT 1`` per database and a cache set/get; it reveals nothing but which part failed.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"


def check_database(alias: str) -> None:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not return what was just stored")
    finally:
        cache.delete(key)


def run_checks() -> dict[str, str]:
    """Each dependency's state: "ok", or "error: <exception class>" (details go to the log)."""
    checks: list[tuple[str, Callable[[], None]]] = [
        ("database" if alias == "default" else alias, lambda alias=alias: check_database(alias))
        for alias in connections
    ]
    checks.append(("cache", check_cache))
    results = {}
    for name, check in checks:
        try:
            check()
        except Exception as exc:
            logger.exception("Health check %r failed", name)
            results[name] = f"error: {type(exc).__name__}"
        else:
            results[name] = "ok"
    return results


def health_response() -> HttpResponse:
    results = run_checks()
    healthy = all(value == "ok" for value in results.values())
    response = JsonResponse({"status": "ok" if healthy else "error", "checks": results}, status=200 if healthy else 503)
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.rstrip("/") != HEALTH_PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = JsonResponse({"status": "error", "detail": "Use GET."}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        return health_response()
