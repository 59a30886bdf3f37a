"""API clients list either negotiation's issues, rounds, statements and deadlines."""

from __future__ import annotations

import pytest

from issues.models import Issue, Position, Statement, StatusAssessment
from rounds.models import Milestone, Round

pytestmark = pytest.mark.django_db

REVIEW = "usmca-review-2026"


def all_rows(client, url: str) -> list[dict]:
    rows = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        rows += body["results"]
        url = body["next"]
    return rows


def test_negotiations_are_a_resource_the_live_one_first(client, nafta):
    body = client.get("/api/v1/negotiations/").json()
    assert [row["slug"] for row in body["results"]] == [REVIEW, "nafta"]
    review = client.get(f"/api/v1/negotiations/{REVIEW}/").json()
    assert review["status"] == "ongoing" and review["record_ends_on"] == "2026-07-02"
    assert review["name_es"].startswith("Revisión conjunta")


@pytest.mark.parametrize(
    ("endpoint", "model", "path"),
    [
        ("issues", Issue, "negotiation__slug"),
        ("rounds", Round, "negotiation__slug"),
        ("milestones", Milestone, "negotiation__slug"),
        ("statements", Statement, "negotiation__slug"),
        ("positions", Position, "issue__negotiation__slug"),
        ("status-history", StatusAssessment, "issue__negotiation__slug"),
    ],
)
def test_every_list_filters_by_negotiation(client, nafta, endpoint, model, path):
    for slug in (REVIEW, "nafta"):
        rows = all_rows(client, f"/api/v1/{endpoint}/?negotiation={slug}&page_size=500")
        expected = model.objects.filter(**{path: slug})
        if hasattr(model, "state"):
            expected = expected.published()
        assert len(rows) == expected.count() > 0
        if "negotiation" in rows[0]:
            assert {row["negotiation"] for row in rows} == {slug}


def test_an_unknown_negotiation_is_a_400_naming_the_parameter(client, nafta):
    response = client.get("/api/v1/issues/?negotiation=nope")
    assert response.status_code == 400
    assert "negotiation" in response.content.decode()


def test_an_issue_says_what_it_continues_and_what_continues_it(client, nafta):
    extension = client.get("/api/v1/issues/jr-extension-decision/").json()
    assert extension["continues"]["slug"] == "sunset-clause"
    sunset = client.get("/api/v1/issues/sunset-clause/").json()
    assert [issue["slug"] for issue in sunset["continued_by"]] == ["jr-extension-decision"]
    assert sunset["negotiation"] == "nafta" and sunset["continues"] is None
