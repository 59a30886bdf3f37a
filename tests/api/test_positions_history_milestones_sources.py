"""Positions, status history, milestones and sources: lists, details and filters."""

import datetime

import pytest

from rounds.models import today
from tests.factories import (
    IssueFactory,
    MilestoneFactory,
    PartyFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
    StatusAssessmentFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_filter_positions_by_party_issue_round_and_kind(api):
    canada = PartyFactory()
    autos = IssueFactory()
    round_6 = RoundFactory(start_date=D(2018, 1, 23), end_date=D(2018, 1, 29))
    target = PositionFactory(party=canada, issue=autos, round=round_6, date=D(2018, 1, 29), kind="counter_proposal")
    PositionFactory(kind="demand")

    for query in (f"party={canada.slug}", f"issue={autos.slug}", f"round={round_6.slug}", "kind=counter_proposal"):
        assert ids(api.get(f"/api/v1/positions/?{query}")) == [target.pk], query
    detail = api.get(f"/api/v1/positions/{target.pk}/").json()
    assert detail["issue"]["slug"] == autos.slug
    assert detail["html_url"] == f"http://testserver/issues/{autos.slug}/#position-{target.pk}"


def test_status_history_lists_assessments_and_filters_them(api):
    autos = IssueFactory()
    far = StatusAssessmentFactory(issue=autos, status="far_apart")
    other = StatusAssessmentFactory(status="agreed")

    assert set(ids(api.get("/api/v1/status-history/"))) == {far.pk, other.pk}
    assert ids(api.get(f"/api/v1/status-history/?issue={autos.slug}")) == [far.pk]
    assert ids(api.get("/api/v1/status-history/?status=agreed")) == [other.pk]
    assert api.get(f"/api/v1/status-history/{far.pk}/").json()["status_label"] == "Far apart"


def test_milestones_say_whether_they_are_upcoming_or_past(api):
    soon = MilestoneFactory(date=today() + datetime.timedelta(days=10))
    gone = MilestoneFactory(date=D(2018, 5, 1))

    body = {m["slug"]: m for m in api.get("/api/v1/milestones/").json()["results"]}
    assert body[soon.slug]["is_upcoming"] is True and body[soon.slug]["days_left"] == 10
    assert body[gone.slug]["is_upcoming"] is False and body[gone.slug]["days_left"] < 0
    upcoming = api.get("/api/v1/milestones/?upcoming=true").json()["results"]
    past = api.get("/api/v1/milestones/?upcoming=false").json()["results"]
    assert [m["slug"] for m in upcoming] == [soon.slug]
    assert [m["slug"] for m in past] == [gone.slug]


def test_sources_list_detail_and_kind_filter(api):
    article = SourceFactory(kind="article", outlet="AFP", url="https://afp.example/x")
    release = SourceFactory(kind="press_release")
    for source in (article, release):  # a source is public once a published fact cites it
        StatementFactory(source=source)

    assert ids(api.get("/api/v1/sources/?kind=article")) == [article.pk]
    detail = api.get(f"/api/v1/sources/{article.pk}/").json()
    assert detail["link"] == "https://afp.example/x"
    assert detail["url"] == f"http://testserver/api/v1/sources/{article.pk}/"
