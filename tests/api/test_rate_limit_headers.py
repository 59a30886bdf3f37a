"""Every API response tells the client its budget (RateLimit-Limit, -Remaining, -Reset), as the throttle counts it."""

import pytest
from rest_framework.throttling import SimpleRateThrottle

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rates(monkeypatch):
    # DRF reads the rates once at import; patch them where the throttles look.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "6/minute"})


def budget(response) -> tuple[int, int, int]:
    return tuple(int(response[name]) for name in ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"))


def test_an_anonymous_client_sees_its_budget_go_down_to_the_429(api, low_rates):
    responses = [api.get("/api/v1/parties/") for _ in range(4)]

    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert [budget(r)[:2] for r in responses] == [(3, 2), (3, 1), (3, 0), (3, 0)]
    assert all(0 < budget(r)[2] <= 60 for r in responses)
    assert budget(responses[-1])[2] == int(responses[-1]["Retry-After"])


def test_an_authenticated_client_sees_the_user_rate(reader_api, low_rates):
    response = reader_api.get("/api/v1/issues/")
    assert budget(response)[:2] == (6, 5)


def test_the_default_rates_are_the_ones_reported(api, reader_api):
    assert budget(api.get("/api/v1/parties/"))[:2] == (120, 119)
    assert budget(reader_api.get("/api/v1/parties/"))[:2] == (1200, 1199)


def test_304s_errors_and_the_schema_carry_the_headers_too(api, low_rates):
    etag = api.get("/api/v1/parties/")["ETag"]
    not_modified = api.get("/api/v1/parties/", HTTP_IF_NONE_MATCH=etag)
    bad_request = api.get("/api/v1/statements/", {"date_after": "yesterday"})

    assert not_modified.status_code == 304 and budget(not_modified)[:2] == (3, 1)
    assert bad_request.status_code == 400 and budget(bad_request)[:2] == (3, 0)


def test_a_response_no_throttle_counted_reports_the_budget_without_spending_it(api, low_rates):
    api.get("/api/v1/parties/")
    refused = api.get("/api/v1/parties/", HTTP_AUTHORIZATION="Basic Zm9vOmJhcg==")  # 401 before throttling
    unknown = api.get("/api/nowhere/")  # not an endpoint: not throttled

    assert refused.status_code == 401 and budget(refused)[:2] == (3, 2)
    assert unknown.status_code == 404 and budget(unknown)[:2] == (3, 2)
    assert budget(api.get("/api/v1/parties/"))[:2] == (3, 1)


def test_pages_of_the_site_carry_no_rate_limit_headers(client):
    assert "RateLimit-Limit" not in client.get("/")


def test_the_schema_documents_the_headers_on_every_response(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for code, response in operation["responses"].items():
                assert {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"} <= set(
                    response.get("headers", {})
                ), (path, method, code)
            if "429" in operation["responses"]:
                assert "Retry-After" in operation["responses"]["429"]["headers"]
