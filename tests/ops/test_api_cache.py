"""cache_api_data: API lists served from the cache to anonymous clients, fresh after a publish,
rendered per request, and still throttled."""

import datetime

import pytest

from issues import services
from issues.models import Source
from nafta_tracker.cache import CACHE_STATUS_HEADER
from rounds.models import Official

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.ops.urls_with_cached_api")]

URL = "/api/test/statements/"
WORDS = "A deal on dispute settlement is within reach"


def texts(response) -> list[str]:
    return [row["text"] for row in response.json()["results"]]


def draft():
    return services.statement_create(
        speaker=Official.objects.get(slug="robert-lighthizer"),
        text=WORDS,
        date=datetime.date(2018, 3, 28),
        source=Source.objects.get(slug="verheul-quite-a-distance"),
    )


def test_an_anonymous_list_is_cached_and_a_publish_shows_at_once(client, nafta, response_cache):
    first, second = client.get(URL), client.get(URL)
    assert (first[CACHE_STATUS_HEADER], second[CACHE_STATUS_HEADER]) == ("miss", "hit")
    assert second.json() == first.json()

    statement = draft()
    assert WORDS not in texts(client.get(URL))
    services.publish(statement)
    assert WORDS in texts(client.get(URL))


def test_the_cached_data_is_rendered_in_whatever_format_is_asked(client, nafta, response_cache):
    client.get(URL, headers={"Accept": "application/json"})
    html = client.get(URL, headers={"Accept": "text/html"})
    assert html[CACHE_STATUS_HEADER] == "hit"
    assert html["Content-Type"].startswith("text/html")
    assert "Talks aimed at revamping" in html.content.decode()


def test_authenticated_clients_are_never_served_from_the_cache(client, nafta, response_cache, superuser):
    statement = draft()
    client.get(URL)
    client.force_login(superuser)
    response = client.get(URL)
    assert CACHE_STATUS_HEADER not in response
    assert statement.text in texts(response)  # staff see drafts here: never cached for anyone else
    client.logout()
    assert statement.text not in texts(client.get(URL))


def test_throttling_applies_to_cached_answers_too(client, nafta, response_cache):
    statuses = [client.get("/api/test/throttled-statements/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
