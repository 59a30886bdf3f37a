"""Bad input is a 400 naming the parameter; unknown things are a JSON 404; never a 500."""

import pytest

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


def errors(response):
    assert response["Content-Type"].startswith("application/json")
    return {error["attr"]: error for error in response.json()["errors"]}


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/statements/?date_after=yesterday", "date_after"),
        ("/api/v1/statements/?date_before=2018-13-45", "date_before"),
        ("/api/v1/statements/?kind=rumour", "kind"),
        ("/api/v1/statements/?official=nobody", "official"),
        ("/api/v1/statements/?ordering=text", "ordering"),
        ("/api/v1/statements/?updated_since=last-week", "updated_since"),
        ("/api/v1/issues/?status=bogus", "status"),
        ("/api/v1/issues/?party=atlantis", "party"),
        ("/api/v1/positions/?round=round-99", "round"),
        ("/api/v1/milestones/?upcoming=perhaps", "upcoming"),
        ("/api/v1/issues/?page=0", "page"),
        ("/api/v1/issues/?page=-1", "page"),
        ("/api/v1/issues/?page=abc", "page"),
        ("/api/v1/issues/?page_size=0", "page_size"),
        ("/api/v1/issues/?page_size=501", "page_size"),
    ],
)
def test_a_bad_parameter_is_a_400_that_names_it(api, url, parameter):
    response = api.get(url)
    assert response.status_code == 400
    assert response.json()["type"] == "validation_error"
    assert errors(response)[parameter]["detail"]


def test_page_size_up_to_the_maximum_is_honoured(api):
    StatementFactory.create_batch(3)
    body = api.get("/api/v1/statements/?page_size=2").json()
    assert (body["count"], len(body["results"])) == (3, 2)
    assert body["next"] == "http://testserver/api/v1/statements/?page=2&page_size=2"
    assert api.get("/api/v1/statements/?page_size=500").status_code == 200


def test_a_page_past_the_end_is_a_404(api):
    assert api.get("/api/v1/statements/?page=2").status_code == 404


@pytest.mark.parametrize(
    "url", ["/api/v1/issues/nowhere/", "/api/v1/statements/999999/", "/api/v1/statements/abc/", "/api/v2/", "/api/x"]
)
def test_unknown_objects_and_paths_are_a_json_404(api, url):
    response = api.get(url)
    assert response.status_code == 404
    detail = response.json()["errors"][0]["detail"]
    # RFC 9457 problem details; type and errors as before title, status and detail were added.
    assert response.json() == {
        "type": "client_error",
        "title": "Not Found",
        "status": 404,
        "detail": detail,
        "errors": [{"code": "not_found", "detail": detail, "attr": None}],
    }


def test_an_unknown_format_is_a_406_not_a_404(api):
    response = api.get("/api/v1/statements/?format=xml")
    assert response.status_code == 406
    assert response.json()["errors"][0]["code"] == "not_acceptable"


def test_a_bad_filter_asked_as_csv_still_answers_json(api):
    response = api.get("/api/v1/statements/?format=csv&date_after=yesterday")
    assert response.status_code == 400
    assert "date_after" in errors(response)


def test_a_missing_trailing_slash_redirects_instead_of_404(api):
    response = api.get("/api/v1/issues?status=agreed")
    assert response.status_code == 308
    assert response["Location"] == "/api/v1/issues/?status=agreed"
