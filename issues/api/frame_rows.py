"""A round's detail read as rows (``nafta_tracker.api.rows``): ``RoundDetailSerializer``'s JSON.

The round's own fields are ``rounds.api.rows.RoundRows``'; what moved there (the issues'
statuses assessed at it, the newest statements made during it) is the issue domain's, so
this reader lives here, one layer up, as ``issues.api.frame`` does for the serializers.
tests/api/test_rows.py holds it to the serializer, byte for byte, in every language.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F

from issues import selectors
from issues.api.rows import IssueSummary
from issues.api.serializers import statements_url
from issues.models import Issue, IssueStatus, Statement, StatusAssessment
from nafta_tracker.api.rows import Links, Texts, by_key, columns, date_text, html_links, nested_rows
from nafta_tracker.content_language import content_language
from rounds.api.rows import RoundRows, SourceSummary
from rounds.models import Round

#: The columns of an embedded statement (``RoundStatementSerializer``: flat and compact).
_STATEMENT_COLUMNS = (
    "id",
    "speaker_id",
    "speaker__slug",
    "speaker__name",
    "attribution",
    "speaker__party__slug",
    "attributed_party__slug",
    "kind",
    "text",
    "language",
    "date",
    "tone",
)


class RoundDetailRows(RoundRows):
    """``RoundDetailSerializer``'s output for one round: its row (with its published statement
    count), its parties, the current published status assessments made at it, its newest
    published statements and their issues. The same five queries as ``rounds_with_outcomes()``
    and its prefetches make; the first four are compiled once per shape (the row by
    ``retrieve_row``, the parties, assessments and statements by ``nested_rows``).

    For details only: the newest statements are read per round (a page of rounds would take
    a query per round; the list has no statements)."""

    def __init__(self, request: Any) -> None:
        super().__init__(request)
        self.request = request
        self.issue = IssueSummary(request)
        self.assessment_url = Links(request, "api:statusassessment-detail", "pk")
        self.assessment_html_url = html_links(request, StatusAssessment)
        self.note = Texts(StatusAssessment, [("note", "note")])
        self.labels = {code: str(label) for code, label in IssueStatus.choices}
        self.statement_url = Links(request, "api:statement-detail", "pk")
        self.statement_html_url = html_links(request, Statement)

    def columns(self) -> list[str]:
        return [*super().columns(), "statement_count"]

    def represent(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        shown = super().represent(rows)
        ids = [row["id"] for row in rows]
        assessments = by_key(
            nested_rows(
                (RoundDetailRows, "assessments"),
                ids,
                Round._meta.pk,
                lambda ids: (
                    StatusAssessment.objects.current()
                    .filter(round_id__in=ids)
                    .order_by("issue__title", "date", "id")
                    .values(
                        "id",
                        "round_id",
                        *IssueSummary.columns("issue__"),
                        "status",
                        "date",
                        "date_precision",
                        *columns("", ["note"], StatusAssessment, content_language()),
                        *SourceSummary.columns("source__"),
                    )
                ),
            ),
            "round_id",
            self.assessment,
        )
        for row, out in zip(rows, shown, strict=True):
            pk = row["id"]
            statements = self.statements(pk)
            out["status_assessments"] = assessments.get(pk, [])
            out["statement_count"] = row["statement_count"]
            out["statements"] = statements
            out["statements_url"] = statements_url(self.request, round=row["slug"])
        return shown

    def assessment(self, row: dict[str, Any]) -> dict[str, Any]:
        """``RoundAssessmentSerializer``: an issue's status as assessed at the round."""
        pk = row["id"]
        status = row["status"]
        return {
            "id": pk,
            "url": self.assessment_url(pk),
            "html_url": self.assessment_html_url(row["issue__slug"], pk=pk),
            "issue": self.issue(row, "issue__"),
            "status": status,
            "status_label": self.labels.get(status, status),
            "date": date_text(row["date"]),
            "date_precision": row["date_precision"],
            "note": self.note.text(row, "", "note"),
            "source": self.source_summary(row, "source__"),
            "fallbacks": self.note.fallbacks(row, ""),
        }

    def statements(self, round_id: int) -> list[dict[str, Any]]:
        """``RoundStatementSerializer`` of the round's newest published statements, with their issues' slugs."""
        rows = list(
            nested_rows(
                (RoundDetailRows, "statements"),
                [round_id],
                Round._meta.pk,
                lambda ids: (
                    Statement.objects.published()
                    .filter(round_id__in=ids)
                    .order_by("-date", "-id")
                    .values(*_STATEMENT_COLUMNS)[: selectors.ROUND_EMBEDDED_STATEMENTS]
                ),
            )
        )
        if not rows:
            return []
        # As compact()'s prefetch reads them: Issue's manager, order_by("title") (the English title).
        issues = by_key(
            Issue.objects.filter(statements__in=[row["id"] for row in rows])
            .order_by("title")
            .values("slug", statement_id=F("statements__id")),
            "statement_id",
            lambda issue: issue["slug"],
        )
        return [self.statement(row, issues.get(row["id"], [])) for row in rows]

    def statement(self, row: dict[str, Any], issues: list[str]) -> dict[str, Any]:
        pk = row["id"]
        named = row["speaker_id"] is not None
        return {
            "id": pk,
            "url": self.statement_url(pk),
            "html_url": self.statement_html_url(pk),
            "speaker": row["speaker__name"] if named else row["attribution"],
            "speaker_slug": row["speaker__slug"],
            "party": row["speaker__party__slug"] if named else row["attributed_party__slug"],
            "kind": row["kind"],
            "text": row["text"],
            "language": row["language"],
            "date": date_text(row["date"]),
            "tone": row["tone"],
            "issues": issues,
        }
