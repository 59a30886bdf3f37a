"""The production cache backend: Django's RedisCache, sharing one client per Redis server."""

import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory
from rest_framework.throttling import SimpleRateThrottle

from nafta_tracker.api.throttling import AnonRateThrottle

REDIS_URL = os.environ.get("NAFTA_TEST_REDIS_URL", "redis://127.0.0.1:6379/4")


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "nafta_tracker.redis_cache.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "test-shared-client",
        }
    }
    cache = caches["default"]
    cache.clear()
    yield cache
    cache.clear()


def test_values_round_trip_through_redis(redis_cache):
    redis_cache.set("greeting", {"words": "bonjour"}, 30)
    assert redis_cache.get("greeting") == {"words": "bonjour"}
    assert redis_cache.add("visits", 1) is True
    assert redis_cache.incr("visits") == 2
    assert redis_cache.get_many(["greeting", "absent"]) == {"greeting": {"words": "bonjour"}}


def test_every_cache_call_reuses_one_client_object(redis_cache):
    redis_cache.set("a", 1)
    client = redis_cache._cache.get_client(write=True)
    redis_cache.get("a")
    redis_cache.delete("a")
    assert redis_cache._cache.get_client(write=True) is client
    assert redis_cache._cache.get_client() is client  # one server: reads and writes share it


def test_count_starts_a_missing_counter_with_its_lifetime_and_adds_one(redis_cache):
    assert [redis_cache.count("hits", 30) for _ in range(3)] == [1, 2, 3]
    assert redis_cache.get("hits") == 3  # readable as any cached integer (the RateLimit headers peek at it)
    ttl = redis_cache._cache.get_client(write=True).ttl(redis_cache.make_key("hits"))
    assert 0 < ttl <= 30  # the lifetime is set when the counter is made, and not pushed back by counting


def test_count_is_exact_when_many_clients_count_at_once(redis_cache):
    with ThreadPoolExecutor(max_workers=8) as pool:
        seen = list(pool.map(lambda _: redis_cache.count("hits", 30), range(200)))
    assert sorted(seen) == list(range(1, 201))  # every client got its own number: none lost, none repeated


def test_the_api_throttle_counts_a_request_in_one_redis_round_trip(redis_cache, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "6/minute"})
    request = Request(APIRequestFactory().get("/api/v1/parties/"))
    request.user = AnonymousUser()
    throttle = AnonRateThrottle()
    redis_cache.get("warm-up")  # the connection pool exists before we watch it
    pool = redis_cache._cache._get_connection_pool(True)
    round_trips = []
    taken = pool.get_connection
    monkeypatch.setattr(pool, "get_connection", lambda *args, **kwargs: round_trips.append(1) or taken(*args, **kwargs))

    allowed = [throttle.allow_request(request, None) for _ in range(4)]

    assert allowed == [True, True, True, False]
    # Before: add, then incr's EXISTS and INCRBY, three round trips a request and throttle.
    assert len(round_trips) == 4
