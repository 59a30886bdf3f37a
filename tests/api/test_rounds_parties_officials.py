"""Parties, officials and rounds: the reference data every other resource points to."""

import datetime

import pytest

from tests.factories import (
    IssueFactory,
    OfficialFactory,
    PartyFactory,
    RoundFactory,
    StatementFactory,
    StatusAssessmentFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def test_parties_list_and_detail(api):
    canada = PartyFactory(name="Canada", slug="canada", iso_code="CA")
    body = api.get("/api/v1/parties/").json()
    assert [p["slug"] for p in body["results"]] == ["canada"]
    detail = api.get("/api/v1/parties/canada/").json()
    assert (detail["name"], detail["iso_code"]) == ("Canada", "CA")
    assert detail["html_url"] == f"http://testserver{canada.get_absolute_url()}"


def test_officials_filter_by_party_and_name(api):
    canada, mexico = PartyFactory(), PartyFactory()
    verheul = OfficialFactory(name="Steve Verheul", party=canada)
    OfficialFactory(name="Ildefonso Guajardo", party=mexico)
    OfficialFactory(name="Jerry Dias", party=None)

    by_party = api.get(f"/api/v1/officials/?party={canada.slug}").json()["results"]
    assert [o["slug"] for o in by_party] == [verheul.slug]
    by_name = api.get("/api/v1/officials/?q=verheul").json()["results"]
    assert [o["slug"] for o in by_name] == [verheul.slug]
    assert by_name[0]["party"]["slug"] == canada.slug
    dias = api.get("/api/v1/officials/?q=dias").json()["results"][0]
    assert dias["party"] is None


def test_rounds_are_ordered_by_number(api):
    third, first = RoundFactory(number=3, slug="round-3"), RoundFactory(number=1, slug="round-1")
    body = api.get("/api/v1/rounds/").json()
    assert [r["slug"] for r in body["results"]] == [first.slug, third.slug]


def test_a_round_says_what_moved_there_published_only(api):
    round_6 = RoundFactory(start_date=D(2018, 1, 23), end_date=D(2018, 1, 29))
    autos, dairy = IssueFactory(title="Autos"), IssueFactory(title="Dairy")
    StatusAssessmentFactory(issue=dairy, round=round_6, status="far_apart", date=D(2018, 1, 29))
    StatusAssessmentFactory(issue=autos, round=round_6, status="progressing", date=D(2018, 1, 29))
    StatusAssessmentFactory(issue=autos, round=round_6, date=D(2018, 1, 29), state="draft", published_at=None)
    said = StatementFactory(round=round_6, date=D(2018, 1, 25), issues=[autos])
    StatementFactory(round=round_6, date=D(2018, 1, 25), state="draft", published_at=None)
    StatementFactory()  # another round

    body = api.get(f"/api/v1/rounds/{round_6.slug}/").json()

    assert [(a["issue"]["slug"], a["status"]) for a in body["status_assessments"]] == [
        (autos.slug, "progressing"),
        (dairy.slug, "far_apart"),
    ]
    assert [s["id"] for s in body["statements"]] == [said.pk]
    assert body["statements"][0]["issues"] == [autos.slug]
    assert body["statement_count"] == 1
    assert body["statements_url"] == f"http://testserver/api/v1/statements/?round={round_6.slug}"
