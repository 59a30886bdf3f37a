"""Anonymous clients are throttled at a lower rate than authenticated ones; rates come from the environment."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from rest_framework.throttling import SimpleRateThrottle

from nafta_tracker.env import env_rate
from tests.conftest import THROTTLE_NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rates(monkeypatch):
    # DRF reads the rates once at import; patch them where the throttles look.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "6/minute"})


def test_anonymous_clients_get_429_past_their_rate(api, low_rates):
    statuses = [api.get("/api/v1/parties/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api.get("/api/v1/parties/")
    assert response.json()["errors"][0]["code"] == "throttled"
    assert int(response["Retry-After"]) > 0


def test_authenticated_clients_get_more(reader_api, low_rates):
    statuses = [reader_api.get("/api/v1/parties/").status_code for _ in range(7)]
    assert statuses == [200] * 6 + [429]


def test_the_default_rates_are_lower_for_anonymous_clients():
    from django.conf import settings

    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    anon, user = (SimpleRateThrottle.parse_rate(None, rates[key]) for key in ("anon", "user"))
    assert anon[0] / anon[1] < user[0] / user[1]


def test_rates_are_read_from_the_environment_and_checked(monkeypatch):
    monkeypatch.setenv("DJANGO_API_ANON_RATE", "30/minute")
    assert env_rate("DJANGO_API_ANON_RATE", "120/minute") == "30/minute"
    monkeypatch.setenv("DJANGO_API_ANON_RATE", "lots")
    with pytest.raises(ImproperlyConfigured, match="DJANGO_API_ANON_RATE"):
        env_rate("DJANGO_API_ANON_RATE", "120/minute")


def test_a_throttle_cache_that_is_down_lets_reads_through_uncounted(api, low_rates, monkeypatch):
    from unittest import mock

    redis_is_down = ConnectionError("Redis is down")
    down = mock.Mock(**{f"{name}.side_effect": redis_is_down for name in ("get", "add", "incr", "count")})
    monkeypatch.setattr(SimpleRateThrottle, "cache", down)
    responses = [api.get("/api/v1/parties/") for _ in range(4)]
    assert [response.status_code for response in responses] == [200] * 4  # not 500, and not limited
    assert "RateLimit-Remaining" not in responses[-1]


def test_a_client_has_its_whole_budget_again_when_the_window_ends(api, low_rates, monkeypatch):
    statuses = [api.get("/api/v1/parties/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = api.get("/api/v1/parties/")
    # THROTTLE_NOW is 30 s into a minute: the window ends 30 s later, and the client is told so.
    assert (refused["Retry-After"], refused["RateLimit-Reset"]) == ("30", "30")
    monkeypatch.setattr(SimpleRateThrottle, "timer", staticmethod(lambda: THROTTLE_NOW + 30))
    again = api.get("/api/v1/parties/")
    assert again.status_code == 200
    assert (again["RateLimit-Remaining"], again["RateLimit-Reset"]) == ("2", "60")


def test_each_client_costs_one_counter_whatever_its_limit(api, monkeypatch):
    # DRF's own throttle stored every request time of the last period (1,200 for a
    # client at the user rate), read and written back whole on each request.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "100000/minute", "user": "100000/minute"})
    for _ in range(5):
        api.get("/api/v1/parties/")
    window = THROTTLE_NOW // 60
    # The client's address, at the anonymous rate: one integer. Not at the user rate too, which
    # allows no fewer requests over the same minute and so could never refuse one first.
    counters = [cache.get(f"throttle_{scope}_127.0.0.1:{window}") for scope in ("anon", "user")]
    assert counters == [5, None]


def test_an_anonymous_client_is_held_to_the_user_rate_where_that_is_lower(api, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "6/minute", "user": "3/minute"})
    responses = [api.get("/api/v1/parties/") for _ in range(4)]
    assert [response.status_code for response in responses] == [200, 200, 200, 429]
    assert responses[0]["RateLimit-Limit"] == "3"


def test_an_anonymous_client_is_counted_at_both_rates_when_their_periods_differ(api, monkeypatch):
    # Over different periods neither budget always runs out first (2 an hour, 3 a minute): both count.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/hour", "user": "3/minute"})
    window = THROTTLE_NOW // 60
    api.get("/api/v1/parties/")
    assert cache.get(f"throttle_user_127.0.0.1:{window}") == 1
