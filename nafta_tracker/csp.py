"""Content-Security-Policy: django-csp's middleware, plus exceptions scoped to URL prefixes.

The policy itself is ``CONTENT_SECURITY_POLICY`` in settings: only this origin's scripts,
styles, fonts and connections, no plugins, no framing, forms posting only here. Some
third-party admin templates (django-simple-history, django-import-export) carry inline
``style`` attributes and one inline event handler. Rather than loosen the whole site for
them, ``CSP_PATH_UPDATES`` maps a path prefix to directives added for that prefix only.
A view can still adjust its own policy with django-csp's decorators (``csp_update``…).
"""

from __future__ import annotations

from typing import Any

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def _merged(base: dict[str, Any] | None, extra: dict[str, list[str]]) -> dict[str, Any]:
    merged: dict[str, Any] = {key: list(value) for key, value in (base or {}).items()}
    for directive, sources in extra.items():
        merged.setdefault(directive, [])
        merged[directive] = [*merged[directive], *sources]
    return merged


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only:
            for prefix, directives in getattr(settings, "CSP_PATH_UPDATES", {}).items():
                if request.path_info.startswith(prefix):
                    parts.update = _merged(parts.update, directives)
        return parts
