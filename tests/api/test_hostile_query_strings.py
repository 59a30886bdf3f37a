"""Whatever a client puts in the URL, the answer is a JSON 400 or 404 naming the problem, never a 500.

These strings reached the database and failed there on PostgreSQL (a NUL character, a
time-zone offset PostgreSQL does not know) or in Python (a moment with no UTC
equivalent); found by `make fuzz`.
"""

import datetime

import pytest
from django.utils import timezone

from issues.api.filters import SEARCH_MAX_LENGTH
from tests.factories import IssueFactory, StatementFactory

pytestmark = pytest.mark.django_db


def attrs(response):
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    return {error["attr"] for error in response.json()["errors"]}


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/issues/auto%00rules/",
        "/api/v1/parties/can%C3%A0da/",
        "/api/v1/officials/%F0%9F%98%80/",
        "/api/v1/rounds/round 6/",
        "/api/v1/milestones/" + "x" * 3000 + "/",
        "/api/v1/parties/can%0Aada/",
        "/api/v1/nowhere%0A/",
    ],
)
def test_a_path_that_cannot_hold_a_slug_is_a_json_404(api, path):
    response = api.get(path)
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "not_found"


@pytest.mark.parametrize(
    "query",
    ["party=can%00ada", "issue=%00", "official=" + "x" * 3000, "round=round%206", "issue=%C3%A9"],
)
def test_a_filter_value_that_cannot_be_a_slug_is_a_400_naming_it(api, query):
    assert attrs(api.get(f"/api/v1/statements/?{query}")) == {query.split("=")[0]}


@pytest.mark.parametrize("path", ["/api/v1/statements/", "/api/v1/issues/", "/api/v1/officials/"])
def test_a_search_longer_than_a_sentence_is_a_400(api, path):
    assert api.get(f"{path}?q={'tariff ' * 20}").status_code == 200
    assert attrs(api.get(f"{path}?q={'x' * (SEARCH_MAX_LENGTH + 1)}")) == {"q"}


def test_a_nul_character_in_a_search_is_a_400(api):
    assert attrs(api.get("/api/v1/statements/?q=dairy%00")) == {"q"}


def test_any_utc_offset_python_reads_is_accepted_in_updated_since(api):
    """PostgreSQL knows offsets up to ±15:59; the filter converts to UTC first."""
    StatementFactory()
    now = timezone.now()
    later = (now + datetime.timedelta(hours=2)).astimezone(datetime.timezone(datetime.timedelta(hours=-23, minutes=18)))
    earlier = (now - datetime.timedelta(hours=2)).astimezone(datetime.timezone(datetime.timedelta(hours=20)))
    assert api.get("/api/v1/statements/", {"updated_since": later.isoformat()}).json()["count"] == 0
    assert api.get("/api/v1/statements/", {"updated_since": earlier.isoformat()}).json()["count"] == 1
    assert api.get("/api/v1/issues/", {"updated_since": earlier.isoformat()}).status_code == 200


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_a_moment_with_no_utc_equivalent_is_a_400(api, moment):
    IssueFactory()
    assert attrs(api.get("/api/v1/issues/", {"updated_since": moment})) == {"updated_since"}


@pytest.mark.parametrize("parameter", ["page", "page_size"])
@pytest.mark.parametrize("value", ["%C2%B2", "%D9%A3", "9" * 40, "1.0", "-1"])
def test_a_page_number_or_size_that_is_not_plain_ascii_digits_is_a_400(api, parameter, value):
    # "²" and "٣" pass str.isdigit() but not int(): they used to be a 500.
    IssueFactory()
    assert attrs(api.get(f"/api/v1/issues/?{parameter}={value}")) == {parameter}


def test_an_ordinary_page_number_still_pages(api):
    IssueFactory.create_batch(3)
    response = api.get("/api/v1/issues/?page=2&page_size=2")
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1
