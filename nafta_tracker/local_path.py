"""The path a request asked for, as a link that cannot leave the site.

A request for ``//evil.example/`` reaches Django with that path (and a 404). Written
back into a page as a link, it is a scheme-relative URL to another host; passed to
``translate_url`` it became ``//evil.example/fr/`` in the language links and hreflang
tags. Browsers also read a backslash as a slash (``/\\evil.example``; Django escapes
it, but not the slashes). Any run of slashes and backslashes at the start is
collapsed to one slash.
"""

from __future__ import annotations

import re

from django.http import HttpRequest

_LEADING_SLASHES = re.compile(r"^[/\\]+")


def local_path(request: HttpRequest) -> str:
    """``request.get_full_path()`` with one leading slash: always a path on this site."""
    return _LEADING_SLASHES.sub("/", request.get_full_path())
