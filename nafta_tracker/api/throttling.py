"""The API's rate limits, counted in one atomic step, telling the client its budget.

DRF's throttles keep, per client, the list of its request times over the last period,
read, trimmed, appended to and written back on every request: the work grows with the
limit (1,200 timestamps for a client at the user rate), and two requests of one client
on two workers each read the same list and each write back their own, so requests went
uncounted. Here each client has one integer per window of the rate's period, raised by
the cache's atomic increment (Redis ``INCR``, sent with the counter's creation in one
round trip): constant cost whatever the limit, and exactly ``limit`` requests allowed
per window on any number of servers. The windows are fixed (they start on multiples of
the period since the epoch), as GitHub's API and the IETF draft's examples count: a
client may spend one window's budget at its end and the next one's at its start.

:class:`RateLimitHeadersMiddleware` writes what the throttle found as the IETF draft's
fields (draft-ietf-httpapi-ratelimit-headers):

* ``RateLimit-Limit``: requests allowed per window (e.g. 120 for an anonymous client);
* ``RateLimit-Remaining``: how many more the window allows now (0 on a 429);
* ``RateLimit-Reset``: seconds until the window ends and the budget is whole again; on a
  429 it equals ``Retry-After``.

DRF counts an anonymous client by both throttles, its address at the anonymous and at the
user rate. Where the anonymous budget is the smaller over the same period (the default:
120 against 1,200 a minute), the user one can never run out first, and counting it cost
an anonymous request a second round trip to Redis for nothing: it is then left out
(``UserRateThrottle``). Otherwise both count, and the headers give the one with fewer
requests left. A response no throttle
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
    """A DRF rate throttle counted per fixed window with one atomic increment (see the module
    docstring); notes the budget it found for the ``RateLimit-*`` headers."""

    def _window(self, now: float) -> tuple[str, float]:
        """The counter's key for the window holding ``now``, and when that window ends."""
        index = int(now // self.duration)
        return f"{self.key}:{index}", (index + 1) * self.duration

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        counter, self.window_end = self._window(self.now)
        try:
            # The counter outlives its window by a second, so that it is never read after
            # expiring in the middle of it; refused requests count too (it only says "none left").
            used = _count(self.cache, counter, timeout=math.ceil(self.duration) + 1)
        except Exception:  # the cache holding the counters is down (or lost the key): let it through
            logger.exception("Throttle cache unavailable; request not counted.")
            return True
        _record(request, self.budget(used, self.now))
        return used <= self.num_requests

    def wait(self) -> float:
        """Seconds until the window ends (DRF's ``Retry-After``)."""
        return max(0.0, self.window_end - self.now)

    def budget(self, used: int, now: float) -> Budget:
        _, window_end = self._window(now)
        return Budget(
            limit=self.num_requests,
            remaining=max(0, self.num_requests - used),
            reset=max(1, math.ceil(window_end - now)),
        )

    def peek(self, request: HttpRequest) -> Budget | None:
        """The budget as it stands, without counting a request (None when this throttle does not apply)."""
        if self.rate is None:
            return None
        self.key = self.get_cache_key(request, None)
        if self.key is None:
            return None
        now = self.timer()
        counter, _ = self._window(now)
        try:
            used = self.cache.get(counter, 0)
        except Exception:
            logger.exception("Throttle cache unavailable; no RateLimit headers.")
            return None
        return self.budget(int(used), now)


class AnonRateThrottle(BudgetMixin, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(BudgetMixin, throttling.UserRateThrottle):
    def get_cache_key(self, request, view):
        user = getattr(request, "user", None)
        if not (user and user.is_authenticated) and _anonymous_budget_binds_first(self, view):
            return None  # the view's AnonRateThrottle alone counts it: see the module docstring
        return super().get_cache_key(request, view)


def _anonymous_budget_binds_first(user_throttle: UserRateThrottle, view) -> bool:
    """Whether the view's anonymous throttle, counting the same requests in the same windows,
    always refuses before ``user_throttle`` would: same period, no more requests allowed."""
    classes = getattr(view, "throttle_classes", None) or api_settings.DEFAULT_THROTTLE_CLASSES
    if AnonRateThrottle not in classes:
        return False
    anonymous = AnonRateThrottle()
    return (
        anonymous.rate is not None
        and anonymous.duration == user_throttle.duration
        and anonymous.num_requests <= user_throttle.num_requests
    )


def _count(cache, key: str, timeout: int) -> int:
    """Add one to the counter ``key`` (created at 0, living ``timeout`` s): one Redis round trip
    with the production backend (``SharedClientRedisCache.count``), ``add`` and ``incr``
    with any other cache."""
    count = getattr(cache, "count", None)  # DRF's cache is a proxy of the default cache: ask it
    if count is not None:
        return count(key, timeout)
    cache.add(key, 0, timeout=timeout)
    return cache.incr(key)


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
