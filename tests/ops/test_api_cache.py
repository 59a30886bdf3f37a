"""API reads served from the shared response cache to anonymous clients: fresh after a
publish, rendered per request in the format asked for, still conditional and throttled."""

import datetime

import pytest
from django.core.cache import caches
from rest_framework.throttling import SimpleRateThrottle

from issues import services
from issues.models import Source, Statement
from nafta_tracker.api.json import FastJSONRenderer
from nafta_tracker.response_cache import CACHE_STATUS_HEADER
from rounds.models import Official

pytestmark = pytest.mark.django_db

URL = "/api/v1/statements/"
WORDS = "A deal on dispute settlement is within reach"


def texts(response) -> list[str]:
    return [row["text"] for row in response.json()["results"]]


def draft():
    return services.statement_create(
        speaker=Official.objects.get(slug="robert-lighthizer"),
        text=WORDS,
        # After the record's newest statement, so that it is listed first.
        date=Statement.objects.order_by("-date").values_list("date", flat=True).first() + datetime.timedelta(days=1),
        source=Source.objects.get(slug="verheul-quite-a-distance"),
    )


def test_an_anonymous_list_is_cached_and_a_publish_shows_at_once(client, nafta, response_cache):
    first, second = client.get(URL), client.get(URL)
    assert (first[CACHE_STATUS_HEADER], second[CACHE_STATUS_HEADER]) == ("miss", "hit")
    assert second.json() == first.json()

    statement = draft()
    assert WORDS not in texts(client.get(URL))
    services.publish(statement)
    fresh = client.get(URL)
    assert fresh[CACHE_STATUS_HEADER] == "miss"
    assert WORDS in texts(fresh)


def test_an_object_is_cached_and_an_edit_shows_at_once(client, nafta, response_cache):
    statement = draft()
    services.publish(statement)
    url = f"{URL}{statement.pk}/"
    assert (client.get(url)[CACHE_STATUS_HEADER], client.get(url)[CACHE_STATUS_HEADER]) == ("miss", "hit")
    services.statement_update(statement=statement, tone="critical")
    assert client.get(url).json()["tone"] == "critical"


def test_each_format_is_cached_apart_and_a_hit_is_what_a_miss_would_be(client, nafta, response_cache, settings):
    """JSON and CSV rows come from different serializers: a client must never get the other's
    rows because another client asked for the same URL first (JSON rows as a CSV header, or
    flat CSV rows as a JSON client's statements)."""
    settings.RESPONSE_CACHE_SECONDS = 0
    uncached = {
        accept: client.get(URL, headers={"Accept": accept}).content for accept in ("application/json", "text/csv")
    }
    settings.RESPONSE_CACHE_SECONDS = 300
    for first, then in (("application/json", "text/csv"), ("text/csv", "application/json")):
        caches["default"].clear()
        client.get(URL, headers={"Accept": first})
        for status in ("miss", "hit"):
            answer = client.get(URL, headers={"Accept": then})
            assert answer[CACHE_STATUS_HEADER] == status
            assert answer["Content-Type"].startswith(then)
            assert answer.content == uncached[then]


def test_a_json_hit_sends_the_bytes_and_headers_of_the_first_answer_without_rendering_again(
    client, nafta, response_cache, monkeypatch
):
    first = client.get(URL)
    second = client.get(URL)  # from the payload; keeps its rendering
    # From here the JSON renderer must not run: the stored bytes are sent.
    monkeypatch.setattr(FastJSONRenderer, "render", lambda *args, **kwargs: pytest.fail("rendered again"))
    third = client.get(URL)
    assert (first[CACHE_STATUS_HEADER], second[CACHE_STATUS_HEADER], third[CACHE_STATUS_HEADER]) == (
        "miss",
        "hit",
        "hit",
    )
    assert third.content == second.content == first.content
    assert third.status_code == 200
    kept = ("Content-Type", "ETag", "Last-Modified", "Vary", "Cache-Control", "Content-Language", "Allow")
    assert {name: third.get(name) for name in kept} == {name: first.get(name) for name in kept}
    monkeypatch.undo()
    assert client.get(URL, headers={"If-None-Match": third["ETag"]}).status_code == 304
    # Indented JSON depends on more than the payload: rendered per request, from the payload.
    indented = client.get(URL, headers={"Accept": "application/json; indent=2"})
    assert indented[CACHE_STATUS_HEADER] == "hit"
    assert indented.content.startswith(b"{\n  ")


def test_a_cache_hit_still_answers_304_to_a_client_that_has_it(client, nafta, response_cache):
    etag = client.get(URL)["ETag"]
    response = client.get(URL, headers={"If-None-Match": etag})
    assert (response.status_code, response[CACHE_STATUS_HEADER]) == (304, "hit")
    assert response.content == b""


def test_clients_that_may_see_drafts_are_never_served_from_the_cache(client, nafta, response_cache, superuser):
    statement = draft()
    client.get(URL)
    client.force_login(superuser)
    response = client.get(URL, {"state": "draft"})
    assert CACHE_STATUS_HEADER not in response
    assert statement.text in texts(response)
    client.logout()
    assert statement.text not in texts(client.get(URL))
    assert statement.text not in texts(client.get(URL, {"state": "draft"}))  # the public never sees drafts


def test_throttling_applies_to_cached_answers_too(client, nafta, response_cache, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "6/minute"})
    statuses = [client.get(URL).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
