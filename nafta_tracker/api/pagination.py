"""Page-number pagination that refuses malformed input instead of guessing.

DRF's own class answers ``?page=0`` with a 404 and silently replaces a bad
``page_size`` with the default; clients then page through the wrong data without
noticing. Here a malformed ``page`` or ``page_size`` is a 400 naming the parameter,
and a page past the end stays a 404 (the page does not exist).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable
from typing import Any, Literal

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from ..compiled_sql import values_of_shape
from .feed import CURSOR_PARAM, encode_cursor

# Longest page number or size accepted: ``str.isdigit()`` also accepts "²" and other Unicode
# digits that ``int()`` refuses, and a 4,300-digit number costs int() more than it is worth.
MAX_DIGITS = 18


def whole_number(raw: str) -> int | None:
    """The positive integer ``raw`` spells in ASCII digits, or None."""
    if raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS and int(raw) >= 1:
        return int(raw)
    return None


class CountedPaginator(Paginator):
    """A paginator that can be told the row count, so the list's ETag query doubles as the COUNT.

    ``by_key``: cut the page from the rows' keys first (a view's ``page_cut()``), two ways:

    * ``"subquery"``: ``WHERE pk IN (the page's keys, sorted and cut)``, one query. A list sorted
      on joined tables' columns (positions by issue title and party name) made PostgreSQL join
      and sort every row at full width to keep 50: 10 ms for the positions list at 4,500
      rows. This sorts narrow rows, then reads 50 wide ones: 5 ms.
    * ``"keys"``: the page's keys by a query of their own, then its rows by those keys. A
      filtered statements list is planned again on every request (the filter's values change
      the best plan), and planning its seven-table join cost PostgreSQL 5-15 ms, against 0.6
      to run it. The keys' query is read from ``keys_from`` where the view gives it (the
      filtered queryset before its rows' columns were chosen), so it joins only what the filter
      and order need: PostgreSQL drops unneeded outer joins but must keep inner ones (the
      source, the negotiation), which cost ``?issue=`` 5 ms of planning instead of 2 at 100,000
      statements. The rows' query, keyed, is one statement for every full page of a given set
      of filters, so PostgreSQL keeps one plan for it. It keeps the filter too, so a row
      unpublished between the two queries is left out (a page one short), never shown.
      Where the view gives ``rows_by_keys`` (rows read from keys with a query built once per
      shape, ``compiled_sql``), the rows are read with it instead: the same query for every
      filter, the visibility rule still in it (a row unpublished meanwhile is left out too).

    Either way only for lists with one row per object and a total order (ending in a unique
    column), or the page could differ.
    """

    def __init__(
        self,
        *args: Any,
        known_count: int | None = None,
        by_key: Literal["subquery", "keys"] | None = None,
        keys_from: QuerySet | None = None,
        rows_by_keys: Callable[[list[Any]], list[Any]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if known_count is not None:
            self.__dict__["count"] = known_count  # pre-fills the cached_property
        self.by_key, self.keys_from, self.rows_by_keys = by_key, keys_from, rows_by_keys

    def page(self, number: Any) -> Any:
        page = super().page(number)
        rows = page.object_list
        if self.by_key and isinstance(rows, QuerySet) and rows.query.is_sliced:
            low, high = rows.query.low_mark, rows.query.high_mark
            page.object_list = cut(
                self.object_list, low, high, self.by_key, keys_from=self.keys_from, rows_by_keys=self.rows_by_keys
            )
        return page


def cut(
    rows: QuerySet,
    low: int,
    high: int,
    by_key: Literal["subquery", "keys"] | None,
    *,
    keys_from: QuerySet | None = None,
    rows_by_keys: Callable[[list[Any]], list[Any]] | None = None,
) -> QuerySet | list[Any]:
    """``rows[low:high]``, cut from the rows' keys first when ``by_key`` says how (``CountedPaginator``).

    ``keys_from``: the same rows, filtered and ordered alike, without the columns and joins
    ``rows`` reads for showing them; the keys are read from it where its filter and order are
    the rows' (``same_rows``), else from ``rows``. ``rows_by_keys``: the rows of some keys, in
    their order, read by the view's own means (for ``"keys"``); else ``rows`` filtered by them."""
    if not by_key or rows.query.distinct:
        return rows[low:high]
    if by_key == "keys":
        keys = rows if keys_from is None or not same_rows(keys_from, rows) else keys_from.prefetch_related(None)
        page_keys = list(keys.values_list("pk", flat=True)[low:high])
        if rows_by_keys is not None:
            return rows_by_keys(page_keys)
        return rows.filter(pk__in=page_keys)
    return rows.filter(pk__in=rows.values("pk")[low:high])


def same_rows(one: QuerySet, other: QuerySet) -> bool:
    """Whether two querysets of a model filter and sort their rows alike (explicitly, or by the
    model's default): what ``cut`` needs before it reads one's keys for the other's page."""
    return (
        one.model is other.model
        and one.query.where == other.query.where
        and one.query.order_by == other.query.order_by
        and one.query.extra_order_by == other.query.extra_order_by
        and one.query.default_ordering == other.query.default_ordering
        and one.query.standard_ordering == other.query.standard_ordering
        and not one.query.distinct
    )


class CompiledPages:
    """A list's rows as the paginator cuts them, each page's query built and compiled once.

    For a list page whose query depends on nothing but ``shape`` (a view's
    ``compiled_page_shape()``): ``select()`` builds the list's ``values()`` queryset, and only
    the first request of each page (its bounds join the shape) does
    (``compiled_sql.values_of_shape``). Its SQL is then run as it is. The paginator is told
    the count (``known_count``), so it never asks for the length.
    """

    def __init__(
        self,
        shape: Hashable,
        select: Callable[[], QuerySet],
        *,
        by_key: Literal["subquery", "keys"] | None,
        using: str,
    ) -> None:
        if by_key == "keys":  # its keys' query would be run by the build, and its page kept
            raise ValueError("A page cut from keys read first depends on more than its shape.")
        self.shape, self.select, self.by_key, self.using = shape, select, by_key, using

    def __getitem__(self, bounds: slice) -> list[dict[str, Any]]:
        low, high = bounds.start or 0, bounds.stop
        return values_of_shape(
            (self.shape, low, high), lambda: cut(self.select(), low, high, self.by_key), using=self.using
        )


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = settings.REST_FRAMEWORK["PAGE_SIZE"]
    page_size_query_param = "page_size"
    max_page_size = settings.API_MAX_PAGE_SIZE
    # Lazy as a whole: ``%`` on a lazy string gives a plain one, fixed in English at import time.
    page_size_query_description = lazy(
        lambda: (
            gettext("Results per page, from 1 to %(max)s (default %(default)s).")
            % {"max": settings.API_MAX_PAGE_SIZE, "default": settings.REST_FRAMEWORK["PAGE_SIZE"]}
        ),
        str,
    )()

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = whole_number(raw)
        if size is None or size > self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Enter a whole number from 1 to %(max)s.") % {"max": self.max_page_size}
                    ]
                }
            )
        return size

    def check_request(self, request: Request, view, count: int) -> None:
        """Refuse a malformed or past-the-end page before any 304 (the list holds ``count`` rows).

        RFC 9110 (13.2.1): preconditions are ignored when the request would fail without them,
        so ``If-None-Match: *`` with ``?page=true`` is a 400, not a 304. Costs no query.
        """
        self.get_page_size(request)
        if getattr(view, "in_feed_mode", lambda: False)():
            if self.page_query_param in request.query_params:
                raise ValidationError(
                    {self.page_query_param: [_("A feed (ordering=updated_at) is paged by its next link, not by page.")]}
                )
            return
        raw = request.query_params.get(self.page_query_param)
        if raw is None:
            return
        if raw not in self.last_page_strings and whole_number(raw) is None:
            raise ValidationError({self.page_query_param: [_("Enter a page number of 1 or more.")]})
        paginator = CountedPaginator([], self.get_page_size(request), known_count=count)
        number = paginator.num_pages if raw in self.last_page_strings else whole_number(raw)
        try:
            paginator.validate_number(number)
        except InvalidPage as exc:
            raise NotFound(self.invalid_page_message.format(page_number=raw, message=str(exc))) from exc

    def paginate_queryset(self, queryset, request: Request, view=None):
        self.feed_key = view.feed_key if view is not None and getattr(view, "in_feed_mode", lambda: False)() else None
        if self.feed_key:
            return self.paginate_feed(queryset, request, view)
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and raw not in self.last_page_strings and whole_number(raw) is None:
            raise ValidationError({self.page_query_param: [_("Enter a page number of 1 or more.")]})
        known_count = getattr(view, "known_count", None)
        by_key = view.page_cut() if hasattr(view, "page_cut") else None
        keys_from = getattr(view, "page_keys_from", None)
        rows_by_keys = getattr(view, "page_rows_by_keys", None)
        self.django_paginator_class = lambda *args, **kwargs: CountedPaginator(
            *args, known_count=known_count, by_key=by_key, keys_from=keys_from, rows_by_keys=rows_by_keys, **kwargs
        )
        return super().paginate_queryset(queryset, request, view)

    def paginate_feed(self, queryset, request: Request, view) -> list:
        """A page of a feed (``?ordering=updated_at``): the view has ordered and cut the rows from
        the cursor on (``nafta_tracker.api.feed``); this takes the first ``page_size``."""
        if self.page_query_param in request.query_params:
            raise ValidationError(
                {self.page_query_param: [_("A feed (ordering=updated_at) is paged by its next link, not by page.")]}
            )
        self.request = request
        rows = list(queryset[: self.get_page_size(request)])
        self.feed_count = view.known_count if view.known_count is not None else queryset.count()
        # next follows every page that has rows, the last one too: a client keeps the last next it
        # followed (whose page came back empty, next null) and polls it later for what changed since.
        self.feed_next = (
            encode_cursor(tuple(_aware(getattr(rows[-1], name)) for name in self.feed_key)) if rows else None
        )
        return rows

    def get_schema_operation_parameters(self, view) -> list[dict[str, Any]]:
        """Document the bounds enforced above, so that what the schema allows is what is accepted."""
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.page_query_param: {"minimum": 1},
            self.page_size_query_param: {"minimum": 1, "maximum": self.max_page_size},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        if getattr(view, "feed_key", None):
            parameters.append(
                {
                    "name": CURSOR_PARAM,
                    "in": "query",
                    "required": False,
                    "allowEmptyValue": True,  # ?cursor= is the first page, as an empty filter is ignored
                    "description": str(
                        _(
                            "With ordering=updated_at: where the page starts. Take it from the next link; "
                            "it holds the last change seen, so no row is skipped or repeated while data changes."
                        )
                    ),
                    "schema": {"type": "string"},
                }
            )
        return parameters

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        # next and previous are always there, null at either end (DRF's schema leaves them optional).
        paginated = super().get_paginated_response_schema(schema)
        paginated["required"] = ["count", "next", "previous", "results"]
        return paginated

    def get_paginated_response(self, data) -> Response:
        if self.feed_key:
            return self.get_feed_response(data)
        response = super().get_paginated_response(data)
        # RFC 8288 links too, so that CSV clients (which see only rows) can follow the pages.
        links = [
            f'<{url}>; rel="{rel}"'
            for rel, url in (("next", self.get_next_link()), ("prev", self.get_previous_link()))
            if url
        ]
        if links:
            response["Link"] = ", ".join(links)
        response["X-Total-Count"] = str(self.page.paginator.count)
        return response

    def get_feed_response(self, data) -> Response:
        """The same envelope as numbered pages; ``count`` is the rows from this page on, ``next``
        is null only on an empty page, and a feed has no ``previous``."""
        url = remove_query_param(self.request.build_absolute_uri(), self.page_query_param)
        next_url = replace_query_param(url, CURSOR_PARAM, self.feed_next) if self.feed_next else None
        response = Response({"count": self.feed_count, "next": next_url, "previous": None, "results": data})
        if next_url:
            response["Link"] = f'<{next_url}>; rel="next"'
        response["X-Total-Count"] = str(self.feed_count)
        return response


def _aware(value: Any) -> Any:
    if isinstance(value, str):  # SQLite hands back Greatest() of datetimes as text
        value = datetime.datetime.fromisoformat(value)
    if isinstance(value, datetime.datetime) and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


class FeedPagination(PageNumberPagination):
    """For a list that is only ever a feed (the tombstones): ``page_size`` and ``cursor``, no page numbers."""

    def get_schema_operation_parameters(self, view) -> list[dict[str, Any]]:
        return [
            parameter
            for parameter in super().get_schema_operation_parameters(view)
            if parameter["name"] != self.page_query_param
        ]
