"""django-axes hooks: whose attempts count together (``AXES_CLIENT_IP_CALLABLE``) and
what a locked-out login attempt sees (``AXES_LOCKOUT_CALLABLE``)."""

from __future__ import annotations

import ipaddress
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from rest_framework.throttling import BaseThrottle


def client_ip_address(request: HttpRequest) -> str | None:
    """The client's address, found as the API throttle finds it (DRF ``NUM_PROXIES``).

    One rule for both, from ``PROXY_COUNT`` in settings.py: REMOTE_ADDR when not behind a
    proxy; behind N proxies, the N-th X-Forwarded-For entry from the right, the one the
    first proxy appended. django-ipware counted proxies as the entries *after* the client,
    so the one entry a single proxy sends resolved to no address, and five wrong passwords
    from anywhere locked the account for everyone.

    Not an address (a proxy count larger than the real one reaches into what the client
    wrote): REMOTE_ADDR instead, never text that the database's address column refuses.
    """
    ident = BaseThrottle().get_ident(request)
    try:
        return str(ipaddress.ip_address(ident))
    except ValueError:
        return request.META.get("REMOTE_ADDR")


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """The admin login page with the reason it refuses, and when to try again (HTTP 429)."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {
        **admin.site.each_context(request),
        "title": admin.site.site_title,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": minutes,
    }
    return render(request, "axes/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
