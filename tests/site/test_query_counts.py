"""Every public page runs the same number of SQL queries with 2 rows or 30 of everything.

Each expected count names its queries. "freshness" is the conditional-GET check
(nafta_tracker.freshness.public_data_changed_at), run once per request before the view.
"""

import pytest
from django.db import transaction

from tests.site.conftest import build_site

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", params=[2, 30], ids=lambda size: f"{size}-rows")
def site(request, django_db_setup, django_db_blocker):
    """Built once per size for the whole module (inside a transaction rolled back at the end)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_site(request.param)
        transaction.set_rollback(True)


PAGES = {
    # freshness, negotiations (the live one leads), latest round, the signing (are the talks over?),
    # next round, next deadline, recent deadlines, parties, status counts, issues, their latest
    # positions, statements, their issues, their translations
    "home": (lambda site: "/", 14),
    # the same for one negotiation, found by its slug instead of listed
    "negotiation page": (lambda site: "/negotiations/nafta/", 14),
    # freshness, negotiations
    "negotiation list": (lambda site: "/negotiations/", 2),
    # freshness, count, rounds with statement counts, their parties at the table
    "round list": (lambda site: "/rounds/", 4),
    # the same, after the negotiation
    "negotiation round list": (lambda site: "/negotiations/review/rounds/", 5),
    # freshness, round, parties at the table, previous round, next round, assessments with previous
    # status, positions, statements during, their issues, count during, statements after, their issues,
    # assessments after; the translations of the statements during and of those after
    "round detail": (lambda site: site.rounds[0].get_absolute_url(), 15),
    # freshness, party choices, count, issues, their latest positions, status counts, parties, assessment dates
    "issue list": (lambda site: "/issues/", 8),
    "issue list filtered": (lambda site: f"/issues/?status=far_apart&party={site.parties[0].slug}&as_of=2018-04-01", 8),
    # freshness, issue (with its negotiation and what it continues), status history, rounds for the
    # chart, positions, statements, their issues, statement count, related issues, the issues that
    # continue it, deadlines; the statements' translations
    "issue detail": (lambda site: site.issues[0].get_absolute_url(), 12),
    "continuing issue detail": (lambda site: site.review_issues[0].get_absolute_url(), 12),
    # the issue list's, after the negotiation
    "negotiation issue list": (lambda site: "/negotiations/review/issues/", 9),
    # the statement list's, after the negotiation
    "negotiation statement list": (lambda site: "/negotiations/review/statements/", 10),
    # freshness, four filter choices (parties, officials, issues, rounds), count, statements, their issues,
    # their translations
    "statement list": (lambda site: "/statements/", 9),
    "statement search": (lambda site: f"/statements/?q=sunset+clause&party={site.parties[0].slug}&tone=neutral", 9),
    # freshness, statement with speaker/party/round/source, its issues, its translations
    "statement detail": (lambda site: site.statements[0].get_absolute_url(), 4),
    # freshness, source, count, statements, their issues, their translations, positions
    "source detail": (lambda site: site.statements[0].source.get_absolute_url(), 7),
    # freshness, count, officials with statement counts
    "official list": (lambda site: "/officials/", 3),
    # freshness, official, their appointments (with sources), count, statements, their issues, translations
    "official detail": (lambda site: site.officials[0].get_absolute_url(), 7),
    # freshness, count, parties, their officials
    "party list": (lambda site: "/parties/", 4),
    # freshness, party, officials with counts, latest positions, hosted rounds, statements, their issues,
    # their translations, count
    "party detail": (lambda site: site.parties[0].get_absolute_url(), 9),
    # freshness, count, milestones, their issues, next deadline, last deadline
    "deadlines": (lambda site: "/deadlines/", 6),
    # freshness, the negotiation, rounds, milestones
    "calendar": (lambda site: "/deadlines/nafta-talks.ics", 4),
    "negotiation calendar": (lambda site: "/negotiations/review/calendar.ics", 4),
    # freshness, rounds, milestones
    "calendar of all": (lambda site: "/deadlines/calendar.ics", 3),
    # freshness, the negotiation, statements, their issues
    "negotiation atom feed": (lambda site: "/negotiations/review/feed/", 4),
    # the deadlines', after the negotiation
    "negotiation deadlines": (lambda site: "/negotiations/review/deadlines/", 7),
    # freshness, statements, their issues
    "atom feed": (lambda site: "/statements/feed/", 3),
    # freshness, issue, statements, their issues
    "issue atom feed": (lambda site: site.issues[0].get_absolute_url() + "feed/", 4),
    # freshness, negotiations, their slugs for their lists, rounds, issues, officials, parties,
    # published statements
    "sitemap": (lambda site: "/sitemap.xml", 8),
}


@pytest.mark.parametrize("page", PAGES)
def test_each_page_runs_a_fixed_number_of_queries(client, site, django_assert_num_queries, page):
    url_for, expected = PAGES[page]
    url = url_for(site)
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200, url


def test_a_repeat_visit_answered_304_runs_only_the_freshness_query(client, site, django_assert_num_queries):
    url = site.issues[0].get_absolute_url()
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(1):  # freshness
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
