"""DRF's throttles, telling the client its budget: ``RateLimit-*`` headers on every API response.

A client used to learn its budget only by exhausting it (429 with ``Retry-After``). The
throttles here are DRF's (same rates, same cache counters, same sliding window: the
requests of the last period are counted) and note what they found on the request;
:class:`RateLimitHeadersMiddleware` writes it as the IETF draft's fields
(draft-ietf-httpapi-ratelimit-headers):

* ``RateLimit-Limit``: requests allowed per window (e.g. 120 for an anonymous client);
* ``RateLimit-Remaining``: how many more the window allows now (0 on a 429);
* ``RateLimit-Reset``: seconds until the oldest request counted leaves the window, so at
  least one more is allowed; on a 429 it equals ``Retry-After``.

An anonymous client is counted by both throttles (its address, at the anonymous and the
user rate): the headers give the one with fewer requests left. A response no throttle
counted (an error before throttling, such as a 401 or 403, or a redirect) reports the
budget as it stands, read without spending any of it.

The counters live in the default cache (Redis in production). When it fails, requests
are let through uncounted and without headers, and the failure is logged: a public read
API that answers 500 to everyone because its limiter cannot count is worse than one that
briefly cannot limit.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from rest_framework import throttling
from rest_framework.settings import api_settings

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
_REQUEST_ATTRIBUTE = "_rate_limit_budgets"
HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")


@dataclass(frozen=True)
class Budget:
    limit: int
    remaining: int
    reset: int  # seconds


class BudgetMixin:
    """Notes the budget the throttle found (after counting the request, if it was allowed)."""

    def allow_request(self, request, view) -> bool:
        try:
            allowed = super().allow_request(request, view)
        except Exception:  # the cache holding the counters is down: let the request through
            logger.exception("Throttle cache unavailable; request not counted.")
            return True
        if self.rate is not None and self.key is not None:
            _record(request, self.budget(self.history, self.now))
        return allowed

    def budget(self, history: list[float], now: float) -> Budget:
        remaining = max(0, self.num_requests - len(history))
        reset = history[-1] + self.duration - now if history else 0
        return Budget(limit=self.num_requests, remaining=remaining, reset=max(0, math.ceil(reset)))

    def peek(self, request: HttpRequest) -> Budget | None:
        """The budget as it stands, without counting a request (None when this throttle does not apply)."""
        if self.rate is None:
            return None
        key = self.get_cache_key(request, None)
        if key is None:
            return None
        now = self.timer()
        try:
            stored = self.cache.get(key, [])
        except Exception:
            logger.exception("Throttle cache unavailable; no RateLimit headers.")
            return None
        history = [moment for moment in stored if moment > now - self.duration]
        return self.budget(history, now)


class AnonRateThrottle(BudgetMixin, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(BudgetMixin, throttling.UserRateThrottle):
    pass


def _record(request, budget: Budget) -> None:
    django_request = getattr(request, "_request", request)  # DRF's Request wraps Django's
    budgets = getattr(django_request, _REQUEST_ATTRIBUTE, None)
    if budgets is None:
        budgets = []
        setattr(django_request, _REQUEST_ATTRIBUTE, budgets)
    budgets.append(budget)


def binding(budgets: list[Budget]) -> Budget | None:
    """The budget that runs out first: fewest requests left, then the longest wait."""
    return min(budgets, key=lambda budget: (budget.remaining, -budget.reset), default=None)


class RateLimitHeadersMiddleware:
    """Adds ``RateLimit-Limit``, ``-Remaining`` and ``-Reset`` to every response under ``/api/``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path_info.startswith(API_PREFIX):
            return response
        budgets = getattr(request, _REQUEST_ATTRIBUTE, None)
        if budgets is None and hasattr(request, "user"):  # no throttle ran for this response
            budgets = [
                found
                for throttle_class in api_settings.DEFAULT_THROTTLE_CLASSES
                if issubclass(throttle_class, BudgetMixin) and (found := throttle_class().peek(request)) is not None
            ]
        budget = binding(budgets or [])
        if budget is not None:
            response["RateLimit-Limit"] = str(budget.limit)
            response["RateLimit-Remaining"] = str(budget.remaining)
            response["RateLimit-Reset"] = str(budget.reset)
        return response
