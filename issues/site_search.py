"""One search across the record: issues, statements, positions, officials, rounds and sources.

Each kind is searched on its own words (a title, weighted above a body), ranked, and
returned as a group of highlighted hits with the number of every match of that kind; the
page shows the groups in a fixed order, issues first, since an issue page is where a
reader learns where a subject stands (a search for "sunset" leads to the sunset-clause
issue before any of the statements that mention it). ``search_kind`` pages through one
kind. Only what the public site shows is searched: published statements and positions,
public sources.

What is searched is declared per kind as ``(field, weight, config)`` rows (``SEARCHED``):
weight A is the title, B the body; ``config`` is the PostgreSQL text search configuration
of the field's language (``english`` for the record). A translated column is one more
row, e.g. ``("title_fr", "A", "french")``: a query matches a row when all its words match
in one of the kind's languages. Highlights are made on the kind's first language's fields.

Two engines behind the same functions:

- PostgreSQL (production): ``SearchVector`` with weights, ``websearch`` queries,
  ``SearchRank``; statements use their stored ``search_vector`` column (GIN index,
  migration 0015). Per kind, one query ranks the matches and returns the page's keys with
  the total (a window count, free once the matches are sorted); a second makes
  ``ts_headline`` for those few rows only: a headline costs as much as parsing the text
  again, so it is never made for a row that is not shown.
- SQLite (``make run``, tests): an FTS5 table in memory (Porter stemmer, accents removed:
  "caducite" finds "caducité"), ranked by ``bm25`` (title weighted 10 to 1) and highlighted
  by FTS5. It is built once per state of the public record
  (``nafta_tracker.freshness.public_data_changed_at``) and kept for later searches; then a
  search costs that one query plus one per kind shown to fetch its hits.

Highlights come back between ``HIGHLIGHT_START`` and ``HIGHLIGHT_STOP`` and are escaped
before ``<mark>`` is added (``issues.search``), so no text from the database is markup.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db import connections, models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from nafta_tracker.freshness import public_data_changed_at
from rounds.models import Official, Round, Source

from .models import Issue, Position, Statement, StoredSearchVector
from .search import HIGHLIGHT_START, HIGHLIGHT_STOP, from_headline

HITS_PER_KIND = 10  # on the page of every kind
PAGE_SIZE = 20  # on the page of one kind (?kind=statements&page=2)
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0  # bm25 column weights on SQLite (PostgreSQL: weights A and B)
_WORDS = re.compile(r"\w+", re.UNICODE)


class Searched(NamedTuple):
    """One searched column: ``("title", "A", "english")``."""

    field: str  # a database field, or a lookup across a relation ("issue__title")
    weight: str  # "A": the title; "B": the body
    config: str  # PostgreSQL text search configuration of the column's language


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
    total: int = 0  # every match of the kind, not only the hits shown


@dataclass(frozen=True)
class Kind:
    """How one kind of row is searched: its public rows, its searched columns, and what a hit shows."""

    code: str
    label: Any
    rows: Callable[[], models.QuerySet]
    searched: tuple[Searched, ...]
    title: Callable[[Any], str]  # the title shown
    body: Callable[[Any], str]
    meta: Callable[[Any], str]
    # The fields whose vector the table stores (PostgreSQL, migration 0015's search_vector column),
    # in their declared weights and configurations: read instead of parsing them on every search.
    stored: tuple[str, ...] = ()
    lang: Callable[[Any], str] = lambda row: "en"  # the body's language (the record is kept in English)

    def __post_init__(self) -> None:
        # Declared as plain tuples, one line a column; named here.
        object.__setattr__(self, "searched", tuple(Searched(*column) for column in self.searched))

    @property
    def configs(self) -> tuple[str, ...]:
        """The kind's languages, its first (the record's) first."""
        return tuple(dict.fromkeys(column.config for column in self.searched))

    def fields(self, weight: str, config: str | None = None) -> tuple[str, ...]:
        return tuple(
            column.field
            for column in self.searched
            if column.weight == weight and (config is None or column.config == config)
        )

    def title_fields(self) -> tuple[str, ...]:
        """What a highlighted title is made from: the title columns in the first language."""
        return self.fields("A", self.configs[0])

    def body_fields(self) -> tuple[str, ...]:
        return tuple(
            column.field for column in self.searched if column.weight != "A" and column.config == self.configs[0]
        )


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
        searched=(
            ("title", "A", "english"),
            ("description", "B", "english"),
            ("title_fr", "A", "french"),
            ("description_fr", "B", "french"),
            ("title_es", "A", "spanish"),
            ("description_es", "B", "spanish"),
        ),
        title=lambda issue: issue.title,
        body=lambda issue: issue.description,
        meta=lambda issue: str(issue.negotiation),
    ),
    Kind(
        code="statements",
        label=_("Statements"),
        rows=lambda: Statement.objects.published().select_related("speaker", "negotiation"),
        searched=(("text", "B", "english"),),  # the stored column (migration 0015) holds exactly this
        title=lambda statement: f"{statement.speaker_name}, {statement.display_date}",
        body=lambda statement: statement.text,
        meta=lambda statement: str(statement.negotiation),
        stored=("text",),  # to_tsvector('english', text), without a weight: as it always ranked
        lang=lambda statement: statement.language,
    ),
    Kind(
        code="positions",
        label=_("Positions"),
        rows=lambda: Position.objects.published().select_related("party", "issue"),
        searched=(
            ("issue__title", "A", "english"),
            ("summary", "B", "english"),
            ("issue__title_fr", "A", "french"),
            ("summary_fr", "B", "french"),
            ("issue__title_es", "A", "spanish"),
            ("summary_es", "B", "spanish"),
        ),
        stored=("summary",),
        title=lambda position: f"{position.party.name}: {position.issue.title}",
        body=lambda position: position.summary,
        meta=lambda position: f"{position.get_kind_display()}, {position.display_date}",
    ),
    Kind(
        code="officials",
        label=_("Officials"),
        rows=lambda: Official.objects.select_related("party"),
        searched=(
            ("name", "A", "english"),
            ("title", "B", "english"),
            ("organisation", "B", "english"),
            ("title_fr", "B", "french"),
            ("title_es", "B", "spanish"),
        ),
        title=lambda official: official.name,
        body=lambda official: ", ".join(part for part in (official.title, official.organisation) if part),
        meta=lambda official: official.party.name if official.party else "",
    ),
    Kind(
        code="rounds",
        label=_("Rounds"),
        rows=lambda: Round.objects.select_related("negotiation"),
        searched=(
            ("title", "A", "english"),
            ("city", "A", "english"),
            ("summary", "B", "english"),
            ("venue", "B", "english"),
            ("title_fr", "A", "french"),
            ("city_fr", "A", "french"),
            ("summary_fr", "B", "french"),
            ("title_es", "A", "spanish"),
            ("city_es", "A", "spanish"),
            ("summary_es", "B", "spanish"),
        ),
        title=lambda round_: str(round_),
        body=lambda round_: round_.summary,
        meta=lambda round_: str(round_.negotiation),
    ),
    Kind(
        code="sources",
        label=_("Sources"),
        rows=lambda: Source.objects.public(),
        searched=(("outlet", "A", "english"), ("title", "A", "english"), ("description", "B", "english")),
        stored=("outlet", "title", "description"),
        title=lambda source: str(source),
        body=lambda source: source.description,
        meta=lambda source: source.get_kind_display(),
    ),
)
KINDS_BY_CODE = {kind.code: kind for kind in KINDS}


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


def _clean(query: str) -> str:
    return " ".join((query or "").split())


def search_everything(query: str, *, using: str = "default") -> list[HitGroup]:
    """The groups of hits for ``query`` (kinds without a hit left out), best hits first in each.

    Each group holds up to ``HITS_PER_KIND`` hits and the number of all its matches. An
    empty query, or one without a word, finds nothing.
    """
    query = _clean(query)
    if not _WORDS.search(query):
        return []
    engine = _engine(using)
    groups = [engine(kind, query, 0, HITS_PER_KIND) for kind in KINDS]
    return [group for group in groups if group.total]


def search_kind(query: str, code: str, *, page: int = 1, using: str = "default") -> HitGroup:
    """Page ``page`` (from 1) of the hits of one kind, ``PAGE_SIZE`` a page, with the number of all its matches.

    A page past the last comes back without hits (the total still counted): the caller
    decides what to answer. ``code`` must be one of ``KINDS_BY_CODE``.
    """
    kind = KINDS_BY_CODE[code]
    query = _clean(query)
    if not _WORDS.search(query):
        return HitGroup(kind=kind.code, label=str(kind.label))
    return _engine(using)(kind, query, (max(page, 1) - 1) * PAGE_SIZE, PAGE_SIZE)


def _engine(using: str) -> Callable[[Kind, str, int, int], HitGroup]:
    if connections[using].vendor == "postgresql":
        return _postgresql
    index = _index_for(using)  # once per search: one query tells whether the kept index still holds
    return lambda kind, query, offset, limit: _sqlite(index, kind, query, offset, limit, using=using)


# --------------------------------------------------------------------------- PostgreSQL


def _postgresql(kind: Kind, query: str, offset: int, limit: int) -> HitGroup:
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank

    search_query = None
    for config in kind.configs:  # every word must match, in one of the kind's languages
        in_language = SearchQuery(query, config=config, search_type="websearch")
        search_query = in_language if search_query is None else search_query | in_language
    vector = _postgresql_vector(kind)
    matches = kind.rows().alias(search_document=vector).filter(search_document=search_query)
    ranked = _ranked_page(
        matches.annotate(search_pk=F("pk"), search_rank=SearchRank(vector, search_query)).values(
            "search_pk", "search_rank"
        ),
        offset,
        limit,
    )
    group = HitGroup(kind=kind.code, label=str(kind.label))
    group.total = ranked[0][2] if ranked else (matches.count() if offset else 0)
    if not ranked:
        return group
    # The headlines, for the page's rows only.
    config = kind.configs[0]
    headline = {"config": config, "start_sel": HIGHLIGHT_START, "stop_sel": HIGHLIGHT_STOP}
    title_fields = kind.title_fields()
    rows = kind.rows().filter(pk__in=[pk for pk, _rank, _total in ranked])
    rows = rows.annotate(
        search_body=SearchHeadline(_joined(*kind.body_fields()), search_query, max_words=35, min_words=15, **headline),
        search_title=SearchHeadline(_joined(*title_fields), search_query, highlight_all=True, **headline)
        if title_fields
        else Value(""),
    )
    by_pk = {row.pk: row for row in rows}
    for pk, rank, _total in ranked:
        row = by_pk.get(pk)
        if row is None:  # gone between the two queries
            continue
        body = kind.body(row)
        group.hits.append(
            Hit(
                title=_title(kind, row, row.search_title),
                excerpt=from_headline(body, row.search_body) if body else mark_safe(""),
                url=row.get_absolute_url(),
                meta=kind.meta(row),
                rank=float(rank),
                lang=kind.lang(row),
            )
        )
    return group


def _ranked_page(ranks: models.QuerySet, offset: int, limit: int) -> list[tuple[int, float, int]]:
    """``(pk, rank, total)`` of the page's rows, best first: ``ranks`` selects ``search_pk`` and ``search_rank``.

    Raw SQL around the ORM's query for one reason: the total is a window count over the
    ranked matches, and written in one query PostgreSQL buffered every match's whole
    vector for the window (half the time of a common word); the fence (``OFFSET 0``) makes
    it rank first and count the small ``(pk, rank)`` rows. Only the ORM's SQL and its
    parameters go in.
    """
    sql, params = ranks.query.get_compiler(using=ranks.db).as_sql()
    with connections[ranks.db].cursor() as cursor:
        cursor.execute(
            f'SELECT "search_pk", "search_rank", COUNT(*) OVER () FROM ({sql} OFFSET 0) AS "matches"'  # noqa: S608
            ' ORDER BY "search_rank" DESC, "search_pk" DESC LIMIT %s OFFSET %s',
            (*params, limit, offset),
        )
        return cursor.fetchall()


def _postgresql_vector(kind: Kind) -> models.Expression:
    """The kind's document: a weighted vector per weight and language, title first, as the ranks expect.

    The groups of columns the table stores are read from its ``search_vector`` column,
    but only when the stored column holds exactly those groups: a column declared later
    (a translation) and not yet in the stored expression is parsed per search instead, and
    so is the whole kind if the stored column would count it twice.
    """
    from django.contrib.postgres.search import SearchVector

    groups = [
        (weight, config, kind.fields(weight, config))
        for weight in ("A", "B")
        for config in kind.configs
        if kind.fields(weight, config)
    ]
    stored = {fields for _weight, _config, fields in groups if set(fields) <= set(kind.stored)}
    use_stored = bool(kind.stored) and {field for fields in stored for field in fields} == set(kind.stored)
    parts: list[models.Expression] = []
    for weight, config, fields in groups:
        if use_stored and fields in stored:
            if not any(isinstance(part, StoredSearchVector) for part in parts):
                parts.append(StoredSearchVector(kind.rows().model))
        else:
            parts.append(SearchVector(_joined(*fields), config=config, weight=weight))
    vector = parts[0]
    for part in parts[1:]:
        vector = vector + part
    return vector


# --------------------------------------------------------------------------- SQLite


class _Index:
    """An FTS5 table of every kind's public rows, for one state of the public record."""

    def __init__(self, using: str) -> None:
        self.connection = sqlite3.connect(":memory:", check_same_thread=False)
        self.connection.execute(
            "CREATE VIRTUAL TABLE doc USING fts5(kind UNINDEXED, pk UNINDEXED, title, body,"
            " other_titles, other_bodies, tokenize='porter unicode61 remove_diacritics 2')"
        )
        # The record's language in title and body (highlighted and compared with the title
        # shown); the translations in columns of their own, searched and ranked the same way.
        for kind in KINDS:
            titles, bodies = kind.title_fields(), kind.body_fields()
            other_titles = tuple(field for field in kind.fields("A") if field not in titles)
            other_bodies = tuple(
                column.field for column in kind.searched if column.weight != "A" and column.field not in bodies
            )
            rows = (
                kind.rows()
                .using(using)
                .values_list(
                    "pk",
                    *(
                        _joined(*fields) if fields else Value("")
                        for fields in (titles, bodies, other_titles, other_bodies)
                    ),
                )
            )
            self.connection.executemany(
                "INSERT INTO doc (kind, pk, title, body, other_titles, other_bodies) VALUES (?, ?, ?, ?, ?, ?)",
                ((kind.code, pk, *(text or "" for text in texts)) for pk, *texts in rows),
            )

    def page(self, kind: Kind, match: str, offset: int, limit: int) -> tuple[list[tuple], int]:
        (total,) = self.connection.execute(
            "SELECT count(*) FROM doc WHERE doc MATCH ? AND kind = ?", (match, kind.code)
        ).fetchone()
        if not total:
            return [], 0
        rows = self.connection.execute(
            "SELECT pk, bm25(doc, 0, 0, ?, ?, ?, ?) AS score, highlight(doc, 2, ?, ?), snippet(doc, 3, ?, ?, '…', 30)"
            " FROM doc WHERE doc MATCH ? AND kind = ? ORDER BY score, pk DESC LIMIT ? OFFSET ?",
            (
                TITLE_WEIGHT,
                BODY_WEIGHT,
                TITLE_WEIGHT,
                BODY_WEIGHT,
                HIGHLIGHT_START,
                HIGHLIGHT_STOP,
                HIGHLIGHT_START,
                HIGHLIGHT_STOP,
                match,
                kind.code,
                limit,
                offset,
            ),
        ).fetchall()
        return rows, total


_index_lock = threading.Lock()
_indexes: dict[str, tuple[object, _Index]] = {}  # database alias -> (state of the record, its index)


def _index_for(using: str) -> _Index:
    """The index of the public record as it is now: the kept one, or a new one if anything public changed."""
    state = (connections[using].settings_dict["NAME"], public_data_changed_at() if using == "default" else object())
    with _index_lock:
        kept = _indexes.get(using)
        if kept is not None and kept[0] == state:
            return kept[1]
    index = _Index(using)  # built outside the lock: a slow build holds no other search up
    with _index_lock:
        _indexes[using] = (state, index)
    return index


def _fts5_query(query: str) -> str:
    """Every word must match (the words quoted, so none is read as FTS5 syntax)."""
    return " ".join(f'"{word}"' for word in _WORDS.findall(query))


def _sqlite(index: _Index, kind: Kind, query: str, offset: int, limit: int, *, using: str) -> HitGroup:
    with _index_lock:  # one sqlite3 connection, shared by the threads of the process
        matches, total = index.page(kind, _fts5_query(query), offset, limit)
    group = HitGroup(kind=kind.code, label=str(kind.label), total=total)
    if not matches:
        return group
    objects = kind.rows().using(using).in_bulk([pk for pk, *_ in matches])
    for pk, score, title, snippet in matches:
        row = objects.get(pk)
        if row is None:  # no longer public since the index was built
            continue
        group.hits.append(
            Hit(
                title=_title(kind, row, title),
                excerpt=_marked(snippet),
                url=row.get_absolute_url(),
                meta=kind.meta(row),
                rank=-score,
                lang=kind.lang(row),
            )
        )
    return group
