"""The negotiation an editor works on, picked once in the admin and kept.

An editor enters the 2026 review's statements for an afternoon: the lists of rounds,
issues, milestones, statements, positions and status entries open on that negotiation,
and the autocomplete fields offer only its rounds and issues, until the editor picks
another (or "All negotiations"). The choice lives in the editor's session.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import Negotiation

SESSION_KEY = "admin_negotiation"
PARAMETER = "negotiation"
ALL = "all"


def chosen_negotiation_id(request: HttpRequest) -> int | None:
    """The negotiation the editor last picked in a list (None: all of them)."""
    value = getattr(request, "session", {}).get(SESSION_KEY)
    return int(value) if value and str(value).isdigit() else None


def negotiation_filter(path: str = "negotiation") -> type[admin.SimpleListFilter]:
    """A list filter on ``path`` (a lookup to a negotiation) that remembers the choice."""

    class NegotiationListFilter(admin.SimpleListFilter):
        title = _("negotiation")
        parameter_name = PARAMETER

        def __init__(self, request: HttpRequest, params: dict[str, Any], model: Any, model_admin: Any) -> None:
            session = getattr(request, "session", None)
            if session is not None:
                if PARAMETER in params:
                    value = params[PARAMETER]
                    value = value[-1] if isinstance(value, list) else value
                    session[SESSION_KEY] = value if str(value).isdigit() else ALL
                elif chosen_negotiation_id(request) is not None:
                    params = {**params, PARAMETER: [str(chosen_negotiation_id(request))]}
            super().__init__(request, params, model, model_admin)

        def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
            return [(str(n.pk), str(n)) for n in Negotiation.objects.live_first()]

        def choices(self, changelist: Any):
            yield {
                "selected": self.value() in (None, ALL),
                "query_string": changelist.get_query_string({PARAMETER: ALL}),
                "display": _("All negotiations"),
            }
            for value, label in self.lookup_choices:
                yield {
                    "selected": self.value() == value,
                    "query_string": changelist.get_query_string({PARAMETER: value}),
                    "display": label,
                }

        def queryset(self, request: HttpRequest, queryset: models.QuerySet) -> models.QuerySet:
            value = self.value()
            if value and value.isdigit():
                return queryset.filter(**{path: int(value)})
            return queryset

    return NegotiationListFilter


class NegotiationScopedAutocompleteMixin:
    """Autocomplete answers (rounds, issues) limited to the negotiation the editor works on.

    Except for fields that point across negotiations by design (``unscoped_fields``: an
    issue ``continues`` one of an earlier negotiation)."""

    negotiation_path = "negotiation"
    unscoped_fields: tuple[str, ...] = ("continues",)

    def get_search_results(self, request: HttpRequest, queryset: models.QuerySet, search_term: str):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)  # type: ignore[misc]
        chosen = chosen_negotiation_id(request)
        across = request.GET.get("field_name") in self.unscoped_fields
        if chosen is not None and not across and request.path.endswith("/autocomplete/"):
            queryset = queryset.filter(**{self.negotiation_path: chosen})
        return queryset, may_have_duplicates
