"""A list that cuts its page from the rows' keys first (``page_by_key``) answers exactly as if
it did not: the same rows, in the same order, on every page, for every filter and format.

Two ways (``CountedPaginator``): in one query, with the keys in a subquery (positions, always),
or with a query of their own first (statements and issues, when the request filters)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from nafta_tracker.api.viewsets import ConditionalReadOnlyViewSet
from nafta_tracker.site.api_urls import router
from rounds.models import Party
from tests.factories import IssueFactory, PositionFactory

pytestmark = pytest.mark.django_db

BY_KEY = [
    (prefix, viewset)
    for prefix, viewset, _basename in router.registry
    if issubclass(viewset, ConditionalReadOnlyViewSet) and viewset.page_by_key
]


def test_the_positions_and_the_filtered_statements_and_issues_are_paged_by_key():
    ways = {prefix: viewset.page_by_key for prefix, viewset in BY_KEY}
    assert ways["positions"] is True
    assert ways["statements"] == ways["issues"] == "when filtered"


def _pages(count: int) -> list[tuple[int, int]]:
    """Every page of a list of ``count`` rows, at most eight of them (or the anonymous client is
    throttled), cut at an odd size so that pages end between ties."""
    size = max(7, count // 8) | 1
    return [(size, page) for page in range(1, -(-count // size) + 1)]


def _filters(query: str) -> bool:
    return any(name not in {"page", "page_size", "format"} for name in QueryDict(query.lstrip("?")))


def _cuts(sent: list[dict], table: str) -> tuple[int, int]:
    """How many page queries cut by a subquery, and how many keys' queries of their own, were sent."""
    # The cut's subquery reads the rows' own keys (a filter's may read others: an issue's positions).
    subquery = sum(f'"{table}"."id" IN (SELECT U0."id"' in sql["sql"] for sql in sent)
    keys = sum(sql["sql"].startswith(f'SELECT "{table}"."id" AS "pk" FROM') for sql in sent)
    return subquery, keys


@pytest.mark.parametrize(("prefix", "viewset"), BY_KEY)
def test_every_page_is_the_page_cut_the_usual_way(api, editor_api, nafta, settings, monkeypatch, prefix, viewset):
    settings.RESPONSE_CACHE_SECONDS = 0  # or the second answer would be the first one's, stored
    # Ties on the sort's leading columns (one issue, one party, one date) and a draft among them.
    first = PositionFactory(summary="Tie one")
    PositionFactory(issue=first.issue, party=first.party, date=first.date, summary="Tie two")
    PositionFactory(issue=first.issue, party=first.party, date=first.date, state="draft", published_at=None)
    unheard = IssueFactory(slug="unheard")
    # Two issues of one title, both on Canada's list: only the id orders them.
    canada = Party.objects.get(slug="canada")
    for twin in (IssueFactory(title="Twin title"), IssueFactory(title="Twin title")):
        PositionFactory(issue=twin, party=canada)
    compared = 0
    for client in (api, editor_api):
        count = client.get(f"/api/v1/{prefix}/").json()["count"]
        queries = [f"?page_size={size}&page={page}" for size, page in _pages(count)]
        queries += ["?page=last", "?page_size=500", "?page_size=500&format=csv", "?page_size=3&format=api"]
        filtered = client.get(f"/api/v1/{prefix}/?party=canada").json()["count"]
        queries += [f"?page_size={size}&party=canada&page={page}" for size, page in _pages(filtered)]
        queries += ["?page_size=3&party=canada&format=csv", "?party=canada&format=api&page=last"]
        empty = "?q=nothing-matches-this" if prefix == "issues" else f"?issue={unheard.slug}"
        queries += [empty]  # an empty list
        for query in queries:
            url = f"/api/v1/{prefix}/{query}"
            with CaptureQueriesContext(connection) as sent:
                by_key = client.get(url)
            cut = 0 if query == empty else 1  # an empty page runs no page query
            if viewset.page_by_key is True:
                expected = (cut, 0)
            else:
                expected = (0, cut if _filters(query) else 0)
            assert _cuts(sent.captured_queries, viewset.model._meta.db_table) == expected, url
            with monkeypatch.context() as patch:
                patch.setattr(viewset, "page_by_key", False)
                reference = client.get(url)
            assert by_key.status_code == reference.status_code == 200, url
            if "format=api" in query:  # the page holds a fresh CSRF token each time: compare what it shows
                assert by_key.data == reference.data, url
            else:
                assert by_key.content == reference.content, url
            compared += 1
    assert compared > (35 if prefix == "issues" else 40)  # fewer issues than statements or positions


def test_a_filtered_statements_keys_query_joins_only_what_its_filter_needs(api, nafta, settings):
    # The rows' query joins the source and the negotiation to show them; inner joins PostgreSQL
    # cannot drop. Read from the filtered queryset, the keys' query leaves them out (planning
    # ?issue= took 5 ms instead of 2 at 100,000 statements).
    settings.RESPONSE_CACHE_SECONDS = 0
    from issues.models import Issue

    issue = Issue.objects.filter(statements__state="published").first()
    for query, needed, unneeded in (
        (f"?issue={issue.slug}", ["issues_statementissuedate"], ["issues_source", "rounds_negotiation"]),
        ("?party=canada", ["rounds_official"], ["issues_source", "rounds_negotiation", "rounds_round"]),
    ):
        with CaptureQueriesContext(connection) as sent:
            response = api.get(f"/api/v1/statements/{query}")
        assert response.status_code == 200 and response.json()["results"], query
        (keys,) = [
            sql["sql"]
            for sql in sent.captured_queries
            if sql["sql"].startswith('SELECT "issues_statement"."id" AS "pk"')
        ]
        assert all(f'JOIN "{table}"' in keys for table in needed), keys
        assert not any(f'JOIN "{table}"' in keys for table in unneeded), keys


def test_keys_are_read_from_the_rows_themselves_when_the_lean_queryset_differs(nafta):
    from issues.models import Statement
    from nafta_tracker.api.pagination import cut

    def page(keys_from):
        """The page's ids, and whether its keys' query joined the sources (the rows' join)."""
        with CaptureQueriesContext(connection) as sent:
            ids = [row["id"] for row in cut(rows, 0, 2, "keys", keys_from=keys_from)]
        (keys,) = [sql["sql"] for sql in sent.captured_queries if ' AS "pk" FROM' in sql["sql"]]
        return ids, 'JOIN "issues_source"' in keys

    published = Statement.objects.published()
    rows = published.order_by("-date", "-id").values("id", "source__title")
    newest_first = [row["id"] for row in rows[:2]]
    assert len(newest_first) == 2
    assert page(published.order_by("-date", "-id")) == (newest_first, False)  # lean
    assert page(published.order_by("date", "id")) == (newest_first, True)  # sorted otherwise
    assert page(published.order_by("-date", "-id").reverse()) == (newest_first, True)
    assert page(Statement.objects.order_by("-date", "-id")) == (newest_first, True)  # filtered otherwise


def test_a_statement_unpublished_between_a_pages_keys_and_its_rows_is_left_out(api, nafta, settings, monkeypatch):
    # A filtered page's rows are read by their keys with a query shared by every filter
    # (rows_by_keys); it keeps the visibility rule, so a withdrawal in between never shows.
    settings.RESPONSE_CACHE_SECONDS = 0
    from issues.api.views import StatementViewSet
    from issues.models import PublicationState, Statement

    read_rows = StatementViewSet.rows_by_keys
    withdrawn = []

    def withdraw_first_then_read(self, reader, keys, *, using):
        Statement.objects.filter(pk=keys[0]).update(state=PublicationState.DRAFT, published_at=None)
        withdrawn.append(keys[0])
        return read_rows(self, reader, keys, using=using)

    monkeypatch.setattr(StatementViewSet, "rows_by_keys", withdraw_first_then_read)
    body = api.get("/api/v1/statements/?party=canada&page_size=5").json()
    ids = [row["id"] for row in body["results"]]
    assert len(withdrawn) == 1
    assert withdrawn[0] not in ids
    assert len(ids) == 4  # the page one short, in the keys' order
    assert ids == sorted(ids, key=lambda pk: Statement.objects.get(pk=pk).date, reverse=True)
