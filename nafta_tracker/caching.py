"""Conditional GET for public pages: ETag and Last-Modified, so a repeat visit gets a 304.

A public page depends on four things only: the published data, the interface
language, today's date (days left to a deadline, upcoming or past) and the code that
renders it (templates, translations). The validators are built from exactly those:

* the data version is the newest change recorded anywhere a page reads from: one
  cheap query over indexed columns (``updated_at`` of each table, or for statements,
  positions and assessments ``public_changed_at``, which ignores draft work, and
  ``history_date`` of its django-simple-history table, which also records deletions
  and changes to a statement's issues);
* the build is a fingerprint of templates, static files and compiled translations, so
  a deployment with new markup is never answered with a stale 304.

Pages show nothing that depends on the visitor (no CSRF token, no user name), so the
same validators hold for everyone.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.http import HttpRequest
from django.utils import timezone, translation
from django.views.decorators.http import condition

from .registry import public_models

_REQUEST_ATTRIBUTE = "_public_validators"


def data_version() -> datetime.datetime | None:
    """When anything a public page shows last changed (one query), or None for an empty site."""
    # Raw SQL because the ORM cannot take the maximum over a union of tables in one query.
    # Only table and column names from the models go in, quoted by the backend: no user input.
    # For tables with drafts, only public changes count (public_changed_at, and history rows
    # of published versions, which record a published row's deletion): the validators must
    # not tell a visitor when an editor last saved a draft.
    quote = connection.ops.quote_name
    parts = []
    for model in public_models():
        table, history = model._meta.db_table, model.history.model._meta.db_table
        if _has_field(model, "public_changed_at"):
            parts.append(f"SELECT MAX({quote('public_changed_at')}) AS changed FROM {quote(table)}")  # noqa: S608
            # ORDER BY ... LIMIT 1 walks the history_date index down to the newest published
            # version (MAX() with a WHERE would read every row on SQLite).
            newest_published = (
                f"SELECT {quote('history_date')} FROM {quote(history)} "  # noqa: S608
                f"WHERE {quote('state')} = 'published' ORDER BY {quote('history_date')} DESC LIMIT 1"
            )
            parts.append(f"SELECT ({newest_published}) AS changed")
        else:
            parts.append(f"SELECT MAX({quote('updated_at')}) AS changed FROM {quote(table)}")  # noqa: S608
            parts.append(f"SELECT MAX({quote('history_date')}) AS changed FROM {quote(history)}")  # noqa: S608
    sql = "SELECT MAX(changed) FROM (" + " UNION ALL ".join(parts) + ") AS changes"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql)
        (value,) = cursor.fetchone()
    if value is None:
        return None
    if isinstance(value, str):  # SQLite returns MAX() over a UNION as text
        value = datetime.datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.concrete_fields)


def _build_files() -> list[Path]:
    roots = [Path(settings.BASE_DIR) / name for name in ("templates", "static", "locale")]
    return sorted(path for root in roots if root.exists() for path in root.rglob("*") if path.is_file())


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in _build_files():
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


_cached_fingerprint = cache(_fingerprint)


def build_fingerprint() -> str:
    """Changes whenever a template, a static file or a translation changes (cached unless DEBUG)."""
    return _fingerprint() if settings.DEBUG else _cached_fingerprint()


def _validators(request: HttpRequest) -> tuple[str, datetime.datetime]:
    cached = getattr(request, _REQUEST_ATTRIBUTE, None)
    if cached is not None:
        return cached
    changed = data_version()
    now = timezone.now()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    # A page also changes at midnight (days left, upcoming or past), so it is never older than today.
    last_modified = max(changed, midnight) if changed else midnight
    token = "|".join(
        [
            changed.isoformat() if changed else "-",
            midnight.date().isoformat(),
            translation.get_language() or "",
            build_fingerprint(),
        ]
    )
    etag = hashlib.sha256(token.encode()).hexdigest()[:32]
    setattr(request, _REQUEST_ATTRIBUTE, (etag, last_modified))
    return etag, last_modified


def _etag(request: HttpRequest, *args, **kwargs) -> str:
    return _validators(request)[0]


def _last_modified(request: HttpRequest, *args, **kwargs) -> datetime.datetime:
    return _validators(request)[1]


public_page: Callable = condition(etag_func=_etag, last_modified_func=_last_modified)
"""Decorator for views that read only published data: adds ETag/Last-Modified, answers 304."""
