"""Every write request is one transaction; read requests are not wrapped at all.

Django's ``ATOMIC_REQUESTS`` would give the first half, but it wraps every GET too: a
BEGIN/COMMIT pair on each of the thousands of reads a round's close brings, for
nothing. This middleware opens a transaction only for methods that may write, and
rolls it back when the request fails: a 5xx answer, whether the view raised (Django
turns the exception into a 500 before it reaches us) or answered 500 itself. A
4xx is an answer, not a failure: a refused login still records its attempt
(django-axes counts them) and a form with errors wrote nothing anyway.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS, transaction
from django.http import HttpRequest, HttpResponse

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class AtomicWritesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in READ_METHODS:
            return self.get_response(request)
        with transaction.atomic(using=DEFAULT_DB_ALIAS):
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True, using=DEFAULT_DB_ALIAS)
            return response
