"""Issues: where each stands, each party's latest position, and the full history."""

import datetime

import pytest

from tests.factories import (
    IssueFactory,
    PartyFactory,
    PositionFactory,
    RoundFactory,
    StatusAssessmentFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def slugs(response):
    return [row["slug"] for row in response.json()["results"]]


def test_the_issue_list_gives_each_issue_its_current_status_and_latest_positions(api):
    issue = IssueFactory(title="Dairy")
    canada, us = PartyFactory(name="Canada"), PartyFactory(name="United States")
    StatusAssessmentFactory(issue=issue, status="far_apart", date=D(2018, 1, 29))
    StatusAssessmentFactory(issue=issue, status="progressing", date=D(2018, 3, 28))
    PositionFactory(issue=issue, party=canada, kind="demand", date=D(2017, 10, 1))
    latest = PositionFactory(issue=issue, party=canada, kind="concession", date=D(2018, 3, 1))
    PositionFactory(issue=issue, party=us, kind="opposition", date=D(2018, 2, 1))
    IssueFactory(title="Energy")  # never assessed

    body = api.get("/api/v1/issues/").json()

    assert body["count"] == 2
    dairy, energy = body["results"]
    assert dairy["status"] == "progressing"
    assert dairy["status_label"] == "Progressing"
    assert dairy["status_changed_on"] == "2018-03-28"
    assert dairy["url"] == f"http://testserver/api/v1/issues/{issue.slug}/"
    assert dairy["html_url"] == f"http://testserver/issues/{issue.slug}/"
    positions = {p["party"]["slug"]: p for p in dairy["latest_positions"]}
    assert set(positions) == {canada.slug, us.slug}
    assert positions[canada.slug]["id"] == latest.pk
    assert positions[canada.slug]["kind"] == "concession"
    assert energy["status"] is None
    assert energy["status_label"] == "Not yet assessed"
    assert energy["latest_positions"] == []


def test_the_issue_detail_has_the_published_history_oldest_first_and_every_published_position(api):
    issue = IssueFactory()
    round_6 = RoundFactory(start_date=D(2018, 1, 23), end_date=D(2018, 1, 29))
    StatusAssessmentFactory(issue=issue, status="far_apart", date=D(2018, 3, 28), note="Still far")
    StatusAssessmentFactory(issue=issue, status="under_discussion", date=D(2018, 1, 29), round=round_6)
    StatusAssessmentFactory(issue=issue, status="agreed", date=D(2018, 4, 2), state="draft", published_at=None)
    first = PositionFactory(issue=issue, date=D(2017, 10, 1))
    second = PositionFactory(issue=issue, party=first.party, date=D(2018, 1, 1))
    PositionFactory(issue=issue, state="draft", published_at=None)

    body = api.get(f"/api/v1/issues/{issue.slug}/").json()

    history = body["status_history"]
    assert [entry["status"] for entry in history] == ["under_discussion", "far_apart"]
    assert history[0]["round"]["slug"] == round_6.slug
    assert history[1]["note"] == "Still far"
    assert set(history[1]["source"]) >= {"outlet", "title", "link", "published_on"}
    assert [p["id"] for p in body["positions"]] == [first.pk, second.pk]
    assert body["status"] == "far_apart"
    assert body["statements_url"] == f"http://testserver/api/v1/statements/?issue={issue.slug}"


def test_the_issue_detail_shows_each_partys_latest_published_position_as_the_list_does(api):
    """The detail reads each party's latest from its list of every position; the list asks the
    database (``latest_per_party``). Both must pick and order the same: newest date, then the
    higher id on a tie, never a draft, parties by name."""
    issue = IssueFactory()
    zed, alpha, beta = PartyFactory(name="Zed"), PartyFactory(name="Alpha"), PartyFactory(name="Beta")
    later_by_date = PositionFactory(issue=issue, party=zed, date=D(2018, 5, 1))
    PositionFactory(issue=issue, party=zed, date=D(2018, 1, 1))  # higher id, older
    PositionFactory(issue=issue, party=alpha, date=D(2018, 2, 2))
    tie_winner = PositionFactory(issue=issue, party=alpha, date=D(2018, 2, 2))  # same day, higher id
    only_published = PositionFactory(issue=issue, party=beta, date=D(2017, 1, 1))
    PositionFactory(issue=issue, party=beta, date=D(2019, 1, 1), state="draft", published_at=None)

    detail = api.get(f"/api/v1/issues/{issue.slug}/").json()
    listed = api.get("/api/v1/issues/").json()["results"][0]

    expected = [tie_winner.pk, only_published.pk, later_by_date.pk]  # Alpha, Beta, Zed
    assert [position["id"] for position in detail["latest_positions"]] == expected
    assert detail["latest_positions"] == listed["latest_positions"]
    assert len(detail["positions"]) == 5


def test_filter_issues_by_one_or_several_statuses(api):
    far, near, agreed = IssueFactory(), IssueFactory(), IssueFactory()
    StatusAssessmentFactory(issue=far, status="far_apart")
    StatusAssessmentFactory(issue=near, status="near_agreement")
    StatusAssessmentFactory(issue=agreed, status="agreed")

    assert slugs(api.get("/api/v1/issues/?status=far_apart")) == [far.slug]
    both = api.get("/api/v1/issues/?status=far_apart&status=agreed")
    assert set(slugs(both)) == {far.slug, agreed.slug}


def test_filter_issues_by_party_with_a_published_position(api):
    mexico = PartyFactory()
    with_position, with_draft_only = IssueFactory(), IssueFactory()
    PositionFactory(issue=with_position, party=mexico)
    PositionFactory(issue=with_draft_only, party=mexico, state="draft", published_at=None)
    IssueFactory()

    assert slugs(api.get(f"/api/v1/issues/?party={mexico.slug}")) == [with_position.slug]


def test_filter_issues_discussed_at_a_round(api):
    round_6 = RoundFactory(start_date=D(2018, 1, 23), end_date=D(2018, 1, 29))
    assessed, positioned, elsewhere = IssueFactory(), IssueFactory(), IssueFactory()
    StatusAssessmentFactory(issue=assessed, round=round_6, date=D(2018, 1, 29))
    PositionFactory(issue=positioned, round=round_6, date=D(2018, 1, 25))
    StatusAssessmentFactory(issue=elsewhere)

    assert set(slugs(api.get(f"/api/v1/issues/?round={round_6.slug}"))) == {assessed.slug, positioned.slug}


def test_search_issues_by_words_in_title_or_description(api):
    dairy = IssueFactory(title="Dairy", description="Supply management of milk")
    IssueFactory(title="Autos")
    assert slugs(api.get("/api/v1/issues/?q=milk")) == [dairy.slug]
