"""CORS for the API's reads: a newsroom's dashboard on its own domain reads the API from the browser.

django-cors-headers answers for every method of a matching URL; here only reads are
cross-origin: ``GET``, ``HEAD`` and ``OPTIONS`` (and the preflights that ask for them)
from any origin, without credentials (``Access-Control-Allow-Origin: *``, so browsers
send no cookies with them). A write from another origin gets no CORS headers: its
preflight does not allow it, and the answer to a simple cross-origin ``POST`` cannot be
read. Writes are made same-origin (the browsable API, with its session and CSRF token)
or with a token from a program, where CORS does not apply.
"""

from __future__ import annotations

from corsheaders.middleware import CorsMiddleware
from django.http import HttpRequest

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class ReadOnlyCorsMiddleware(CorsMiddleware):
    def is_enabled(self, request: HttpRequest) -> bool:
        method = request.method
        if method == "OPTIONS" and "access-control-request-method" in request.headers:
            method = request.headers["access-control-request-method"].upper()  # a preflight: for what?
        return method in READ_METHODS and super().is_enabled(request)
