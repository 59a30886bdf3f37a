"""The response cache stores a page or API list only for parameters the view reads.

A tracking parameter (``?utm_source=<random>``) is read by no view: such requests are
answered in full but stored nowhere, so they cannot fill the cache. Parameters the views
read (the filter form's fields, ``page``, ``q``; the API's filters, ``page_size``,
``format``, ``ordering``) are cached as before.
"""

import secrets

import pytest
from django.core.cache import caches
from django.urls import reverse

from nafta_tracker.response_cache import CACHE_STATUS_HEADER

pytestmark = pytest.mark.django_db

STATEMENTS_PAGE = "/statements/"
STATEMENTS_API = "/api/v1/statements/"


def entries() -> int:
    return len(caches["default"]._cache)  # the tests' cache is the in-process LocMemCache


@pytest.mark.parametrize("url", [STATEMENTS_PAGE, STATEMENTS_API])
def test_fifty_random_tracking_parameters_add_at_most_one_entry(client, nafta, response_cache, url):
    client.get(url)  # the page itself, and the data version's counter
    before = entries()
    for _ in range(50):
        response = client.get(url, {"utm_source": secrets.token_hex(8)})
        assert response.status_code == 200
        assert response.headers.get(CACHE_STATUS_HEADER) is None
    assert entries() - before <= 1


def test_a_page_with_a_tracking_parameter_is_still_the_whole_page(client, nafta, response_cache):
    response = client.get(STATEMENTS_PAGE, {"utm_source": "newsletter"})
    assert response.status_code == 200
    tracked = response.content.decode()
    assert '<html lang="en">' in tracked
    assert "utm_source=newsletter" in tracked  # the language links keep the URL as it came


@pytest.mark.parametrize(
    "query",
    [
        {"page": "2"},
        {"q": "dairy"},
        {"party": "canada", "tone": "critical", "start": "2017-08-16"},
    ],
)
def test_parameters_the_statements_page_reads_are_cached(client, nafta, response_cache, query):
    url = reverse("issues:statement-list")
    assert client.get(url, query)[CACHE_STATUS_HEADER] == "miss"
    assert client.get(url, query)[CACHE_STATUS_HEADER] == "hit"


@pytest.mark.parametrize(
    "query",
    [
        {"page": "2", "page_size": "10"},
        {"format": "json"},
        {"ordering": "-date"},
        {"party": "canada", "updated_since": "2017-01-01T00:00:00Z"},
    ],
)
def test_parameters_the_api_reads_are_cached(client, nafta, response_cache, query):
    assert client.get(STATEMENTS_API, query)[CACHE_STATUS_HEADER] == "miss"
    assert client.get(STATEMENTS_API, query)[CACHE_STATUS_HEADER] == "hit"


def test_a_known_parameter_beside_an_unknown_one_is_not_stored(client, nafta, response_cache):
    query = {"page": "2", "utm_source": "newsletter"}
    assert CACHE_STATUS_HEADER not in client.get(STATEMENTS_API, query)
    assert CACHE_STATUS_HEADER not in client.get(STATEMENTS_API, query)
