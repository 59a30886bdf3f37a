"""A dashboard on another origin reads the API from the browser; it cannot write through CORS."""

import pytest

from tests.factories import SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://dashboard.newsroom.example"


def test_a_read_from_any_origin_is_allowed_with_the_polling_headers_exposed(api):
    StatementFactory()

    response = api.get("/api/v1/statements/", HTTP_ORIGIN=ORIGIN)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    exposed = {name.strip().lower() for name in response["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "last-modified", "link", "x-total-count", "ratelimit-remaining", "retry-after"} <= exposed


def test_a_conditional_repeat_from_another_origin_gets_a_readable_304(api):
    StatementFactory()
    etag = api.get("/api/v1/statements/")["ETag"]
    response = api.get("/api/v1/statements/", HTTP_ORIGIN=ORIGIN, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_preflight_of_a_read_with_a_token_and_validators_is_allowed(api):
    response = api.options(
        "/api/v1/statements/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, if-none-match",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    allowed = {name.strip().lower() for name in response["Access-Control-Allow-Headers"].split(",")}
    assert {"authorization", "if-none-match"} <= allowed
    assert set(response["Access-Control-Allow-Methods"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("method", ["POST", "PATCH", "PUT", "DELETE"])
def test_the_preflight_of_a_write_is_not_allowed(api, method):
    response = api.options(
        "/api/v1/statements/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )
    assert "Access-Control-Allow-Origin" not in response
    assert method not in response.get("Access-Control-Allow-Methods", "")


def test_a_cross_origin_write_gets_no_cors_headers(editor_api):
    body = {"attribution": "a US official", "text": "Words", "date": "2018-03-28", "source": SourceFactory().pk}
    response = editor_api.post("/api/v1/statements/", body, format="json", HTTP_ORIGIN=ORIGIN)
    assert "Access-Control-Allow-Origin" not in response


def test_the_public_site_and_the_admin_send_no_cors_headers(client):
    assert "Access-Control-Allow-Origin" not in client.get("/", HTTP_ORIGIN=ORIGIN)
    assert "Access-Control-Allow-Origin" not in client.get("/admin/login/", HTTP_ORIGIN=ORIGIN)
