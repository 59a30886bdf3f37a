"""A list that cuts its page from the rows' keys first (``page_by_key``) answers exactly as if
it did not: the same rows, in the same order, on every page, for every filter and format."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nafta_tracker.api.viewsets import ConditionalReadOnlyViewSet
from nafta_tracker.site.api_urls import router
from tests.factories import IssueFactory, PositionFactory

pytestmark = pytest.mark.django_db

BY_KEY = [
    (prefix, viewset)
    for prefix, viewset, _basename in router.registry
    if issubclass(viewset, ConditionalReadOnlyViewSet) and viewset.page_by_key
]


def test_the_positions_list_is_paged_by_key():
    assert "positions" in {prefix for prefix, _viewset in BY_KEY}


@pytest.mark.parametrize(("prefix", "viewset"), BY_KEY)
def test_every_page_is_the_page_cut_the_usual_way(api, editor_api, nafta, settings, monkeypatch, prefix, viewset):
    settings.RESPONSE_CACHE_SECONDS = 0  # or the second answer would be the first one's, stored
    # Ties on the sort's leading columns (one issue, one party, one date) and a draft among them.
    first = PositionFactory(summary="Tie one")
    PositionFactory(issue=first.issue, party=first.party, date=first.date, summary="Tie two")
    PositionFactory(issue=first.issue, party=first.party, date=first.date, state="draft", published_at=None)
    unheard = IssueFactory(slug="unheard")
    compared = 0
    for client in (api, editor_api):
        count = client.get(f"/api/v1/{prefix}/").json()["count"]
        queries = [f"?page_size=7&page={page}" for page in range(1, -(-count // 7) + 1)]
        queries += ["?page=last", "?page_size=500", "?page_size=3&party=canada", "?page_size=500&format=csv"]
        queries += ["?page_size=3&format=api", f"?issue={unheard.slug}"]  # the browsable API; an empty list
        for query in queries:
            url = f"/api/v1/{prefix}/{query}"
            with CaptureQueriesContext(connection) as sent:
                by_key = client.get(url)
            table = viewset.model._meta.db_table
            cut_by_key = [sql for sql in sent.captured_queries if f'"{table}"."id" IN (SELECT' in sql["sql"]]
            assert len(cut_by_key) == (0 if "issue=" in query else 1), url  # an empty page runs no page query
            with monkeypatch.context() as patch:
                patch.setattr(viewset, "page_by_key", False)
                reference = client.get(url)
            assert by_key.status_code == reference.status_code == 200, url
            if "format=api" in query:  # the page holds a fresh CSRF token each time: compare what it shows
                assert by_key.data == reference.data, url
            else:
                assert by_key.content == reference.content, url
            compared += 1
    assert compared > 40
