"""Lists and details of the issue domain read as rows (``nafta_tracker.api.rows``): the same
JSON as the serializers of ``issues.api.serializers``, without a model instance or a DRF field
per value.

tests/api/test_rows.py holds each reader to its serializer, byte for byte, in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext

from issues.api.serializers import statements_url
from issues.models import (
    Issue,
    IssueStatus,
    Position,
    PositionKind,
    Statement,
    StatementTranslation,
    StatusAssessment,
)
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
from rounds.api.rows import PartySummary, RoundSummary, SourceSummary
from rounds.models import Official, Party


class IssueSummary(SlugSummary):
    """``IssueSummarySerializer``'s output: slug, title, url, html_url, fallbacks."""

    model = Issue
    view_name = "api:issue-detail"
    translated = ("title",)


#: A statement's plain columns, before its translations and after them (the output's order).
_STATEMENT_WORDS = ("attribution", "kind", "text", "language")
_STATEMENT_SETTING = ("context", "occasion")


class StatementRows:
    """``StatementSerializer``'s output for a page of statements: one query for the page, one
    for their issues and one for their translations, as ``with_related()`` makes."""

    def __init__(self, request: Any) -> None:
        self.zone = timezone.get_current_timezone()
        self.party = PartySummary(request)
        self.round = RoundSummary(request)
        self.source_summary = SourceSummary(request)
        self.issue = IssueSummary(request)
        self.url = Links(request, "api:statement-detail", "pk")
        self.html_url = html_links(request, Statement)
        self.speaker_url = Links(request, "api:official-detail")
        self.speaker_html_url = html_links(request, Official)
        self.speaker_title = Texts(Official, [("title", "title")])

    def select(self, queryset: models.QuerySet) -> models.QuerySet:
        language = content_language()
        return queryset.prefetch_related(None).values(
            "id",
            "negotiation__slug",
            "speaker_id",
            *columns("speaker__", ["slug", "name", "title"], Official, language),
            *PartySummary.columns("speaker__party__"),
            *PartySummary.columns("attributed_party__"),
            *_STATEMENT_WORDS,
            *_STATEMENT_SETTING,
            "date",
            "date_precision",
            "date_text",
            *RoundSummary.columns("round__"),
            "tone",
            *SourceSummary.columns("source__"),
            "state",
            "published_at",
            "updated_at",
        )

    def represent(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        ids = [row["id"] for row in rows]
        # For one statement (its detail) each is built once and then run for any id (nested_rows).
        issues = by_key(
            nested_rows(
                (type(self), "issues"),
                ids,
                Statement._meta.pk,
                lambda ids: (
                    Statement.issues.through.objects.filter(statement_id__in=ids)
                    .order_by("issue__title", "issue_id")
                    .values("statement_id", *IssueSummary.columns("issue__"))
                ),
            ),
            "statement_id",
            lambda row: self.issue(row, "issue__"),
        )
        translations = by_key(
            nested_rows(
                (type(self), "translations"),
                ids,
                Statement._meta.pk,
                lambda ids: (
                    StatementTranslation.objects.filter(statement_id__in=ids)
                    .order_by("language")
                    .values("statement_id", "language", "text", "note")
                ),
            ),
            "statement_id",
            lambda row: {"language": row["language"], "text": row["text"], "note": row["note"]},
        )
        return [self.one(row, issues.get(row["id"], []), translations.get(row["id"], [])) for row in rows]

    def one(self, row: dict[str, Any], issues: list, translations: list) -> dict[str, Any]:
        pk = row["id"]
        out: dict[str, Any] = {
            "id": pk,
            "url": self.url(pk),
            "html_url": self.html_url(pk),
            "negotiation": row["negotiation__slug"],
            "speaker": self.speaker(row),
        }
        for name in _STATEMENT_WORDS:
            out[name] = row[name]
        out["translations"] = translations
        for name in _STATEMENT_SETTING:
            out[name] = row[name]
        out["date"] = date_text(row["date"])
        out["date_precision"] = row["date_precision"]
        out["date_text"] = row["date_text"]
        out["round"] = self.round(row, "round__")
        out["issues"] = issues
        out["tone"] = row["tone"]
        out["source"] = self.source_summary(row, "source__")
        out["state"] = row["state"]
        out["published_at"] = datetime_text(row["published_at"], self.zone)
        out["updated_at"] = datetime_text(row["updated_at"], self.zone)
        return out

    def speaker(self, row: dict[str, Any]) -> dict[str, Any]:
        """``SpeakerSerializer``: a named official, or the attribution as printed (no slug, title or links)."""
        if row["speaker_id"] is None:
            return {
                "slug": None,
                "name": row["attribution"],
                "title": None,
                "party": self.party(row, "attributed_party__"),
                "url": None,
                "html_url": None,
            }
        slug = row["speaker__slug"]
        return {
            "slug": slug,
            "name": row["speaker__name"],
            "title": self.speaker_title.text(row, "speaker__", "title"),
            "party": self.party(row, "speaker__party__"),
            "url": self.speaker_url(slug),
            "html_url": self.speaker_html_url(slug),
        }


class PositionRows:
    """``PositionSerializer``'s output for a page of positions: one query.

    Also shapes the positions an issue shows (``IssuePositionSerializer``: no issue, state
    or publication time), for ``IssueRows``.
    """

    def __init__(self, request: Any) -> None:
        self.zone = timezone.get_current_timezone()
        self.issue = IssueSummary(request)
        self.party = PartySummary(request)
        self.round = RoundSummary(request)
        self.source_summary = SourceSummary(request)
        self.url = Links(request, "api:position-detail", "pk")
        self.html_url = html_links(request, Position)
        self.texts = Texts(Position, [("summary", "summary")])

    def select(self, queryset: models.QuerySet) -> models.QuerySet:
        return queryset.prefetch_related(None).values(
            "id",
            "issue_id",
            *IssueSummary.columns("issue__"),
            *PartySummary.columns("party__"),
            "kind",
            *columns("", ["summary"], Position, content_language()),
            "date",
            "date_precision",
            "date_text",
            *RoundSummary.columns("round__"),
            *SourceSummary.columns("source__"),
            "state",
            "published_at",
            "updated_at",
        )

    def represent(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [self.one(row) for row in rows]

    def one(self, row: dict[str, Any], *, in_issue: bool = False) -> dict[str, Any]:
        pk = row["id"]
        out: dict[str, Any] = {"id": pk, "url": self.url(pk), "html_url": self.html_url(row["issue__slug"], pk=pk)}
        if not in_issue:
            out["issue"] = self.issue(row, "issue__")
        out["party"] = self.party(row, "party__")
        out["kind"] = row["kind"]
        out["summary"] = self.texts.text(row, "", "summary")
        out["date"] = date_text(row["date"])
        out["date_precision"] = row["date_precision"]
        out["date_text"] = row["date_text"]
        out["round"] = self.round(row, "round__")
        out["source"] = self.source_summary(row, "source__")
        if not in_issue:
            out["state"] = row["state"]
            out["published_at"] = datetime_text(row["published_at"], self.zone)
        out["updated_at"] = datetime_text(row["updated_at"], self.zone)
        out["fallbacks"] = self.texts.fallbacks(row, "")
        return out


def annotated_issues(queryset: models.QuerySet) -> models.QuerySet:
    """Issues with their current status and last change, without prefetches: what the issue
    readers select from (the view's queryset carries neither annotation, see ``IssueRows.select``)."""
    return queryset.with_current_status().with_last_change().prefetch_related(None)


class IssueRows:
    """``IssueSerializer``'s output for a page of issues: one query for the page (status and last
    change as its annotations), one for each party's latest position, as ``with_latest_positions()``."""

    def __init__(self, request: Any) -> None:
        self.zone = timezone.get_current_timezone()
        self.url = Links(request, "api:issue-detail")
        self.html_url = html_links(request, Issue)
        self.summary = IssueSummary(request)
        self.positions = PositionRows(request)
        self.source_summary = SourceSummary(request)
        self.texts = Texts(Issue, [("title", "title"), ("description", "description")])
        self.outcome_texts = Texts(Issue, [("outcome_note", "note")])
        self.status_labels = {code: str(label) for code, label in IssueStatus.choices}
        self.not_assessed = gettext("Not yet assessed")  # Issue.current_status_label's words

    def select(self, queryset: models.QuerySet) -> models.QuerySet:
        """The columns of ``queryset``'s issues that the output shows, their status and last change
        annotated here: the view's queryset does not carry them, so that a filtered page's keys are
        read, and its count made, without building them (2 to 3 ms a request)."""
        language = content_language()
        return annotated_issues(queryset).values(
            "id",
            "slug",
            "negotiation__slug",
            *columns("", ["title", "kind", "description", "outcome_note"], Issue, language),
            *IssueSummary.columns("continues__"),
            "current_status_code",
            "status_changed_on",
            "outcome_status",
            "outcome_date",
            "outcome_date_precision",
            "outcome_reference",
            *SourceSummary.columns("outcome_source__"),
            "last_change",
        )

    def represent(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return self.shape(rows, self.latest_positions(rows))

    def shape(self, rows: list[dict[str, Any]], latest: dict[int, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        """The issues of ``rows``, each with its latest positions from ``latest`` (by issue id)."""
        return [self.one(row, latest.get(row["id"], [])) for row in rows]

    def latest_positions(self, rows: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
        """Each issue's latest published position per party, shaped, by issue id (one query)."""
        return by_key(
            self.nested(
                "latest_positions",
                [row["id"] for row in rows],
                lambda ids: self.positions.select(Position.objects.latest_per_party(ids)),
            ),
            "issue_id",
            lambda row: self.positions.one(row, in_issue=True),
        )

    def nested(self, name: str, ids: list[int], build: Callable[[list[int]], models.QuerySet]) -> Iterable[dict]:
        """The rows of a nested list of the issues ``ids`` (``nested_rows``: compiled once for one issue)."""
        return nested_rows((type(self), name), ids, Issue._meta.pk, build)

    def one(self, row: dict[str, Any], latest_positions: list) -> dict[str, Any]:
        slug = row["slug"]
        code = row["current_status_code"]
        return {
            "slug": slug,
            "url": self.url(slug),
            "html_url": self.html_url(slug),
            "negotiation": row["negotiation__slug"],
            "title": self.texts.text(row, "", "title"),
            "kind": row["kind"],
            "description": self.texts.text(row, "", "description"),
            "continues": self.summary(row, "continues__"),
            "status": code,
            "status_label": self.status_labels[code] if code else self.not_assessed,
            "status_changed_on": date_text(row["status_changed_on"]),
            "latest_positions": latest_positions,
            "outcome": self.outcome(row),
            "updated_at": datetime_text(row["last_change"], self.zone),
            "fallbacks": self.texts.fallbacks(row, ""),
        }

    def outcome(self, row: dict[str, Any]) -> dict[str, Any] | None:
        """``IssueOutcomeSerializer``: how the issue ended, or None while it is open."""
        if not row["outcome_status"]:
            return None
        return {
            "status": row["outcome_status"],
            "date": date_text(row["outcome_date"]),
            "date_precision": row["outcome_date_precision"],
            "reference": row["outcome_reference"],
            "note": self.outcome_texts.text(row, "", "outcome_note"),
            "source": self.source_summary(row, "outcome_source__"),
            "fallbacks": self.outcome_texts.fallbacks(row, ""),
        }


class StatusEntryRows:
    """``StatusAssessmentSerializer``'s output for a page of status entries: one query (the
    correction that supersedes each entry and its last change are annotations).

    Also shapes an issue's history (``IssueHistoryEntrySerializer``: no issue, state or
    publication time), for ``IssueDetailRows``.
    """

    def __init__(self, request: Any) -> None:
        self.zone = timezone.get_current_timezone()
        self.issue = IssueSummary(request)
        self.round = RoundSummary(request)
        self.source_summary = SourceSummary(request)
        self.url = Links(request, "api:statusassessment-detail", "pk")
        self.html_url = html_links(request, StatusAssessment)
        self.texts = Texts(StatusAssessment, [("note", "note")])
        self.labels = {code: str(label) for code, label in IssueStatus.choices}

    def select(self, queryset: models.QuerySet) -> models.QuerySet:
        return queryset.prefetch_related(None).values(
            "id",
            "issue_id",
            *IssueSummary.columns("issue__"),
            "status",
            *RoundSummary.columns("round__"),
            "date",
            "date_precision",
            "date_text",
            *columns("", ["note"], StatusAssessment, content_language()),
            *SourceSummary.columns("source__"),
            "corrects_id",
            "correction_reason",
            "superseded_by_id",
            "state",
            "published_at",
            "last_change",
        )

    def represent(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [self.one(row) for row in rows]

    def one(self, row: dict[str, Any], *, in_issue: bool = False) -> dict[str, Any]:
        pk = row["id"]
        status = row["status"]
        out: dict[str, Any] = {"id": pk, "url": self.url(pk), "html_url": self.html_url(row["issue__slug"], pk=pk)}
        if not in_issue:
            out["issue"] = self.issue(row, "issue__")
        out["status"] = status
        out["status_label"] = self.labels.get(status, status)
        out["round"] = self.round(row, "round__")
        out["date"] = date_text(row["date"])
        out["date_precision"] = row["date_precision"]
        out["date_text"] = row["date_text"]
        out["note"] = self.texts.text(row, "", "note")
        out["source"] = self.source_summary(row, "source__")
        out["corrects"] = row["corrects_id"]
        out["correction_reason"] = row["correction_reason"]
        out["superseded"] = row["superseded_by_id"] is not None
        out["superseded_by"] = row["superseded_by_id"]
        if not in_issue:
            out["state"] = row["state"]
            out["published_at"] = datetime_text(row["published_at"], self.zone)
        out["updated_at"] = datetime_text(row["last_change"], self.zone)
        out["fallbacks"] = self.texts.fallbacks(row, "")
        return out


class IssueDetailRows(IssueRows):
    """``IssueDetailSerializer``'s output: the list's row, then the whole published history, every
    published position, related issues, the issues that take it up again, and its statements' URL.
    Four queries besides the issue's own: the history, every published position (each
    party's latest is read from them, not queried again), related issues, and the issues
    that take it up again."""

    def __init__(self, request: Any) -> None:
        super().__init__(request)
        self.request = request
        self.history = StatusEntryRows(request)

    @staticmethod
    def latest_of(raw: list[dict[str, Any]], shaped: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Each party's latest of one issue's positions (``raw`` rows, ``shaped`` for output):
        the party's last in the list of every published position, ordered by party name, then
        date and id, as ``Position.objects.latest_per_party()`` defines the latest and orders
        them. The shaped positions are the same objects as in ``positions``, shown twice."""
        last_of_party = {row["party__id"]: index for index, row in enumerate(raw)}
        return [shaped[index] for index in sorted(last_of_party.values())]

    def represent(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        ids = [row["id"] for row in rows]
        positions: dict[int, tuple[list[dict], list[dict]]] = {}
        for row in self.nested(
            "positions",
            ids,
            lambda ids: self.positions.select(
                Position.objects.published().filter(issue_id__in=ids).order_by("party__name", "date", "id")
            ),
        ):
            raw, shaped = positions.setdefault(row["issue_id"], ([], []))
            raw.append(row)
            shaped.append(self.positions.one(row, in_issue=True))
        shown = self.shape(rows, {issue_id: self.latest_of(*lists) for issue_id, lists in positions.items()})
        history = by_key(
            self.nested(
                "history",
                ids,
                lambda ids: self.history.select(
                    StatusAssessment.objects.published().with_corrections().filter(issue_id__in=ids).chronological()
                ),
            ),
            "issue_id",
            lambda row: self.history.one(row, in_issue=True),
        )
        related = by_key(
            self.nested(
                "related",
                ids,
                lambda ids: (
                    Issue.related.through.objects.filter(from_issue_id__in=ids)
                    .order_by("to_issue__title", "to_issue_id")
                    .values("from_issue_id", *IssueSummary.columns("to_issue__"))
                ),
            ),
            "from_issue_id",
            lambda row: self.summary(row, "to_issue__"),
        )
        continued_by = by_key(
            self.nested(
                "continued_by",
                ids,
                lambda ids: (
                    Issue.objects.filter(continues_id__in=ids)
                    .order_by("title", "id")
                    .values("continues_id", *IssueSummary.columns(""))
                ),
            ),
            "continues_id",
            lambda row: self.summary(row, ""),
        )
        for row, out in zip(rows, shown, strict=True):
            pk = row["id"]
            out["status_history"] = history.get(pk, [])
            out["positions"] = positions.get(pk, ((), []))[1]
            out["related"] = related.get(pk, [])
            out["continued_by"] = continued_by.get(pk, [])
            out["statements_url"] = statements_url(self.request, issue=row["slug"])
        return shown


# --------------------------------------------------------------------------- CSV
# The flat rows of ``issues.api.csv`` (one plain value per cell), read the same way: a page
# of 500 statements through ``StatementCSVSerializer`` built 500 model instances with every
# prefetch of ``with_related()`` (translations included, which CSV does not show) and spent
# most of its 300 ms there. The CSV renderer neutralises formulas in either case.


class StatementCSVRows:
    """``StatementCSVSerializer``'s rows: one query for the page, one for their issues' slugs."""

    def __init__(self, request: Any) -> None:
        self.zone = timezone.get_current_timezone()
        self.url = Links(request, "api:statement-detail", "pk")
        self.html_url = html_links(request, Statement)

    def select(self, queryset: models.QuerySet) -> models.QuerySet:
        return queryset.prefetch_related(None).values(
            "id",
            "date",
            "date_precision",
            "speaker_id",
            "speaker__name",
            "speaker__slug",
            "attribution",
            "speaker__party__slug",
            "attributed_party__slug",
            "kind",
            "text",
            "language",
            "context",
            "occasion",
            "round__slug",
            "tone",
            "source__outlet",
            "source__title",
            "source__url",
            "source__published_on",
            "state",
            "updated_at",
        )

    def represent(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        issues = by_key(
            Statement.issues.through.objects.filter(statement_id__in=[row["id"] for row in rows])
            .order_by("issue__title", "issue_id")  # as with_related() prefetches them
            .values("statement_id", "issue__slug"),
            "statement_id",
            lambda row: row["issue__slug"],
        )
        return [self.one(row, issues.get(row["id"], [])) for row in rows]

    def one(self, row: dict[str, Any], issues: list[str]) -> dict[str, Any]:
        pk = row["id"]
        named = row["speaker_id"] is not None  # Statement.speaker_name and .party: the official's, or as printed
        return {
            "id": pk,
            "date": date_text(row["date"]),
            "date_precision": row["date_precision"],
            "speaker": row["speaker__name"] if named else row["attribution"],
            "speaker_slug": row["speaker__slug"],
            "party": row["speaker__party__slug"] if named else row["attributed_party__slug"],
            "kind": row["kind"],
            "text": row["text"],
            "language": row["language"],
            "context": row["context"],
            "occasion": row["occasion"],
            "round": row["round__slug"],
            "issues": "; ".join(issues),
            "tone": row["tone"],
            "source_outlet": row["source__outlet"],
            "source_title": row["source__title"],
            "source_link": row["source__url"],
            "source_published_on": date_text(row["source__published_on"]),
            "state": row["state"],
            "updated_at": datetime_text(row["updated_at"], self.zone),
            "url": self.url(pk),
            "html_url": self.html_url(pk),
        }


class PositionCSVRows:
    """``PositionCSVSerializer``'s rows: one query."""

    def __init__(self, request: Any) -> None:
        self.zone = timezone.get_current_timezone()
        self.url = Links(request, "api:position-detail", "pk")
        self.html_url = html_links(request, Position)
        self.texts = Texts(Position, [("summary", "summary")])

    def select(self, queryset: models.QuerySet) -> models.QuerySet:
        return queryset.prefetch_related(None).values(
            "id",
            "issue__slug",
            "party__slug",
            "kind",
            *columns("", ["summary"], Position, content_language()),
            "date",
            "date_precision",
            "round__slug",
            "source__outlet",
            "source__title",
            "source__url",
            "state",
            "updated_at",
        )

    def represent(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [self.one(row) for row in rows]

    def one(self, row: dict[str, Any]) -> dict[str, Any]:
        pk = row["id"]
        return {
            "id": pk,
            "issue": row["issue__slug"],
            "party": row["party__slug"],
            "kind": row["kind"],
            "summary": self.texts.text(row, "", "summary"),
            "date": date_text(row["date"]),
            "date_precision": row["date_precision"],
            "round": row["round__slug"],
            "source_outlet": row["source__outlet"],
            "source_title": row["source__title"],
            "source_link": row["source__url"],
            "state": row["state"],
            "updated_at": datetime_text(row["updated_at"], self.zone),
            "url": self.url(pk),
            "html_url": self.html_url(row["issue__slug"], pk=pk),
        }


class IssueCSVRows:
    """``IssueCSVSerializer``'s rows: one query for the page (status and last change as its
    annotations), one for each party's latest position, summed up in one cell."""

    def __init__(self, request: Any) -> None:
        self.zone = timezone.get_current_timezone()
        self.url = Links(request, "api:issue-detail")
        self.html_url = html_links(request, Issue)
        self.texts = Texts(Issue, [("title", "title")])
        self.party_names = Texts(Party, [("name", "name")])
        self.summaries = Texts(Position, [("summary", "summary")])
        self.kinds = {code: str(label) for code, label in PositionKind.choices}  # get_kind_display()
        self.status_labels = {code: str(label) for code, label in IssueStatus.choices}
        self.not_assessed = gettext("Not yet assessed")  # Issue.current_status_label's words

    def select(self, queryset: models.QuerySet) -> models.QuerySet:
        return annotated_issues(queryset).values(
            "id",
            "slug",
            *columns("", ["title"], Issue, content_language()),
            "kind",
            "current_status_code",
            "status_changed_on",
            "last_change",
        )

    def represent(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        language = content_language()
        latest = by_key(
            Position.objects.latest_per_party([row["id"] for row in rows]).values(
                "issue_id",
                *columns("party__", ["name"], Party, language),
                "kind",
                "date",
                *columns("", ["summary"], Position, language),
            ),
            "issue_id",
            self.position,
        )
        return [self.one(row, latest.get(row["id"], [])) for row in rows]

    def position(self, row: dict[str, Any]) -> tuple[str, str]:
        """(party name, the position in words) as ``get_latest_positions`` writes it."""
        party = self.party_names.text(row, "party__", "name")
        kind = self.kinds.get(row["kind"], row["kind"])
        return party, f"{party}: {kind} ({row['date']}): {self.summaries.text(row, '', 'summary')}"

    def one(self, row: dict[str, Any], positions: list[tuple[str, str]]) -> dict[str, Any]:
        slug = row["slug"]
        code = row["current_status_code"]
        return {
            "slug": slug,
            "title": self.texts.text(row, "", "title"),
            "kind": row["kind"],
            "status": code,
            "status_label": self.status_labels[code] if code else self.not_assessed,
            "status_changed_on": date_text(row["status_changed_on"]),
            "latest_positions": "; ".join(words for _party, words in sorted(positions, key=lambda pair: pair[0])),
            "updated_at": datetime_text(row["last_change"], self.zone),
            "url": self.url(slug),
            "html_url": self.html_url(slug),
        }
