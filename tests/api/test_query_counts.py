"""Every list and detail runs the same number of queries for 5 rows as for 200."""

import datetime

import pytest
from django.db import transaction

from tests.factories import (
    IssueFactory,
    MilestoneFactory,
    OfficialFactory,
    PartyFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
    StatusAssessmentFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture(scope="module", params=[5, 200], ids=["5-rows", "200-rows"])
def world(request, django_db_setup, django_db_blocker):
    """Built once per size for the whole module (inside a transaction rolled back at the end):
    the tests only read it, and the 200-row world takes over a second to build."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_world(request.param)
        transaction.set_rollback(True)


def _build_world(n: int) -> dict:
    """``n`` statements, positions and assessments over a few parties, speakers, rounds, issues and sources."""
    parties = [PartyFactory() for _ in range(3)]
    speakers = [OfficialFactory(party=parties[i % 3]) for i in range(4)]
    sources = [SourceFactory() for _ in range(3)]
    round_ = RoundFactory(start_date=D(2018, 1, 23), end_date=D(2018, 1, 29))
    issues = [IssueFactory() for _ in range(min(n, 50))]
    for i in range(n):
        issue = issues[i % len(issues)]
        StatementFactory(
            speaker=speakers[i % 4], source=sources[i % 3], round=round_, date=D(2018, 1, 25), issues=[issue]
        )
        PositionFactory(issue=issue, party=parties[i % 3], source=sources[i % 3], round=round_, date=D(2018, 1, 25))
        StatusAssessmentFactory(issue=issue, source=sources[i % 3], round=round_, date=D(2018, 1, 29))
    for i in range(min(n, 20)):
        m = MilestoneFactory(source=sources[0], party=parties[i % 3])
        m.issues.set(issues[:2])
        m.officials.set(speakers[:2])
    return {"round": round_, "issue": issues[0], "statement": round_.statements.first(), "n": n}


# Lists: (1) ETag query: the newest change of each table shown (index lookups, no scan of the rows);
# (2) COUNT(*) of the filtered rows, the first time this version of the data is listed;
# (3) the page, joined to what it shows; then one query per prefetched many-valued relation.
LISTS = [
    ("/api/v1/parties/", 3),  # ETag, count, page
    ("/api/v1/officials/", 3),  # ETag, count, page + party + source
    ("/api/v1/rounds/", 4),  # ETag, count, page + host party + source, parties at the table
    ("/api/v1/issues/", 4),  # ETag, count, page + current status subqueries, latest positions (+ party, round, source)
    ("/api/v1/statements/", 5),  # ETag, count, page + speaker + party + round + source, issues, translations
    ("/api/v1/statements/?format=csv&page_size=500", 3),  # counted already; page, issues (CSV has no translations)
    ("/api/v1/positions/", 3),  # ETag, count, page + issue + party + round + source
    ("/api/v1/status-history/", 3),  # ETag, count, page + issue + round + source
    ("/api/v1/milestones/", 5),  # ETag, count, page + party + round + source, issues, officials
    ("/api/v1/sources/", 3),  # ETag, count, page
    # A filtered statements list reads its page's keys first (page_by_key), then its rows by key:
    # ETag, count, keys, page, issues, translations.
    ("/api/v1/statements/?q=progress&date_after=2018-01-01&kind=quote", 6),
]


def test_list_queries_do_not_grow_with_rows(api, world, django_assert_num_queries):
    # One test for every list, so the 200-row world is built once.
    for url, queries in LISTS:
        with django_assert_num_queries(queries):
            response = api.get(url)
        assert response.status_code == 200, url


def test_slug_filters_cost_one_lookup_each(api, world, django_assert_num_queries):
    round_ = world["round"]
    # ETag, round lookup (validates the slug), issue lookup, count, the page's keys, page, issues, translations
    with django_assert_num_queries(8):
        response = api.get(f"/api/v1/statements/?round={round_.slug}&issue={world['issue'].slug}&page_size=500")
    assert response.json()["count"] >= 1


def test_detail_queries_do_not_grow_with_rows(api, world, django_assert_num_queries):
    issue, round_, statement = world["issue"], world["round"], world["statement"]
    cases = [
        # ETag of the object and what it shows; the object + current status; status history;
        # every position (each party's latest is read from them); related issues; the issues of
        # later negotiations that continue it
        (f"/api/v1/issues/{issue.slug}/", 6),
        # ETag; the round + host party + source + statement count; parties at the table;
        # its assessments + issue + source; its newest statements + speaker; their issues
        (f"/api/v1/rounds/{round_.slug}/", 6),
        # ETag; the statement with speaker, party, round, source; its issues; its translations
        (f"/api/v1/statements/{statement.pk}/", 4),
    ]
    for url, queries in cases:
        with django_assert_num_queries(queries):
            response = api.get(url)
        assert response.status_code == 200, url
    body = api.get(f"/api/v1/rounds/{round_.slug}/").json()
    assert body["statement_count"] == world["n"]
    assert len(body["statements"]) == min(world["n"], 50)  # the newest 50; statements_url pages through all


def test_a_304_costs_one_query(api, world, django_assert_num_queries):
    etag = api.get("/api/v1/statements/")["ETag"]
    with django_assert_num_queries(1):  # the ETag query, nothing else
        assert api.get("/api/v1/statements/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_the_count_is_taken_once_per_version_of_the_data(api, world, django_assert_num_queries):
    api.get("/api/v1/statements/?page_size=2")
    # ETag, page, issues, translations: the count of the first page holds for the second
    with django_assert_num_queries(4):
        second = api.get("/api/v1/statements/?page_size=2&page=2")
    assert second.json()["count"] == world["n"]
    StatementFactory(date=D(2018, 1, 26))  # a change: counted again, and right
    with django_assert_num_queries(5):  # and the count
        assert api.get("/api/v1/statements/?page_size=2&page=2").json()["count"] == world["n"] + 1


def test_a_cache_that_is_down_costs_a_count_not_an_error(api, world):
    from unittest import mock

    down = mock.Mock(**{"get.side_effect": ConnectionError("Redis is down")})
    with mock.patch("nafta_tracker.api.viewsets.cache", down):
        response = api.get("/api/v1/statements/?page_size=2")
    assert response.status_code == 200
    assert response.json()["count"] == world["n"]
