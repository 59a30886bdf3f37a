"""Pages of one negotiation or of all: ``/negotiations/<slug>/rounds/`` and ``/rounds/``.

The same views serve both. Under ``/negotiations/<slug>/`` the URL carries the
negotiation; the lists that existed before there were two (``/rounds/``, ``/issues/``,
``/statements/``, ``/deadlines/``) keep their addresses and show every negotiation.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.shortcuts import get_object_or_404

from rounds.models import Negotiation


class NegotiationScopeMixin:
    """Reads the ``negotiation`` URL argument (a slug) once; scopes querysets by it."""

    kwargs: dict[str, Any]
    _negotiation: Negotiation | None

    @property
    def negotiation(self) -> Negotiation | None:
        if not hasattr(self, "_negotiation"):
            slug = self.kwargs.get("negotiation")
            self._negotiation = get_object_or_404(Negotiation, slug=slug) if slug else None
        return self._negotiation

    def scoped(self, queryset: models.QuerySet, path: str = "negotiation") -> models.QuerySet:
        """``queryset`` limited to the page's negotiation, if the page has one."""
        if self.negotiation is None:
            return queryset
        return queryset.filter(**{path: self.negotiation})

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context["negotiation"] = self.negotiation
        return context
