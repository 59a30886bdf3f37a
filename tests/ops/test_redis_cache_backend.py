"""The production cache backend: Django's RedisCache, sharing one client per Redis server."""

import os

import pytest
from django.core.cache import caches

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
