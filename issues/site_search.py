"""One search across the record: issues, statements, positions, officials, rounds and sources.

Each kind is searched on its own words (a title, weighted above a body), ranked, and
returned as a group of highlighted hits; the page shows the groups in a fixed order, issues
first, since an issue page is where a reader learns where a subject stands (a search for
"sunset" leads to the sunset-clause issue before any of the statements that mention it).
Only what the public site shows is searched: published statements and positions, public
sources. Matching is English (the record's language), whatever the interface language.

Two engines behind one function:

- PostgreSQL (production): ``SearchVector`` with weights A (title) and B (body),
  ``websearch`` queries, ``SearchRank`` and ``SearchHeadline``; statements use the
  expression of their GIN index (``statement_search_vector``). One query per kind.
- SQLite (``make run``, tests): the public rows' words are read (one query per kind) into
  an in-memory FTS5 table with the Porter stemmer, ranked by ``bm25`` (title weighted 10
  to 1) and highlighted by FTS5; one more query per kind fetches the hits. The whole
  search takes about 20 ms on the shipped record (about 300 statements; median of 9), and
  a persistent index (with triggers on six tables and their publication states) would be
  code the production database does not need. It grows with the data: not for large sets.

Highlights come back between ``HIGHLIGHT_START`` and ``HIGHLIGHT_STOP`` and are escaped
before ``<mark>`` is added (``issues.search``), so no text from the database is markup.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import connections, models
from django.db.models import Value
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from rounds.models import Official, Round, Source

from .models import Issue, Position, Statement, statement_search_vector
from .search import HIGHLIGHT_START, HIGHLIGHT_STOP, from_headline

HITS_PER_KIND = 10
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0  # bm25 column weights on SQLite (PostgreSQL: weights A and B)
_WORDS = re.compile(r"\w+", re.UNICODE)


@dataclass
class Hit:
    title: SafeString
    excerpt: SafeString
    url: str
    meta: str
    rank: float
    lang: str = "en"  # the language of the excerpt: a statement's words keep theirs


@dataclass
class HitGroup:
    kind: str
    label: str
    hits: list[Hit] = field(default_factory=list)


@dataclass(frozen=True)
class Kind:
    """How one kind of row is searched: its public rows, its title and body, as fields and as text."""

    code: str
    label: Any
    rows: Callable[[], models.QuerySet]
    title_fields: tuple[str, ...]  # database fields joined into the title (weighted A)
    body_fields: tuple[str, ...]  # and into the body (weighted B)
    title: Callable[[Any], str]  # the title shown
    body: Callable[[Any], str]
    meta: Callable[[Any], str]
    lang: Callable[[Any], str] = lambda row: "en"  # the body's language (the record is kept in English)


def _joined(*fields: str) -> models.Expression:
    parts: list[Any] = []
    for name in fields:
        if parts:
            parts.append(Value(" "))
        parts.append(Coalesce(name, Value(""), output_field=models.TextField()))
    return Concat(*parts, output_field=models.TextField()) if len(parts) > 1 else parts[0]


KINDS: tuple[Kind, ...] = (
    Kind(
        code="issues",
        label=_("Issues"),
        rows=lambda: Issue.objects.select_related("negotiation"),
        title_fields=("title",),
        body_fields=("description",),
        title=lambda issue: issue.title,
        body=lambda issue: issue.description,
        meta=lambda issue: str(issue.negotiation),
    ),
    Kind(
        code="statements",
        label=_("Statements"),
        rows=lambda: Statement.objects.published().select_related("speaker", "negotiation"),
        title_fields=(),
        body_fields=("text",),
        title=lambda statement: f"{statement.speaker_name}, {statement.display_date}",
        body=lambda statement: statement.text,
        meta=lambda statement: str(statement.negotiation),
        lang=lambda statement: statement.language,
    ),
    Kind(
        code="positions",
        label=_("Positions"),
        rows=lambda: Position.objects.published().select_related("party", "issue"),
        title_fields=("issue__title",),
        body_fields=("summary",),
        title=lambda position: f"{position.party.name}: {position.issue.title}",
        body=lambda position: position.summary,
        meta=lambda position: f"{position.get_kind_display()}, {position.display_date}",
    ),
    Kind(
        code="officials",
        label=_("Officials"),
        rows=lambda: Official.objects.select_related("party"),
        title_fields=("name",),
        body_fields=("title", "organisation"),
        title=lambda official: official.name,
        body=lambda official: ", ".join(part for part in (official.title, official.organisation) if part),
        meta=lambda official: official.party.name if official.party else "",
    ),
    Kind(
        code="rounds",
        label=_("Rounds"),
        rows=lambda: Round.objects.select_related("negotiation"),
        title_fields=("title", "city"),
        body_fields=("summary", "venue"),
        title=lambda round_: str(round_),
        body=lambda round_: round_.summary,
        meta=lambda round_: str(round_.negotiation),
    ),
    Kind(
        code="sources",
        label=_("Sources"),
        rows=lambda: Source.objects.public(),
        title_fields=("outlet", "title"),
        body_fields=("description",),
        title=lambda source: str(source),
        body=lambda source: source.description,
        meta=lambda source: source.get_kind_display(),
    ),
)


def _marked(raw: str) -> SafeString:
    """Text with highlight markers, escaped, the markers turned into ``<mark>``."""
    html = escape(raw).replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    if html.count("<mark>") != html.count("</mark>"):
        html = escape(raw.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_STOP, ""))
    return mark_safe(html)  # noqa: S308 - escaped above; only our own tags added


def _title(kind: Kind, row: Any, highlighted: str) -> SafeString:
    """The title shown, with the database's highlights when it is the searched text as stored."""
    shown = kind.title(row)
    if highlighted and highlighted.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_STOP, "") == shown:
        return _marked(highlighted)
    return mark_safe(escape(shown))  # noqa: S308 - escaped


def search_everything(query: str, *, using: str = "default") -> list[HitGroup]:
    """The groups of hits for ``query`` (kinds without a hit left out), best hits first in each.

    An empty query, or one without a word, finds nothing.
    """
    query = " ".join((query or "").split())
    if not _WORDS.search(query):
        return []
    if connections[using].vendor == "postgresql":
        groups = [_postgresql(kind, query) for kind in KINDS]
    else:
        groups = _sqlite(query)
    return [group for group in groups if group.hits]


def _postgresql(kind: Kind, query: str) -> HitGroup:
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector

    search_query = SearchQuery(query, config="english", search_type="websearch")
    if kind.code == "statements":
        vector = statement_search_vector()  # the GIN index's expression, so the index is used
    else:
        vector = SearchVector(_joined(*kind.body_fields), config="english", weight="B")
        if kind.title_fields:
            vector = SearchVector(_joined(*kind.title_fields), config="english", weight="A") + vector
    headline = {"config": "english", "start_sel": HIGHLIGHT_START, "stop_sel": HIGHLIGHT_STOP}
    rows = (
        kind.rows()
        .alias(search_document=vector)
        .filter(search_document=search_query)
        .annotate(
            search_rank=SearchRank(vector, search_query),
            search_body=SearchHeadline(
                _joined(*kind.body_fields), search_query, max_words=35, min_words=15, **headline
            ),
            search_title=SearchHeadline(_joined(*kind.title_fields), search_query, highlight_all=True, **headline)
            if kind.title_fields
            else Value(""),
        )
        .order_by("-search_rank", "-pk")[:HITS_PER_KIND]
    )
    group = HitGroup(kind=kind.code, label=str(kind.label))
    for row in rows:
        body = kind.body(row)
        group.hits.append(
            Hit(
                title=_title(kind, row, row.search_title),
                excerpt=from_headline(body, row.search_body) if body else mark_safe(""),
                url=row.get_absolute_url(),
                meta=kind.meta(row),
                rank=float(row.search_rank),
                lang=kind.lang(row),
            )
        )
    return group


def _fts5_query(query: str) -> str:
    """Every word must match (the words quoted, so none is read as FTS5 syntax)."""
    return " ".join(f'"{word}"' for word in _WORDS.findall(query))


def _sqlite(query: str) -> list[HitGroup]:
    index = sqlite3.connect(":memory:")
    try:
        index.execute(
            "CREATE VIRTUAL TABLE doc USING fts5(kind UNINDEXED, pk UNINDEXED, title, body,"
            " tokenize='porter unicode61 remove_diacritics 2')"
        )
        for kind in KINDS:
            rows = kind.rows().values_list(
                "pk",
                _joined(*kind.title_fields) if kind.title_fields else Value(""),
                _joined(*kind.body_fields),
            )
            index.executemany(
                "INSERT INTO doc (kind, pk, title, body) VALUES (?, ?, ?, ?)",
                ((kind.code, pk, title or "", body or "") for pk, title, body in rows),
            )
        matches = index.execute(
            "SELECT kind, pk, bm25(doc, 0, 0, ?, ?) AS score,"
            " highlight(doc, 2, ?, ?), snippet(doc, 3, ?, ?, '…', 30)"
            " FROM doc WHERE doc MATCH ? ORDER BY score, pk DESC",
            (
                TITLE_WEIGHT,
                BODY_WEIGHT,
                HIGHLIGHT_START,
                HIGHLIGHT_STOP,
                HIGHLIGHT_START,
                HIGHLIGHT_STOP,
                _fts5_query(query),
            ),
        ).fetchall()
    finally:
        index.close()
    best: dict[str, list[tuple[int, float, str, str]]] = {kind.code: [] for kind in KINDS}
    for code, pk, score, title, snippet in matches:
        if len(best[code]) < HITS_PER_KIND:
            best[code].append((pk, -score, title, snippet))
    groups = []
    for kind in KINDS:
        group = HitGroup(kind=kind.code, label=str(kind.label))
        if best[kind.code]:
            objects = kind.rows().in_bulk([pk for pk, *_ in best[kind.code]])
            for pk, rank, title, snippet in best[kind.code]:
                row = objects[pk]
                group.hits.append(
                    Hit(
                        title=_title(kind, row, title),
                        excerpt=_marked(snippet),
                        url=row.get_absolute_url(),
                        meta=kind.meta(row),
                        rank=rank,
                        lang=kind.lang(row),
                    )
                )
        groups.append(group)
    return groups
