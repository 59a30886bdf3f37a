"""The compact summaries of parties, rounds and sources, the officials and the rounds, from ``values()`` rows.

The same dicts as ``PartySummarySerializer``, ``RoundSummarySerializer`` and
``SourceSummarySerializer`` (see ``nafta_tracker.api.rows``); the row readers of other
resources embed them. Each summary is made once per request and reads the columns
that ``columns(prefix)`` names under a prefix such as ``speaker__party__``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet
from django.utils import timezone

from nafta_tracker.api.rows import (
    Links,
    SlugSummary,
    Texts,
    by_key,
    columns,
    date_text,
    datetime_text,
    html_links,
    nested_rows,
)
from nafta_tracker.content_language import content_language
from rounds.models import Official, Party, Round, Source


class PartySummary(SlugSummary):
    """``PartySummarySerializer``'s output: slug, name, short_name, url, html_url, fallbacks."""

    model = Party
    view_name = "api:party-detail"
    translated = ("name", "short_name")


class RoundSummary(SlugSummary):
    """``RoundSummarySerializer``'s output: slug, number, city, url, html_url, fallbacks."""

    model = Round
    view_name = "api:round-detail"
    plain = ("number",)
    translated = ("city",)


class SourceSummary:
    """``SourceSummarySerializer``'s output (a source is not translated: no fallbacks)."""

    def __init__(self, request: Any) -> None:
        self.url = Links(request, "api:source-detail", "pk")
        self.html_url = html_links(request, Source)
        self.known: dict[Any, dict[str, Any]] = {}  # made once per request, as SlugSummary's

    @staticmethod
    def columns(prefix: str) -> list[str]:
        return [prefix + name for name in ("id", "kind", "outlet", "title", "description", "url", "published_on")]

    def __call__(self, row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
        pk = row[prefix + "id"]
        if pk is None:
            return None
        known = self.known.get(pk)
        if known is not None:
            return known
        known = self.known[pk] = {
            "id": pk,
            "kind": row[prefix + "kind"],
            "outlet": row[prefix + "outlet"],
            "title": row[prefix + "title"],
            "description": row[prefix + "description"],
            "link": row[prefix + "url"],
            "published_on": date_text(row[prefix + "published_on"]),
            "url": self.url(pk),
            "html_url": self.html_url(pk),
        }
        return known


class OfficialRows:
    """``OfficialSerializer``'s output for a page of officials: one query."""

    def __init__(self, request: Any) -> None:
        self.zone = timezone.get_current_timezone()
        self.party = PartySummary(request)
        self.source_summary = SourceSummary(request)
        self.url = Links(request, "api:official-detail")
        self.html_url = html_links(request, Official)
        self.texts = Texts(Official, [("title", "title")])

    def select(self, queryset: QuerySet) -> QuerySet:
        return queryset.prefetch_related(None).values(
            "slug",
            *columns("", ["name", "title", "role", "organisation"], Official, content_language()),
            *PartySummary.columns("party__"),
            *SourceSummary.columns("source__"),
            "updated_at",
        )

    def represent(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [self.one(row) for row in rows]

    def one(self, row: dict[str, Any]) -> dict[str, Any]:
        slug = row["slug"]
        return {
            "slug": slug,
            "url": self.url(slug),
            "html_url": self.html_url(slug),
            "name": row["name"],
            "title": self.texts.text(row, "", "title"),
            "role": row["role"],
            "party": self.party(row, "party__"),
            "organisation": row["organisation"],
            "source": self.source_summary(row, "source__"),
            "updated_at": datetime_text(row["updated_at"], self.zone),
            "fallbacks": self.texts.fallbacks(row, ""),
        }


#: A round's translated texts, in the output's order.
_ROUND_TEXTS = ("title", "city", "summary")


class RoundRows:
    """``RoundSerializer``'s output for a page of rounds: one query, and one for their parties."""

    def __init__(self, request: Any) -> None:
        self.zone = timezone.get_current_timezone()
        self.party = PartySummary(request)
        self.source_summary = SourceSummary(request)
        self.url = Links(request, "api:round-detail")
        self.html_url = html_links(request, Round)
        self.texts = Texts(Round, [(name, name) for name in _ROUND_TEXTS])

    def select(self, queryset: QuerySet) -> QuerySet:
        return queryset.prefetch_related(None).values(*self.columns())

    def columns(self) -> list[str]:
        return [
            "id",
            "slug",
            "negotiation__slug",
            "kind",
            "number",
            *columns("", _ROUND_TEXTS, Round, content_language()),
            "venue",
            *PartySummary.columns("host_party__"),
            "start_date",
            "end_date",
            "status",
            *SourceSummary.columns("source__"),
            "updated_at",
        ]

    def represent(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        ids = [row["id"] for row in rows]
        # As RoundSerializer's prefetch reads them: through Party's manager, in Party.Meta's order.
        parties = by_key(
            nested_rows(
                (RoundRows, "parties"),
                ids,
                Round._meta.pk,
                lambda ids: Party.objects.filter(meetings__in=ids).values("slug", round_id=F("meetings__id")),
            ),
            "round_id",
            lambda row: row["slug"],
        )
        return [self.one(row, parties.get(row["id"], [])) for row in rows]

    def one(self, row: dict[str, Any], parties: list[str]) -> dict[str, Any]:
        slug = row["slug"]
        return {
            "slug": slug,
            "url": self.url(slug),
            "html_url": self.html_url(slug),
            "negotiation": row["negotiation__slug"],
            "kind": row["kind"],
            "number": row["number"],
            "title": self.texts.text(row, "", "title"),
            "city": self.texts.text(row, "", "city"),
            "venue": row["venue"],
            "host_party": self.party(row, "host_party__"),
            "parties": parties,
            "start_date": date_text(row["start_date"]),
            "end_date": date_text(row["end_date"]),
            "status": row["status"],
            "summary": self.texts.text(row, "", "summary"),
            "source": self.source_summary(row, "source__"),
            "updated_at": datetime_text(row["updated_at"], self.zone),
            "fallbacks": self.texts.fallbacks(row, ""),
        }
