"""Page-number pagination that refuses malformed input instead of guessing.

DRF's own class answers ``?page=0`` with a 404 and silently replaces a bad
``page_size`` with the default; clients then page through the wrong data without
noticing. Here a malformed ``page`` or ``page_size`` is a 400 naming the parameter,
and a page past the end stays a 404 (the page does not exist).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

# Longest page number or size accepted: ``str.isdigit()`` also accepts "²" and other Unicode
# digits that ``int()`` refuses, and a 4,300-digit number costs int() more than it is worth.
MAX_DIGITS = 18


def whole_number(raw: str) -> int | None:
    """The positive integer ``raw`` spells in ASCII digits, or None."""
    if raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS and int(raw) >= 1:
        return int(raw)
    return None


class CountedPaginator(Paginator):
    """A paginator that can be told the row count, so the list's ETag query doubles as the COUNT."""

    def __init__(self, *args: Any, known_count: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if known_count is not None:
            self.__dict__["count"] = known_count  # pre-fills the cached_property


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

    def paginate_queryset(self, queryset, request: Request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and raw not in self.last_page_strings and whole_number(raw) is None:
            raise ValidationError({self.page_query_param: [_("Enter a page number of 1 or more.")]})
        known_count = getattr(view, "known_count", None)
        self.django_paginator_class = lambda *args, **kwargs: CountedPaginator(*args, known_count=known_count, **kwargs)
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view) -> list[dict[str, Any]]:
        """Document the bounds enforced above, so that what the schema allows is what is accepted."""
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.page_query_param: {"minimum": 1},
            self.page_size_query_param: {"minimum": 1, "maximum": self.max_page_size},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters

    def get_paginated_response(self, data) -> Response:
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
