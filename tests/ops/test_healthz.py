"""/healthz tells a load balancer whether this app server can reach its database and cache."""

import pytest
from django.db import OperationalError, connections

pytestmark = pytest.mark.django_db


def test_healthy_when_the_database_and_the_cache_answer(client, django_assert_num_queries):
    with django_assert_num_queries(1):  # SELECT 1
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-store" in response["Cache-Control"]


def test_503_naming_the_database_when_it_does_not_answer(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "checks": {"database": "error: OperationalError", "cache": "ok"},
    }


def test_503_naming_the_cache_when_it_does_not_answer(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "nafta_tracker.redis_cache.SharedClientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "checks": {"database": "ok", "cache": "error: ConnectionError"}}


def test_answers_a_load_balancer_probing_by_address_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", headers={"Host": "10.0.3.7:8000"})  # not in ALLOWED_HOSTS
    assert response.status_code == 200


def test_needs_no_login_and_accepts_only_reads(client):
    assert client.get("/healthz/").status_code == 200
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
