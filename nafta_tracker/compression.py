"""gzip for HTML pages, which whitenoise (static files only) leaves uncompressed.

An issue page is 80 KB of HTML and about 15 KB gzipped: on a phone's slow connection that is
most of the time to first paint (Lighthouse, make lighthouse: "Enable text compression").

HTML only, on purpose. Django's GZipMiddleware turns a strong ETag weak (the compressed bytes
differ), and the API's writes compare ETags strongly (If-Match, nafta_tracker/freshness.py):
a client that read a gzipped record could never update it. Page ETags are only ever used for
conditional GETs, which compare weakly. Django's middleware also adds random bytes to each
compressed response against BREACH-style guessing of secrets (the admin's CSRF tokens).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware


class HtmlGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, applied to ``text/html`` responses only."""

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        return super().process_response(request, response)
