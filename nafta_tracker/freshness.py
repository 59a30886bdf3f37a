"""Freshness: when what the public sees last changed, and the validators built from it.

One module for every conditional answer the tracker gives:

* **Pages** (``public_page``): a page depends only on the published data, the
  interface language, today's date and the code that renders it (templates, static
  files, translations). ``public_data_changed_at()`` is the newest *public* change
  anywhere a page reads from, in one query over indexed columns (``updated_at``, or
  for publishable tables ``public_changed_at`` and the newest published history row,
  which also records deletions and changes of a statement's issues; a source's
  ``public_changed_at`` moves only while something public cites it), over exactly
  the models the data apps declare public (``nafta_tracker.registry``). Draft work
  never moves it. Pages show nothing that depends on the visitor, so the same
  validators hold for everyone.
* **API** (``version_of``, ``make_etag``, ``not_modified``, ``check_if_match``): a
  list's version is its row count and the newest change of the tables it shows (index
  lookups); a detail's is the newest change of the object and the rows it shows, so
  one editor's change to statement A never invalidates the ETag another holds for B,
  and a write with a stale ``If-Match`` gets 412. Each ETag also covers what else
  changes the bytes: path and query, format, language, and whether drafts are seen.

The shared response cache (``nafta_tracker.response_cache``) keys what it stores on
``public_state()``, the pages' ETag: cache and validators cannot disagree about
whether something changed, because they ask the same question.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import connection, models
from django.db.models import Count, Max, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_etags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import condition
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.request import Request

from .http_cache import unrecorded
from .registry import public_models

# --------------------------------------------------------------------------- pages

_REQUEST_ATTRIBUTE = "_public_validators"


def public_data_changed_at() -> datetime.datetime | None:
    """When anything a public page shows last changed (one query), or None for an empty site."""
    # Reads every public table: bookkeeping, not what a response shows (its Surrogate-Key).
    with unrecorded(), connection.cursor() as cursor:
        # On PostgreSQL psycopg prepares it once it has run five times on a connection (settings.py,
        # DJANGO_DB_PREPARED_STATEMENTS): planning this union of two dozen MAX() subqueries
        # took 9 to 23 ms, running it under half a millisecond (EXPLAIN ANALYZE, 100,000
        # statements), and it runs on every cacheable request, cached hits included.
        cursor.execute(_public_change_sql(connection.vendor))
        (value,) = cursor.fetchone()
    if value is None:
        return None
    if isinstance(value, str):  # SQLite returns MAX() over a UNION as text
        value = datetime.datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


@functools.cache
def _public_change_sql(vendor: str) -> str:
    """The query behind ``public_data_changed_at``, built once per process and database vendor.

    Building it walks every public model and its simple-history manager, which cost about
    6 ms a request when done per call (profiled on a cached page): the tables never change
    while the process runs, so neither does the text.
    """
    # Raw SQL because the ORM cannot take the maximum over a union of tables in one query.
    # Only table and column names from the models go in, quoted by the backend: no user input.
    # For tables with drafts, and for sources (public only once something public cites them),
    # only public changes count (public_changed_at, and history rows of published versions,
    # which record a published row's deletion): the validators must not tell a visitor when
    # an editor last saved a draft. Other tables' rows are all public; their updated_at and
    # history move only when a row really changes (rounds.services.record_save).
    quote = connection.ops.quote_name
    parts = []
    for model in public_models():
        table, history = model._meta.db_table, model.history.model._meta.db_table
        if _has_field(model, "public_changed_at"):
            parts.append(f"SELECT MAX({quote('public_changed_at')}) AS changed FROM {quote(table)}")  # noqa: S608
            if not _has_field(model, "state"):
                # Rows public only while something public cites them (sources): the citations
                # protect them from deletion meanwhile, so their history adds nothing public.
                continue
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
    return "SELECT MAX(changed) FROM (" + " UNION ALL ".join(parts) + ") AS changes"  # noqa: S608


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.concrete_fields)


def _build_files() -> list[Path]:
    roots = [Path(settings.BASE_DIR) / name for name in ("templates", "static", "locale")]
    return sorted(path for root in roots if root.exists() for path in root.rglob("*") if path.is_file())


def _fingerprint() -> str:
    # The files' contents, not their modification times: every app server of one release
    # must make the same validators (and so share cache entries and 304s), however and
    # whenever its copy was written. About 400 kB, read once per process.
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for path in _build_files():
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


_cached_fingerprint = cache(_fingerprint)


def build_fingerprint() -> str:
    """Changes whenever a template, a static file or a translation changes (cached unless DEBUG)."""
    return _fingerprint() if settings.DEBUG else _cached_fingerprint()


def _validators(request: HttpRequest) -> tuple[str, datetime.datetime]:
    cached = getattr(request, _REQUEST_ATTRIBUTE, None)
    if cached is not None:
        return cached
    changed = public_data_changed_at()
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


def public_state(request: HttpRequest) -> str:
    """A token naming what every public response to ``request`` is rendered from.

    The pages' ETag: the newest public change, today's date, the language and the
    build. Computed once per request (one query) and shared by ``public_page`` and the
    response cache's keys."""
    return _validators(request)[0]


def _etag(request: HttpRequest, *args, **kwargs) -> str:
    return _validators(request)[0]


def _last_modified(request: HttpRequest, *args, **kwargs) -> datetime.datetime:
    return _validators(request)[1]


public_page: Callable = condition(etag_func=_etag, last_modified_func=_last_modified)
"""Decorator for views that read only published data: adds ETag/Last-Modified, answers 304."""


# --------------------------------------------------------------------------- API

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("The object changed since you read it: fetch it again, then retry with its new ETag.")
    default_code = "precondition_failed"


class PreconditionRequired(APIException):
    """RFC 6585: an update must say which version it changes, or two editors overwrite each other."""

    status_code = 428
    default_detail = _("Send the ETag you read in an If-Match header, so that no one else's edit is overwritten.")
    default_code = "precondition_required"


def _latest_change_of(model: type[models.Model], *, public: bool) -> Coalesce:
    """The table's latest change (an index lookup: the columns are indexed).

    For the public, a table with drafts answers with its latest *public* change
    (``Publishable.public_changed_at``): its ``updated_at`` also moves when an editor
    saves a draft, and Last-Modified would tell the public when that was.
    """
    column = "public_changed_at" if public and _has_field(model, "public_changed_at") else "updated_at"
    newest = model._default_manager.filter(**{f"{column}__isnull": False}).order_by(f"-{column}").values(column)[:1]
    return Coalesce(Subquery(newest), Value(EPOCH), output_field=models.DateTimeField())


def version_of(
    queryset: models.QuerySet,
    *,
    fields: Iterable[str] = (),
    tables: Iterable[type[models.Model]] = (),
    distinct: bool = False,
    public: bool = True,
) -> tuple[int, datetime.datetime]:
    """(row count, latest change) of ``queryset``: one query.

    The latest change is the newest ``updated_at`` among the ``fields`` the rows reach
    (an aggregate over the matching rows: cheap for one object) and among whole
    ``tables`` (an index lookup each: cheap whatever the table size, which is why lists
    use tables rather than the newest of their 100,000 matching rows). ``public``: the
    caller sees no drafts, so draft-only activity must not show in the answer.
    """
    latest = [Coalesce(Max(field), Value(EPOCH), output_field=models.DateTimeField()) for field in fields]
    latest += [_latest_change_of(model, public=public) for model in tables]
    # aggregate() insists on an aggregate in every expression; MAX of a constant is one and costs nothing.
    latest.append(Max(Value(EPOCH, output_field=models.DateTimeField())))
    # COUNT(*) rather than COUNT(id): PostgreSQL answers it from an index alone (3x faster on 100,000 rows).
    rows = Count("pk", distinct=True) if distinct else Count("*")
    result = queryset.order_by().aggregate(rows=rows, last=Greatest(*latest))
    return result["rows"], _aware(result["last"])


def version_from_row(row: tuple) -> tuple[int, datetime.datetime]:
    """``version_of``'s answer from its query's row fetched with a plain cursor (``compiled_sql``)."""
    rows, last = row
    if isinstance(last, str):  # SQLite gives GREATEST of datetimes as text; the ORM's converter parses it
        last = datetime.datetime.fromisoformat(last)
    return rows, _aware(last)


def list_version_of(
    model: type[models.Model], *, tables: Iterable[type[models.Model]] = (), public: bool = True
) -> datetime.datetime:
    """The latest change of a list of ``model`` rows, whatever its filters: one query of index lookups.

    Unlike ``version_of`` it does not count the rows, which costs a scan of every matching
    row (7 ms at 100,000 statements, ten times that at a million) and is what kept a 304
    from being cheap. It need not: every way a row can enter, leave or change in a list
    moves a timestamp read here. A new or edited row moves its table's latest change
    (``tables`` must include ``model``), a withdrawn one its ``public_changed_at``, a
    deleted one its history, and a change in a related row that a filter looks through
    moves that row's table, which the caller lists in ``tables``. The SQL depends only on
    the arguments, so it is written once per process (building it with the ORM took
    longer than a 304 may).
    """
    sql = _list_version_sql(connection.vendor, model, tuple(tables), public)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        (value,) = cursor.fetchone()
    if isinstance(value, str):  # SQLite returns MAX() over a UNION as text
        value = datetime.datetime.fromisoformat(value)
    return _aware(value)


@cache
def _list_version_sql(
    vendor: str, model: type[models.Model], tables: tuple[type[models.Model], ...], public: bool
) -> str:
    # Only table and column names from the models go in, quoted by the backend: no user input.
    # Each part is an index walk to the newest row (ORDER BY ... LIMIT 1); MAX over the union
    # ignores the NULL of an empty table on both databases.
    quote = connection.ops.quote_name

    def newest(table: str, column: str, where: str = "") -> str:
        condition = f"{quote(column)} IS NOT NULL" + (f" AND {where}" if where else "")
        return (
            f"SELECT (SELECT {quote(column)} FROM {quote(table)} WHERE {condition} "  # noqa: S608
            f"ORDER BY {quote(column)} DESC LIMIT 1) AS changed"
        )

    parts = []
    for table in tables:
        column = "public_changed_at" if public and _has_field(table, "public_changed_at") else "updated_at"
        parts.append(newest(table._meta.db_table, column))
    # A deleted row leaves no updated_at behind, but its history keeps a row for the deletion.
    # For the public only versions that were published count (a draft's removal changes nothing
    # they saw); sources, public only while something public cites them, cannot be deleted
    # meanwhile, so their history adds nothing public.
    history = getattr(model, "history", None)
    skip = public and not _has_field(model, "state") and _has_field(model, "public_changed_at")
    if history is not None and not skip:
        published_only = f"{quote('state')} = 'published'" if public and _has_field(model, "state") else ""
        parts.append(newest(history.model._meta.db_table, "history_date", published_only))
    return "SELECT MAX(changed) FROM (" + " UNION ALL ".join(parts) + ") AS changes"  # noqa: S608


def _aware(value: datetime.datetime | None) -> datetime.datetime:
    last = value or EPOCH
    if timezone.is_naive(last):  # SQLite hands back what Greatest() compared as text
        last = timezone.make_aware(last, datetime.UTC)
    return last


def make_etag(
    request: Request,
    *,
    rows: int,
    last: datetime.datetime,
    sees_drafts: bool,
    whole_url: bool,
    path: str | None = None,
) -> str:
    """``path``: the object's own path, for an action at a sub-path of it (``…/correction/``)."""
    renderer = getattr(request, "accepted_renderer", None)
    variant = "|".join(
        [
            request.get_full_path() if whole_url else (path or request.path),
            renderer.format if renderer else "",
            get_language() or "",
            "drafts" if sees_drafts else "public",
            str(rows),
            last.isoformat(),
        ]
    )
    return '"' + hashlib.sha256(variant.encode()).hexdigest()[:32] + '"'


def not_modified(request: Request, etag: str, last: datetime.datetime):
    """A 304 response if the client's validators still hold, else None (GET and HEAD only)."""
    if request.method not in ("GET", "HEAD"):
        return None
    response = get_conditional_response(request._request, etag=etag, last_modified=int(last.timestamp()))
    if response is not None:
        set_validators(response, etag, last)
    return response


def set_validators(response, etag: str, last: datetime.datetime) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last.timestamp())
    # Drafts depend on who asks, labels on the language.
    patch_vary_headers(response, ["Accept", "Accept-Language", "Authorization", "Cookie"])


def check_if_match(request: Request, etag: str) -> None:
    """Refuse an update made against a stale representation (RFC 9110 §13.1.1, strong comparison),
    or made without saying which representation it changes (RFC 6585, 428).

    The caller holds the row locked while it computes ``etag`` and writes, so that of
    concurrent writers holding the same validator exactly one wins.
    """
    header = request.headers.get("If-Match")
    if header is None:
        raise PreconditionRequired()
    wanted = parse_etags(header)
    if "*" in wanted or etag in wanted:
        return
    raise PreconditionFailed()
