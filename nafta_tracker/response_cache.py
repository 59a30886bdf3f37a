"""Cached public responses that stay correct on any number of app servers.

No invalidation of its own: every key holds the public state the response was rendered
from, the same token the pages' ETag is made of (``nafta_tracker.freshness.public_state``:
when public data last changed, today's date, the language, the build). A publish moves
``public_data_changed_at()``, so the next request on *every* server asks for a key that
does not exist yet and renders fresh data; the old entries are never read again and
expire on their own. Draft saves move nothing public, so they leave the cache warm. The
price is the one indexed query that makes that token on every cacheable request, which
pages paid already for their ETag. There is no counter to bump, and nothing a server can
miss: the token comes from the database every server reads.

What is cached, keyed by host + full URL + language + Accept header + public state:

* :class:`PublicPageCacheMiddleware`: anonymous ``GET`` responses of public pages. Not
  under ``RESPONSE_CACHE_EXCLUDED_PATHS`` (admin, API, i18n, health), not for requests
  carrying a session or messages cookie (a logged-in editor always sees the live site),
  and never a response that is personal: one that sets a cookie, used the CSRF token (a
  form with ``{% csrf_token %}``), wrote the session, queued a message, varies on
  ``Cookie`` or anything the key does not cover, or says ``private``/``no-store``.
* :func:`cache_api_data`: a decorator for DRF view methods (``list``, ``retrieve``). It
  runs inside the view, after authentication, permissions and throttling, and stores
  ``response.data`` (not the rendered bytes), so JSON, CSV or the browsable API are all
  rendered per request from one cached payload. Only for anonymous clients.

Caching is on when ``RESPONSE_CACHE_SECONDS`` > 0: by default only with ``REDIS_URL``,
where every app server shares one copy of each response (a cache in each process's
memory would still be correct, but would hold one copy per process).
A cache that fails (Redis down) makes requests uncached, never failed.

Writes must move what the validators read (``updated_at``, ``public_changed_at``, the
history): the services do, ``QuerySet.update()`` and raw SQL do not, and a page they
change stays cached, and keeps its ETag, until the next change that does.

Only for query strings the view reads. While a cacheable GET runs, ``request.GET`` notes
every parameter asked for by name (:class:`ReadRecordingQueryDict`: a form field, a
filterset, ``page``, ``page_size``, ``format``, ``ordering``...), and a response is stored
only when every parameter the request carries was one of them. ``?utm_source=<random>``
is read by no view, so such requests are served uncached and add nothing: before, each
added an entry (about 50 kB for /statements/). The list of parameters that matter is
what the views read, not one kept by hand beside them.

Why not store such a request under the key of the URL without the unread parameters:
pages and payloads repeat the whole query string, so they are not the same answer.
The language links (``local_path``) and DRF's ``next``/``previous`` links are built
from the full URL, and ``IssueFilterForm(request.GET or None)`` is bound by any
parameter at all. Serving the canonical copy would answer differently from the
uncached view; rendering it costs what the request cost before the cache existed.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe

from .freshness import public_state
from .http_cache import SURROGATE_KEY_HEADER, surrogate_keys

logger = logging.getLogger(__name__)

#: A response larger than this is served but not stored (e.g. a full CSV export).
MAX_CACHED_BYTES = 1024 * 1024
#: Tells clients and tests whether the response came from the cache.
CACHE_STATUS_HEADER = "X-Response-Cache"
#: Vary headers the cache key accounts for; a response varying on anything else is not stored.
_KEYED_VARY_HEADERS = {"accept", "accept-language"}


# --------------------------------------------------------------------------- query parameters read


class ReadRecordingQueryDict(QueryDict):
    """A request's ``GET`` that notes the parameters asked for by name.

    ``get``, ``getlist``, ``[name]`` and ``in`` note the name; so do ``items()``,
    ``values()`` and ``dict()``, which read every value. Iterating the names, ``lists()``,
    ``urlencode()`` or ``copy()`` note nothing, so a view that reads only through them is
    not cached when the request has parameters: an omission costs a miss, never a wrong hit.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.names_read: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        self.names_read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self.names_read.add(key)
        return super().__contains__(key)

    def getlist(self, key: str, default: Any = None) -> Any:
        self.names_read.add(key)
        return super().getlist(key, default)


def record_query_reads(request: HttpRequest) -> ReadRecordingQueryDict:
    """Make ``request.GET`` note which parameters are read (idempotent); return it."""
    if isinstance(request.GET, ReadRecordingQueryDict):
        return request.GET
    recording = ReadRecordingQueryDict(mutable=True, encoding=request.GET.encoding)
    for name, values in request.GET.lists():
        recording.setlist(name, values)
    recording._mutable = False
    request.GET = recording
    return recording


def _every_parameter_was_read(request: HttpRequest) -> bool:
    """Whether the view asked for every parameter of the query string (see the module docstring)."""
    parameters = request.GET
    if not parameters:
        return True
    if not isinstance(parameters, ReadRecordingQueryDict):
        return False
    return set(parameters.keys()) <= parameters.names_read


# --------------------------------------------------------------------------- keys and storage


def response_cache_key(kind: str, request: HttpRequest, *, vary_on_accept: bool = True) -> str:
    """The key of ``request``'s cached response in the current public state.

    Hashed, so that a 10 kB query string makes a key of the usual length.
    """
    parts = [
        request.get_host(),
        request.get_full_path(),
        getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        request.headers.get("Accept", "") if vary_on_accept else "",
    ]
    digest = hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
    return f"response:{kind}:{public_state(request)}:{digest}"


def _cache_get(key: str) -> Any:
    try:
        return cache.get(key)
    except Exception:
        logger.exception("Response cache read failed; serving uncached.")
        return None


def _cache_set(key: str, value: Any, seconds: int) -> bool:
    """Store ``value``; whether it was stored (a failing cache is logged, not raised)."""
    try:
        cache.set(key, value, timeout=seconds)
    except Exception:
        logger.exception("Response cache write failed.")
        return False
    return True


def _key_or_none(kind: str, request: HttpRequest, **kwargs: Any) -> str | None:
    try:
        return response_cache_key(kind, request, **kwargs)
    except Exception:
        logger.exception("Response cache unavailable; serving uncached.")
        return None


# --------------------------------------------------------------------------- public pages


def _request_may_use_cache(request: HttpRequest) -> bool:
    if request.method != "GET":
        return False
    if request.path_info.startswith(tuple(settings.RESPONSE_CACHE_EXCLUDED_PATHS)):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False  # possibly logged in, or has messages waiting: personal
    return "Authorization" not in request.headers


def _response_is_shareable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token tied to this visitor's cookie
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    if getattr(getattr(request, "_messages", None), "_queued_messages", None):
        return False
    cache_control = {word.strip().split("=")[0].lower() for word in response.get("Cache-Control", "").split(",")}
    if cache_control & {"private", "no-store", "no-cache"}:
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()}
    if not vary <= _KEYED_VARY_HEADERS:
        return False
    return len(response.content) <= MAX_CACHED_BYTES


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the shared cache (see the module docstring).

    Sits innermost in MIDDLEWARE, after LocaleMiddleware (the key needs the language) and
    before nothing that changes the page: security headers, the CSP header and the
    language headers are added around the cached page on every request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.RESPONSE_CACHE_SECONDS
        if seconds and request.method == "GET":
            # Before anything reads a parameter, DRF's ?format= included (for cache_api_data too).
            record_query_reads(request)
        if not seconds or not _request_may_use_cache(request):
            return self.get_response(request)
        key = _key_or_none("page", request)
        if key is None:
            return self.get_response(request)
        cached = _cache_get(key)
        if cached is not None:
            cached[CACHE_STATUS_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if _response_is_shareable(request, response) and _every_parameter_was_read(request):
            if _cache_set(key, response, seconds):
                response[CACHE_STATUS_HEADER] = "miss"
        return response


# --------------------------------------------------------------------------- API


def _rendered_key(key: str, media_type: str) -> str:
    """Where the rendered bytes of the payload under ``key`` are kept, for one media type."""
    return f"{key}:bytes:{hashlib.sha256(media_type.encode()).hexdigest()[:16]}"


def _renders_plain_json(request: Any) -> bool:
    """Whether the request is answered by the JSON renderer with nothing in the media type but
    its name: the bytes then depend on the payload alone (no ``indent=``, no per-request links
    of the browsable API, no ``Content-Disposition`` of the CSV renderer)."""
    renderer = getattr(request, "accepted_renderer", None)
    return getattr(renderer, "format", None) == "json" and request.accepted_media_type == renderer.media_type


def _store_rendered(key: str, headers: dict[str, str], seconds: int) -> Callable[[Any], None]:
    def store(response: Any) -> None:
        if response.status_code == 200:
            _cache_set(key, (response.content, response["Content-Type"], headers), seconds)

    return store


def _answer_from_cache(request: Any, headers: dict[str, str], make: Callable[[], Any]) -> Any:
    """The cached answer, or a 304 when the client holds its validators."""
    from rest_framework.response import Response

    # The cached answer carries the validators the view computed; honour them here too,
    # or a client polling with If-None-Match would pay a full body on a hit.
    not_modified = get_conditional_response(
        request,
        etag=headers.get("ETag"),
        last_modified=parse_http_date_safe(headers.get("Last-Modified", "")),
    )
    response = Response(status=304, headers=headers) if not_modified else make()
    response[CACHE_STATUS_HEADER] = "hit"
    return response


def cache_api_data(method: Callable[..., Any]) -> Callable[..., Any]:
    """Cache a DRF view method's ``response.data`` for anonymous GETs.

    Use on ``list``/``retrieve`` (or ``get``) of a view whose output depends only on the
    URL, the language and the data: throttling and permissions have already run when the
    method is called, and rendering (JSON, CSV, …) happens afterwards, per request::

        class IssueViewSet(viewsets.ReadOnlyModelViewSet):
            @cache_api_data
            def list(self, request, *args, **kwargs):
                return super().list(request, *args, **kwargs)

    The payload is kept per format (the renderer content negotiation chose): the CSV
    serializer's rows are not the JSON serializer's. Plain JSON, what nearly every client
    asks for, is also kept rendered: a hit then
    sends the stored bytes, without unpickling the payload and encoding it again (for
    a 50-statement list that was most of a hit's time: about 2 ms of 5, in-process).
    """

    @functools.wraps(method)
    def wrapper(view: Any, request: Any, *args: Any, **kwargs: Any) -> Any:
        from rest_framework.response import Response

        seconds = settings.RESPONSE_CACHE_SECONDS
        if not seconds or request.method != "GET" or request.user.is_authenticated:
            return method(view, request, *args, **kwargs)
        # One payload per format, not per Accept header: JSON (indented or not) and the browsable
        # API show the same data, but CSV rows are flat (another serializer). A shared payload
        # once sent CSV rows as JSON to clients who came after a spreadsheet, and the reverse.
        renderer_format = getattr(getattr(request, "accepted_renderer", None), "format", "")
        key = _key_or_none(f"api:{renderer_format}", request, vary_on_accept=False)
        if key is None:
            return method(view, request, *args, **kwargs)
        record_query_reads(request._request)  # done by the middleware already, unless it is left out
        rendered_key = _rendered_key(key, request.accepted_media_type) if _renders_plain_json(request) else None
        if rendered_key is not None and (rendered := _cache_get(rendered_key)) is not None:
            body, content_type, headers = rendered

            def full() -> HttpResponse:
                response = HttpResponse(body, content_type=content_type)
                for name, value in headers.items():
                    response[name] = value
                return response

            return _answer_from_cache(request, headers, full)
        cached = _cache_get(key)
        if cached is not None:
            data, status, headers = cached
            response = _answer_from_cache(request, headers, lambda: Response(data, status, headers=headers))
            if rendered_key is not None and response.status_code == 200:
                response.add_post_render_callback(_store_rendered(rendered_key, headers, seconds))
            return response
        response = method(view, request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and _every_parameter_was_read(request._request)
        ):
            headers = {name: value for name, value in response.items() if name.lower() != "content-type"}
            # What the data was read from, for the shared cache's purges: a hit runs no query.
            headers[SURROGATE_KEY_HEADER] = surrogate_keys(request._request)
            if _cache_set(key, (response.data, response.status_code, headers), seconds):
                response[CACHE_STATUS_HEADER] = "miss"
                if rendered_key is not None:
                    response.add_post_render_callback(_store_rendered(rendered_key, headers, seconds))
        return response

    return wrapper
