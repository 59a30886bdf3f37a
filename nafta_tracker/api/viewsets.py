"""Base viewsets: conditional reads for every resource, service-backed writes for the editable ones.

Views stay thin: they parse, authorise, call a queryset method or a service, and
respond. What is shown comes from the QuerySet methods in ``issues.models`` and
``rounds.models``; what is written goes through ``issues.services``.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import logging
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, Literal

from django.core.cache import cache
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, models, router, transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import parse_etags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from nafta_tracker.api.feed import CURSOR_PARAM, FEED_ORDERING, feed_page
from nafta_tracker.api.pagination import CompiledPages
from nafta_tracker.api.rows import RowReader
from nafta_tracker.compiled_sql import run_by_lookup, sql_of_shape, values_by_lookup, values_by_lookups
from nafta_tracker.freshness import (
    check_if_match,
    list_version_of,
    make_etag,
    not_modified,
    set_validators,
    version_from_row,
    version_of,
)
from nafta_tracker.response_cache import cache_api_data


class ConditionalReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """List and retrieve with ETag / Last-Modified and 304s.

    ``list_version_tables``: models whose rows appear inside a list row (their changes
    change the list). ``detail_version_fields``: ``updated_at`` lookups reaching every
    row a detail shows. ``detail_version_tables``: whole tables for what a detail shows
    that no lookup reaches cheaply.
    """

    list_version_tables: tuple[type[models.Model], ...] = ()
    detail_version_fields: tuple[str, ...] = ("updated_at",)
    detail_version_tables: tuple[type[models.Model], ...] = ()
    known_count: int | None = None  # read by the paginator: the ETag query already counted the rows
    page_keys_from: models.QuerySet | None = None  # read by the paginator: the rows filtered, before their columns
    #: Read by the paginator: the rows of a page's keys, in their order, by a query compiled once
    #: (``rows_by_keys``); for a page cut from keys read first.
    page_rows_by_keys: Callable[[list[Any]], list[dict[str, Any]]] | None = None
    #: Whether the paginator cuts a page from the rows' keys first (``CountedPaginator``), for
    #: lists with one row per object and a total order: True, always, in one query (lists sorted
    #: on joined tables' columns); "when filtered", with a keys' query of its own, for filtered
    #: requests only (lists whose filtered page query PostgreSQL would plan on every request).
    page_by_key: bool | Literal["when filtered"] = False
    #: Whether a public, unfiltered list page's query is built and compiled once per page
    #: (``compiled_page_shape``): only for lists whose query reads nothing but the language and
    #: the page (not the clock, not the user).
    compiled_pages: bool = False
    #: Whether what it shows also changes at midnight (UTC) with no row changing (a milestone's
    #: ``days_left``): its validators then count midnight as a change.
    changes_at_midnight: bool = False
    #: Fields ordering the change feed (``?ordering=updated_at``, paged by cursor: nafta_tracker.api.feed),
    #: the change time then a unique id; empty for a list that is no feed.
    feed_key: tuple[str, ...] = ()
    #: Shapes a JSON list page from ``values()`` rows, exactly as the serializer would, only faster
    #: (``nafta_tracker.api.rows``); None: the serializer does.
    row_reader_class: Callable[[Request], RowReader] | None = None
    #: The same for one object (``retrieve``); None: the serializer does.
    detail_row_reader_class: Callable[[Request], RowReader] | None = None
    #: The flat rows of the CSV format (``?format=csv``), for a list page and for one object;
    #: None: the view's CSV serializer shapes them.
    csv_row_reader_class: Callable[[Request], RowReader] | None = None

    def sees_drafts(self) -> bool:
        """Whether this request may see unpublished rows (never, unless a subclass says so)."""
        return False

    def with_midnight(self, last: datetime.datetime) -> datetime.datetime:
        """``last``, or today's midnight (UTC) if later, for a view whose answer changes with the day."""
        if not self.changes_at_midnight:
            return last
        midnight = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
        return max(last, midnight)

    def list_model(self) -> type[models.Model]:
        """The model listed: ``model`` where the view names it (no queryset to build), else its queryset's."""
        return getattr(self, "model", None) or self.get_queryset().model

    def in_feed_mode(self) -> bool:
        return (
            bool(self.feed_key) and self.action == "list" and self.request.query_params.get("ordering") == FEED_ORDERING
        )

    def filter_queryset(self, queryset):
        # Filters narrow lists. On one object (retrieve, update, its actions) they have nothing
        # to narrow, yet django-filter would build and validate a FilterSet for each call: a
        # third of a statement's detail time, twice (its ETag, then the object).
        if self.action != "list":
            return queryset
        if not self.asks_no_filter():
            queryset = super().filter_queryset(queryset)
        if self.in_feed_mode():
            return feed_page(queryset, self.feed_key, self.request.query_params.get(CURSOR_PARAM) or None)
        if self.feed_key and self.action == "list" and self.request.query_params.get(CURSOR_PARAM):
            raise ValidationError({CURSOR_PARAM: [_("A cursor pages a feed: send it with ordering=updated_at.")]})
        return queryset

    def page_cut(self) -> Literal["subquery", "keys"] | None:
        """How the paginator cuts this request's page from its keys (``page_by_key``), if it does."""
        if self.page_by_key == "when filtered":
            return None if self.asks_no_filter() else "keys"
        return "subquery" if self.page_by_key else None

    def compiled_page_shape(self) -> tuple | None:
        """What the page query of this request depends on, where that is all it depends on.

        A public list answered from rows, with nothing a filter reads in its query string:
        its query is the same for every such request but for the language and the page,
        which ``CompiledPages`` adds. None for anything else (drafts, filters, a feed, the
        serializers' path, a page cut from keys read first).
        """
        if not self.compiled_pages or self.sees_drafts() or self.in_feed_mode() or not self.asks_no_filter():
            return None
        reader_class, cut = self._row_reader_class(), self.page_cut()
        if reader_class is None or cut == "keys":
            return None
        return (type(self), reader_class, get_language(), cut)

    def asks_no_filter(self) -> bool:
        """Whether the list's query string holds nothing a filter reads (no query string, or only
        the page, the page size and the format), so that the queryset needs no filtering.

        django-filter would still build a FilterSet and its form and validate them, every filter
        passing the queryset through untouched: a sixth of a plain list's time. Only views whose
        filter backends are django-filter's are spared it; tests/api/test_filter_shortcut.py
        holds each list to the same answer both ways (bytes and ETag).
        """
        params = self.request.query_params
        if params:
            paginator = self.paginator
            ignored = {
                api_settings.URL_FORMAT_OVERRIDE,
                getattr(paginator, "page_query_param", None),
                getattr(paginator, "page_size_query_param", None),
            }
            if not ignored.issuperset(params):
                return False
        return all(issubclass(backend, DjangoFilterBackend) for backend in self.filter_backends)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # A feed is never served from the response cache: what it shows also moves with the
        # clock (changes are held back until they settle), which the cache keys do not cover.
        if self.in_feed_mode():
            return self.conditional_list(request, *args, **kwargs)
        return self.cached_list(request, *args, **kwargs)

    # Anonymous reads are served from the shared response cache when it is on (REDIS_URL);
    # throttling and permissions have run by then. See nafta_tracker.response_cache.
    @cache_api_data
    def cached_list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.conditional_list(request, *args, **kwargs)

    def conditional_list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        public = not self.sees_drafts()
        check_page = getattr(self.paginator, "check_request", None)
        if self.in_feed_mode():
            # A feed page also moves with the clock (changes appear once settled), which no
            # timestamp shows: its rows are counted, and the count is in the ETag.
            queryset = self.filter_queryset(self.get_queryset())
            rows, last = version_of(queryset, tables=(queryset.model, *self.list_version_tables), public=public)
            listed = ListedRows(functools.partial(_given, queryset), None, queryset.db)  # a feed is never compiled
            self.known_count = rows
            if check_page is not None:
                check_page(request, self, rows)  # a bad page is a 400, never a 304
        else:
            # Index lookups only, whatever the list's size, and before any queryset is built:
            # a 304 costs no scan of the rows and next to no Python.
            model = self.list_model()
            rows, last = -1, list_version_of(model, tables=(model, *self.list_version_tables), public=public)
            last = self.with_midnight(last)  # before the count too: it is cached under this version
            listed = None
            if _may_match_a_url_never_served(request):
                # An ETag we sent proves its URL was valid at this version of the data (the same
                # version, or it would not match). "*" and a date prove nothing: a request that
                # would fail is refused before any 304 (RFC 9110, 13.2.1).
                listed = self.listed_rows()
                self.known_count = counted_rows(listed, last)
                if check_page is not None:
                    check_page(request, self, self.known_count)
        etag = make_etag(request, rows=rows, last=last, sees_drafts=not public, whole_url=True)
        if (cached := not_modified(request, etag, last)) is not None:
            return cached
        if listed is None:
            listed = self.listed_rows()
            self.known_count = counted_rows(listed, last)
        reader = self.get_row_reader()
        if reader is not None:
            if listed.shape is None:
                queryset = listed.queryset()
                self.page_keys_from = queryset  # a page cut from keys reads them without the rows' joins
                if self.page_cut() == "keys" and not queryset.query.distinct:
                    # The page's rows are read by key (rows_by_keys, compiled once), its keys from
                    # the filtered queryset: the rows' values() query would be built only to be
                    # thrown away (0.5-1 ms of a filtered statements page: forty columns, seven joins).
                    rows = queryset
                    self.page_rows_by_keys = functools.partial(self.rows_by_keys, reader, using=queryset.db)
                else:
                    rows = reader.select(queryset)
            else:
                rows = CompiledPages(
                    listed.shape, lambda: reader.select(listed.queryset()), by_key=self.page_cut(), using=listed.using
                )
            data = reader.represent(self.paginate_queryset(rows))
        else:
            data = self.get_serializer(self.paginate_queryset(listed.queryset()), many=True).data
        response = self.get_paginated_response(data)
        set_validators(response, etag, last)
        return response

    def listed_rows(self) -> ListedRows:
        """This list request's rows: its filtered queryset, and its compiled page shape if it has one.

        A compiled page's query and count are built once per shape (``compiled_sql``: per
        connection and page, per process for the count), so its queryset is built only when
        one of them is (or when the count is not cached): building it on every request only
        to leave it unread cost the issues list 1.2 ms (its status and last-change annotations).
        Any other list's queryset is built here, and its filters validated (a 400 for a bad one).
        """
        shape = self.compiled_page_shape()
        if shape is None:
            queryset = self.filter_queryset(self.get_queryset())
            return ListedRows(functools.partial(_given, queryset), None, queryset.db)
        # No filter to apply (compiled_page_shape), so the database is the model's, as the queryset's would be.
        build = functools.cache(lambda: self.filter_queryset(self.get_queryset()))
        return ListedRows(build, shape, router.db_for_read(self.list_model()))

    def rows_by_keys(self, reader: RowReader, keys: list[Any], *, using: str) -> list[dict[str, Any]]:
        """The rows of the objects ``keys`` as ``reader`` reads them, in the keys' order: those
        this request may see, whatever its filters (the keys were found with them).

        Their query is the same for every filter (only visibility and the language shape it):
        built and compiled once per shape and number of keys (``compiled_sql``), where
        building and compiling a filtered page's forty columns over seven joins took the ORM
        1 to 2 ms a request. A key whose row is no longer visible (unpublished meanwhile) is
        left out, as the filtered query would leave it out. So a view paged by key must build
        the same ``get_queryset()`` and ``select()`` for every request of one shape: nothing
        from the query string (its filters belong to the FilterSet), nothing from the user but
        whether drafts are seen."""
        pk = self.list_model()._meta.pk
        found = values_by_lookups(
            ("rows by keys", type(reader), *self._detail_shape()),
            pk,
            keys,
            lambda ids: reader.select(self.get_queryset()).filter(pk__in=ids).order_by(),
            using=using,
        )
        by_key = {row[pk.attname]: row for row in found}
        return [by_key[key] for key in keys if key in by_key]

    def get_row_reader(self) -> RowReader | None:
        """The view's row reader (``nafta_tracker.api.rows``) for this request's action and format,
        where it has one; else None, and the serializer shapes the answer (the browsable API, a
        feed page, whose cursor reads the last object, a format without a reader)."""
        reader_class = self._row_reader_class()
        return None if reader_class is None else reader_class(self.request)

    def answers_from_rows(self) -> bool:
        """Whether this request is answered by a row reader (see ``get_row_reader``).

        A view's ``get_queryset`` may ask, to leave out what only the serializers read
        (``select_related``, prefetches, annotations made for them)."""
        return self._row_reader_class() is not None

    def _row_reader_class(self) -> Callable[[Request], RowReader] | None:
        if self.action not in ("list", "retrieve") or self.in_feed_mode():
            return None
        renderer = getattr(self.request, "accepted_renderer", None)
        if renderer is None:
            return None
        if renderer.format == "json":
            reader_class = self.row_reader_class if self.action == "list" else self.detail_row_reader_class
        elif renderer.format == "csv":
            reader_class = self.csv_row_reader_class
        else:
            return None
        if reader_class is None:
            return None
        if self.action == "retrieve" and not self._no_object_rules():
            return None  # retrieve_row asks no object permission: the serializer's path does
        return reader_class

    def detail_etag(self) -> tuple[str, Any, int]:
        """(ETag, Last-Modified, 0 or 1 rows) of the object named in the URL: one query."""
        lookup_kwarg = self.lookup_url_kwarg or self.lookup_field
        public = not self.sees_drafts()

        def version(value: Any) -> tuple[int, datetime.datetime]:
            queryset = self.filter_queryset(self.get_queryset()).filter(**{self.lookup_field: value})
            return version_of(
                queryset,
                fields=self.detail_version_fields,
                tables=self.detail_version_tables,
                distinct=True,
                public=public,
            )

        if self.action == "retrieve":
            # The same query for every object but for its key: built once per shape (compiled_sql).
            field, using = self._lookup_field_and_database()
            rows, last = run_by_lookup(
                ("version", *self._detail_shape()),
                field,
                self.kwargs[lookup_kwarg],
                version,
                version_from_row,
                using=using,
            )
        else:
            rows, last = version(self.kwargs[lookup_kwarg])
        last = self.with_midnight(last)
        etag = make_etag(
            self.request, rows=rows, last=last, sees_drafts=self.sees_drafts(), whole_url=False, path=self.detail_path()
        )
        return etag, last, rows

    def _detail_shape(self) -> tuple:
        """What a detail's queries depend on besides the object's key (``compiled_sql``): the
        view, its action, who asks (drafts or not), how the answer is read and the language."""
        renderer = getattr(self.request, "accepted_renderer", None)
        return (
            type(self),
            self.action,
            self.sees_drafts(),
            self.answers_from_rows(),
            renderer and renderer.format,
            get_language(),
        )

    def _lookup_field_and_database(self) -> tuple[models.Field, str]:
        model = self.list_model()
        field = model._meta.pk if self.lookup_field == "pk" else model._meta.get_field(self.lookup_field)
        return field, router.db_for_read(model)

    def detail_path(self) -> str:
        """The path of the object named in ``self.kwargs``, whatever URL the request went to.

        An extra action on the object (``…/correction/``) is checked against the ETag a GET
        of the object gave, and the 201 of a create (posted to the collection) carries the
        ETag a GET of the new object gives, so that the creator can update it with that ETag.
        """
        if self.action in ("retrieve", "update", "partial_update"):
            return self.request.path
        lookup_kwarg = self.lookup_url_kwarg or self.lookup_field
        namespace = self.request.resolver_match.namespace
        name = f"{namespace}:{self.basename}-detail" if namespace else f"{self.basename}-detail"
        return reverse(name, kwargs={lookup_kwarg: self.kwargs[lookup_kwarg]})

    @cache_api_data
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        etag, last, rows = self.detail_etag()
        if rows and (cached := not_modified(request, etag, last)) is not None:
            return cached
        reader = self.get_row_reader()
        if reader is not None:
            response = Response(self.retrieve_row(reader))
        else:
            response = super().retrieve(request, *args, **kwargs)
        set_validators(response, etag, last)
        return response

    def _no_object_rules(self) -> bool:
        """Whether no permission of the view has a rule about single objects (BasePermission's allows all)."""
        return all(
            type(permission).has_object_permission is BasePermission.has_object_permission
            for permission in self.get_permissions()
        )

    def retrieve_row(self, reader: RowReader) -> dict[str, Any]:
        """The object named in the URL, shaped by the row reader; ``get_object()``'s lookup and 404.

        Object permissions are not asked, so ``get_row_reader`` uses this path only for views
        whose permissions have no object rule (``ModelPermissionsOrReadOnly`` has none).
        """
        lookup_kwarg = self.lookup_url_kwarg or self.lookup_field

        def build(value: Any) -> models.QuerySet:
            # As get() asks: no order, and at most two rows (one, or a sign that the key is not unique).
            queryset = reader.select(self.filter_queryset(self.get_queryset()))
            return queryset.filter(**{self.lookup_field: value}).order_by()[:2]

        field, using = self._lookup_field_and_database()
        found = values_by_lookup(
            ("row", type(reader), *self._detail_shape()), field, self.kwargs[lookup_kwarg], build, using=using
        )
        if not found:
            raise Http404
        if len(found) > 1:
            raise self.list_model().MultipleObjectsReturned(f"{len(found)} rows for one {self.lookup_field}")
        return reader.represent(found)[0]


logger = logging.getLogger(__name__)

COUNT_CACHE_SECONDS = 24 * 3600


def _given(queryset: models.QuerySet) -> models.QuerySet:
    return queryset


@dataclasses.dataclass(frozen=True)
class ListedRows:
    """A list request's rows (``ConditionalReadOnlyViewSet.listed_rows``).

    ``queryset()``: the filtered queryset (a compiled page's is built on the first call);
    ``shape``: the compiled page shape (``compiled_page_shape``), or None; ``using``: the
    database it reads.
    """

    queryset: Callable[[], models.QuerySet]
    shape: Hashable | None
    using: str


def _may_match_a_url_never_served(request: Request) -> bool:
    """A conditional GET that could be a 304 without a validator this URL ever gave."""
    # Read as Django's get_conditional_response reads it: an If-None-Match that parses to no
    # ETag at all counts as absent, and then If-Modified-Since decides.
    etags = parse_etags(request.headers.get("If-None-Match", ""))
    if etags:
        return "*" in etags
    return "If-Modified-Since" in request.headers


def counted_rows(listed: ListedRows, last: datetime.datetime) -> int:
    """How many rows a list holds, counted once per version of the data.

    A list's count scans every matching row (7 ms at 100,000 statements): the answer is
    kept in the cache under the query and ``last`` (``list_version_of``, which moves
    with every change that could alter it), so the next page, the next client and the
    CSV of the same filter do not count again. Wrong counts cannot outlive a change,
    since the key holds the change.
    """

    # Keyed on which rows, not on how they are read: a JSON page from rows and a CSV page
    # through the serializers (joins, prefetches, annotations for display) count the same rows.
    # Per compiled page shape its text is kept in the process (compiled_sql.sql_of_shape):
    # compiling it took 1 ms for the issues list, whose annotations are built, then left out.
    # Not in the shared cache: code deployed later must never read a count keyed by its predecessor.
    def keys() -> models.QuerySet:
        return listed.queryset().order_by().values("pk")

    if listed.shape is None:
        sql, params = keys().query.sql_with_params()
    else:
        sql, params = sql_of_shape(("rows", listed.shape), keys, using=listed.using)
    key = "rows:" + hashlib.sha256(repr((listed.using, sql, params, last.isoformat())).encode()).hexdigest()
    try:
        rows = cache.get(key)
    except Exception:  # the cache (Redis) is down: count, as without a cache
        logger.exception("Row count cache read failed; counting.")
        return listed.queryset().count()
    if rows is None:
        rows = listed.queryset().count()
        try:
            cache.set(key, rows, COUNT_CACHE_SECONDS)
        except Exception:
            logger.exception("Row count cache write failed.")
    return rows


@contextmanager
def domain_errors(field_names: dict[str, str]) -> Iterator[None]:
    """Turn the model's validation (full_clean in the services) into a DRF 400 naming the fields.

    ``field_names`` maps each model field the request body sets to its name in the API
    (``url`` is a source's ``link``). A rule about anything else (several fields at once,
    a field the body does not carry) is reported under ``non_field_errors``, so that every
    ``attr`` of the answer is one the client sent or could send.
    """
    try:
        yield
    except DjangoValidationError as exc:
        detail: dict[str, list] = {}
        for key, messages in serializers.as_serializer_error(exc).items():
            name = field_names.get(key, api_settings.NON_FIELD_ERRORS_KEY)
            detail.setdefault(name, []).extend(messages)
        raise ValidationError(detail) from exc
    except IntegrityError as exc:
        # A concurrent write won the race for a unique value that full_clean() had just found free.
        raise ValidationError(
            {api_settings.NON_FIELD_ERRORS_KEY: [_("This conflicts with data saved meanwhile; check and retry.")]}
        ) from exc


class EditableViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, ConditionalReadOnlyViewSet):
    """Adds create, update (PUT) and partial update (PATCH) through a service function.

    The request body is read with ``write_serializer_class`` (shape only); the rules
    are the model's, applied by the service's ``full_clean()``; the answer is the
    resource as a GET would show it, with its new ETag.
    """

    lookup_value_regex = r"\d+"  # editable objects are named by their id
    # No DELETE over the API: the admin deletes, after showing what goes with the object.
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    write_serializer_class: type[serializers.Serializer]
    create_service: Callable[..., models.Model]
    update_service: Callable[..., models.Model]
    update_instance_kwarg: str  # the service's keyword for the object being changed
    # Codes of the model's clean() beyond what its fields and constraints declare, e.g. {"text": {"duplicate"}}.
    extra_domain_error_codes: dict[str, set[str]] = {}
    # Actions that change an existing object, so need If-Match (read by nafta_tracker.api.schema).
    if_match_actions: tuple[str, ...] = ("update", "partial_update")

    def get_write_serializer_class(self) -> type[serializers.Serializer]:
        """The request body of the current action (a subclass may read other bodies for its own actions)."""
        return self.write_serializer_class

    def service_arguments(self, data: dict[str, Any], *, creating: bool) -> dict[str, Any]:
        """Keyword arguments for the service from validated request data (hook for renames)."""
        return dict(data)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.write_serializer_class(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        with domain_errors(self.body_field_names()):
            instance = type(self).create_service(**self.service_arguments(body.validated_data, creating=True))
        return self._respond_with(instance, status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
            return self._update_locked(request, *args, **kwargs)

    def get_locked_object(self, request: Request) -> models.Model:
        """The object named in the URL, its row held to the end of the transaction, after ``If-Match``
        (428 without it, 412 when stale). Every write to an existing object starts here.

        Call inside ``transaction.atomic()``. Name the action in ``if_match_actions`` so the
        schema documents its 412 and 428.
        """
        # Hold the row from the ETag check to the write: without the lock, N writers holding the
        # same ETag all passed the check before any of them wrote (4 of 5 trials on PostgreSQL
        # let 5 of 8 through). On SQLite a write transaction begins IMMEDIATE, which serialises
        # writers the same way.
        lookup_kwarg = self.lookup_url_kwarg or self.lookup_field
        model = self.get_queryset().model
        list(
            model._default_manager.select_for_update()
            .filter(**{self.lookup_field: self.kwargs[lookup_kwarg]})
            .values_list("pk", flat=True)
        )
        etag, _last, _rows = self.detail_etag()
        instance = self.get_object()
        check_if_match(request, etag)
        return instance

    def _update_locked(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_locked_object(request)
        body = self.write_serializer_class(
            instance, data=request.data, partial=kwargs.get("partial", False), context=self.get_serializer_context()
        )
        body.is_valid(raise_exception=True)
        arguments = self.service_arguments(body.validated_data, creating=False)
        with domain_errors(self.body_field_names()):
            instance = type(self).update_service(**{self.update_instance_kwarg: instance}, **arguments)
        return self._respond_with(instance, status.HTTP_200_OK)

    def body_field_names(self) -> dict[str, str]:
        """Model field name -> API name, for each field of the request body (``url`` -> ``link``)."""
        fields = self.get_write_serializer_class()().fields
        return {field.source: name for name, field in fields.items() if field.source != "*"}

    def domain_error_codes(self) -> dict[str, set[str]]:
        """The error codes the model's validation may answer for each field of the request body.

        Read by the OpenAPI schema (``nafta_tracker.api.schema``): the service's
        ``full_clean()`` checks rules the request serializer knows nothing about, and a
        client (or ``make fuzz``) must find every ``attr``/``code`` pair of a 400 documented.
        """
        model = self.get_write_serializer_class().Meta.model
        api_names = self.body_field_names()
        codes: dict[str, set[str]] = {api_settings.NON_FIELD_ERRORS_KEY: {"invalid"}}
        for field in model._meta.get_fields():
            name = api_names.get(field.name)
            if name is None or not hasattr(field, "error_messages"):
                continue
            found = codes.setdefault(name, {"invalid"})  # clean() rules raised without a code
            found.update(field.error_messages)
            found.update(validator.code for validator in field.validators if getattr(validator, "code", None))
        for constraint in model._meta.constraints:
            code = constraint.violation_error_code or "invalid"
            fields = getattr(constraint, "fields", ())
            # Django reports a one-field unique constraint on that field, every other one on none.
            if code == "unique" and len(fields) == 1 and fields[0] in api_names:
                codes[api_names[fields[0]]].add(code)
            else:
                codes[api_settings.NON_FIELD_ERRORS_KEY].add(code)
        declared = getattr(model, "clean_error_codes", {})  # the model's own clean() rules, by field
        for field_name, extra in declared.items():
            if field_name in api_names:
                codes.setdefault(api_names[field_name], set()).update(extra)
        for name, extra in self.extra_domain_error_codes.items():
            codes.setdefault(name, set()).update(extra)
        return codes

    def _respond_with(self, instance: models.Model, code: int) -> Response:
        # Read back through the same queryset as a GET, so the answer and its ETag are what a GET would give.
        self.kwargs[self.lookup_url_kwarg or self.lookup_field] = getattr(instance, self.lookup_field)
        etag, last, _rows = self.detail_etag()
        fresh = self.get_object()
        response = Response(self.get_serializer(fresh).data, status=code)
        if code == status.HTTP_201_CREATED:
            response["Location"] = response.data["url"]
        set_validators(response, etag, last)
        return response
