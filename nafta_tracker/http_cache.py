"""A shared HTTP cache in front of the app servers (Varnish, a CDN), kept exact by purges.

A spike of readers (a round closes, a tweet links a page) is answered by the shared
cache, not by gunicorn. Three parts:

* :class:`SharedCacheControlMiddleware` says who may keep a response. An anonymous
  ``GET`` of a public page or of the API (no ``Authorization``, no session or messages
  cookie, nothing personal in the response: no cookie set, no CSRF token used, no
  session written, no message queued) gets ``Cache-Control: public, max-age=0,
  s-maxage=N, stale-while-revalidate=M``: shared caches keep it, browsers revalidate
  with the ETag every time. ``s-maxage`` never reaches past the next midnight (UTC),
  when pages change by themselves ("days left"). Everything an editor or a token client
  is sent says ``private, no-cache``: a shared cache passes it on and keeps nothing.
  Drafts are only ever shown to editors and token clients, so they never enter it.

* :class:`SurrogateKeyMiddleware` names what a response shows in a ``Surrogate-Key``
  header (Fastly's name; the committed Varnish configuration copies it to ``xkey``):
  ``all``, the surface (``site`` or ``api``), the language (``lang:fr``) and one key per
  kind of record the response *read*: while the view runs, every SQL query is noted and
  the public tables it names (a model's table, its history, its many-to-many links) give
  the model's key, e.g. ``issues.statement``. As with the query parameters of
  ``response_cache``, the list is what the views do, not one kept by hand beside them.
  The query behind ``freshness.public_state`` reads every public table and is left out
  (:func:`unrecorded`): it is bookkeeping, not content.

* Purges. A save or deletion that changes what the public sees (a model says so with
  ``is_public_change()``; models without it: every save) queues its model's key; when the
  transaction commits, one ``PURGE`` request per configured cache
  (``HTTP_CACHE_PURGE_URLS``) carries the queued keys in a ``Surrogate-Key`` header, and
  the cache drops every response that read that kind of record. A rolled-back transaction
  purges nothing; draft saves purge nothing; a cache that is down is logged and the
  editor's save stands. With no URL configured (the default) nothing is sent, and
  ``s-maxage`` stays short (``HTTP_CACHE_SECONDS_WITHOUT_PURGE``).

``QuerySet.update()`` and raw SQL send no signal and so purge nothing, the same caveat as
the validators' (``nafta_tracker.freshness``). ``manage.py purge_http_cache`` empties the
cache by hand, and after a deploy (a new build changes every page).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import functools
import logging
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connections, models, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from .registry import public_models

logger = logging.getLogger(__name__)

#: Names what a response shows; a purge request names what to drop in the same header.
SURROGATE_KEY_HEADER = "Surrogate-Key"
#: Every shared response carries it: ``purge_http_cache`` with no key drops them all.
ALL_KEY = "all"
_SHAREABLE_STATUSES = frozenset({200, 304})
_RECORDING_ATTRIBUTE = "_surrogate_tables"
_recording_paused: contextvars.ContextVar[bool] = contextvars.ContextVar("surrogate_recording_paused", default=False)


# --------------------------------------------------------------------------- who may keep a response


def _excluded(request: HttpRequest) -> bool:
    return request.path_info.startswith(tuple(settings.HTTP_CACHE_EXCLUDED_PATHS))


def request_is_anonymous(request: HttpRequest) -> bool:
    """No credentials of any kind: what a shared cache may answer for anyone (headers only, no query)."""
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    return "Authorization" not in request.headers


def _response_is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True  # sets a cookie, or holds a CSRF token tied to this visitor's cookie
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return True
    return bool(getattr(getattr(request, "_messages", None), "_queued_messages", None))


def _cache_control_words(response: HttpResponse) -> set[str]:
    return {word.strip().split("=")[0].lower() for word in response.get("Cache-Control", "").split(",")} - {""}


def shared_seconds(now: datetime.datetime | None = None) -> int:
    """How long a shared cache may keep a public response: the setting, but never past midnight (UTC).

    Without purge URLs nothing tells the cache about a publish, so the short lifetime applies.
    """
    seconds = (
        settings.HTTP_CACHE_SECONDS if settings.HTTP_CACHE_PURGE_URLS else settings.HTTP_CACHE_SECONDS_WITHOUT_PURGE
    )
    now = now or timezone.now()
    midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(0, min(seconds, int((midnight - now).total_seconds())))


class SharedCacheControlMiddleware:
    """``public, s-maxage`` for anonymous public responses; ``private, no-cache`` for the rest.

    Sits just outside ``PublicPageCacheMiddleware``, so that a page from the app's own cache
    gets a lifetime computed now (not when it was stored), and after the session, CSRF and
    messages middlewares have done their part (it reads what they noted on the request).
    A response that already says what caches may do (``never_cache``, ``/healthz``) is left as it is.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        words = _cache_control_words(response)
        if words & {"private", "no-store", "no-cache", "public", "s-maxage"}:
            return response
        seconds = shared_seconds()
        if (
            seconds > 0
            and request.method in ("GET", "HEAD")
            and response.status_code in _SHAREABLE_STATUSES
            and not _excluded(request)
            and request_is_anonymous(request)
            and not _response_is_personal(request, response)
        ):
            patch_cache_control(
                response,
                public=True,
                max_age=0,  # browsers revalidate (ETag/Last-Modified): a publish shows at once
                s_maxage=seconds,
                stale_while_revalidate=settings.HTTP_CACHE_STALE_SECONDS,
            )
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response


# --------------------------------------------------------------------------- what a response shows


@cache
def _table_keys() -> dict[str, str]:
    """Quoted table name -> the key of the public model it belongs to (its own table, history, links)."""
    tables: dict[str, str] = {}
    for model in public_models():
        key = model_key(model)
        tables[model._meta.db_table] = key
        history = getattr(model, "history", None)
        if history is not None:
            tables[history.model._meta.db_table] = key
        for field in model._meta.local_many_to_many:
            tables[field.remote_field.through._meta.db_table] = key
    return tables


@cache
def _table_pattern() -> re.Pattern[str]:
    # Django quotes every table name it writes (double quotes on SQLite and PostgreSQL):
    # "issues_statement" never matches inside "issues_statement_issues".
    names = sorted(_table_keys(), key=len, reverse=True)
    return re.compile("|".join(f'"{re.escape(name)}"' for name in names))


def model_key(model: type[models.Model]) -> str:
    """The surrogate key of a kind of record, e.g. ``issues.statement``."""
    return model._meta.label_lower


@contextlib.contextmanager
def unrecorded() -> Iterator[None]:
    """Queries made inside are not counted as what the response shows (bookkeeping, e.g. the validators)."""
    token = _recording_paused.set(True)
    try:
        yield
    finally:
        _recording_paused.reset(token)


@functools.lru_cache(maxsize=2048)
def _keys_of_sql(sql: str) -> frozenset[str]:
    """The keys of the public tables ``sql`` names.

    Kept per text: a view sends the same few texts on every request (compiled queries are
    the very same strings, whose hash Python keeps), and searching one for some thirty
    table names took 5 to 70 us, up to 0.3 ms a request for a list of six queries. The
    texts repeat: parameters travel apart, and the API's compiled queries pad their ``IN``
    lists to powers of two. Others do not (a prefetch's ``IN`` list of any length, on pages
    and in the browsable API): the least recently used texts are let go beyond the bound.
    """
    keys = _table_keys()
    return frozenset(keys[match[1:-1]] for match in _table_pattern().findall(sql))


def _recorder(tables: set[str]) -> Callable[..., Any]:
    def record(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict) -> Any:
        if not _recording_paused.get() and isinstance(sql, str):
            tables.update(_keys_of_sql(sql))
        return execute(sql, params, many, context)

    return record


def surrogate_keys(request: HttpRequest) -> str:
    """The keys of what ``request``'s response showed so far (space-separated, sorted)."""
    kinds = getattr(request, _RECORDING_ATTRIBUTE, set())
    surface = "api" if request.path_info.startswith("/api/") else "site"
    return " ".join([ALL_KEY, surface, f"lang:{get_language() or settings.LANGUAGE_CODE}", *sorted(kinds)])


class SurrogateKeyMiddleware:
    """Record the public tables a shareable request reads; name them in ``Surrogate-Key``.

    Sits just inside ``PublicPageCacheMiddleware``, so that a page stored there keeps its
    keys (a hit runs no view). ``cache_api_data`` stores the keys with the API data for the
    same reason. Keys already on the response (from such a hit) are kept.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or _excluded(request) or not request_is_anonymous(request):
            return self.get_response(request)
        tables: set[str] = set()
        setattr(request, _RECORDING_ATTRIBUTE, tables)
        with contextlib.ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(_recorder(tables)))
            response = self.get_response(request)
        # Not on a 304: a view answering one reads nothing, and a cache revalidating its copy
        # takes the 304's headers over the copy's, which would lose the kinds the copy showed.
        if response.status_code == 200:
            keys = set(surrogate_keys(request).split()) | set(response.get(SURROGATE_KEY_HEADER, "").split())
            response[SURROGATE_KEY_HEADER] = " ".join(sorted(keys))
        return response


# --------------------------------------------------------------------------- purges


_pending = threading.local()


def _pending_keys() -> set[str]:
    keys = getattr(_pending, "keys", None)
    if keys is None:
        keys = _pending.keys = set()
    return keys


def purge(keys: Iterable[str]) -> int:
    """Ask every configured shared cache to drop the responses carrying any of ``keys``.

    Returns how many caches confirmed. Never raises: a cache that is down or refuses is
    logged (its copies then live until ``s-maxage`` ends), and the caller's write stands.
    """
    header = " ".join(sorted(set(keys)))
    if not header:
        return 0
    confirmed = 0
    for url in settings.HTTP_CACHE_PURGE_URLS:
        request = urllib.request.Request(url, method="PURGE", headers={SURROGATE_KEY_HEADER: header})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=settings.HTTP_CACHE_PURGE_TIMEOUT) as answer:  # noqa: S310
                answer.read()
        except (OSError, urllib.error.URLError, ValueError) as error:
            # One line, no traceback: a cache that is down says so once per commit, and why.
            logger.warning(
                "Purging %r from the shared cache at %s failed (%s); it serves them until they expire.",
                header,
                url,
                error,
            )
        else:
            confirmed += 1
    return confirmed


def _flush_pending() -> None:
    keys = _pending_keys()
    if keys:
        batch = set(keys)
        keys.clear()
        purge(batch)


def purge_on_commit(keys: Iterable[str], using: str | None = None) -> None:
    """Purge ``keys`` once the current transaction commits (at once outside one), one request per commit.

    A transaction that rolls back leaves its keys queued: the next commit purges them too,
    which costs a miss and never shows anything stale.
    """
    if not settings.HTTP_CACHE_PURGE_URLS:
        return
    _pending_keys().update(keys)
    connection = transaction.get_connection(using)
    if not any(callback is _flush_pending for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(_flush_pending, using=using, robust=True)


def _is_public_change(instance: models.Model) -> bool:
    """Whether a save or deletion of ``instance`` changed what the public sees.

    A model that has drafts (or rows public only in some cases) answers with
    ``is_public_change()``, valid while its save or deletion signals run.
    """
    check = getattr(instance, "is_public_change", None)
    return True if check is None else bool(check())


def _on_save_or_delete(sender: type[models.Model], instance: models.Model, using: str, **kwargs: Any) -> None:
    if settings.HTTP_CACHE_PURGE_URLS and _is_public_change(instance):
        purge_on_commit([model_key(sender)], using=using)


def connect_purge_signals() -> None:
    """Purge a kind's responses when one of its public rows is saved or deleted (from AppConfig.ready)."""
    for model in public_models():
        uid = f"http_cache:{model_key(model)}"
        models.signals.post_save.connect(_on_save_or_delete, sender=model, dispatch_uid=uid)
        models.signals.post_delete.connect(_on_save_or_delete, sender=model, dispatch_uid=uid)
