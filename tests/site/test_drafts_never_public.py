"""A draft statement, position or status assessment appears nowhere public."""

import datetime

import pytest
from django.urls import reverse

from issues.services import publish
from tests.factories import (
    IssueFactory,
    OfficialFactory,
    PositionFactory,
    RoundFactory,
    StatementFactory,
    StatusAssessmentFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "Zanzibar"  # a word only the drafts contain


@pytest.fixture
def drafts(db):
    issue = IssueFactory(slug="dairy")
    official = OfficialFactory(slug="speaker")
    round_ = RoundFactory(slug="round-x", start_date=datetime.date(2018, 1, 23), end_date=datetime.date(2018, 1, 29))
    unpublished = {"state": "draft", "published_at": None}
    StatementFactory(speaker=official, round=round_, issues=[issue], text=f"{SECRET} statement", **unpublished)
    PositionFactory(issue=issue, party=official.party, summary=f"{SECRET} position", **unpublished)
    StatusAssessmentFactory(issue=issue, status="agreed", note=f"{SECRET} assessment", round=round_, **unpublished)
    return issue, official, round_


def test_drafts_are_on_no_page_feed_calendar_or_sitemap(client, drafts):
    issue, official, round_ = drafts
    urls = [
        reverse("home"),
        reverse("issues:issue-list"),
        issue.get_absolute_url(),
        reverse("issues:statement-list") + "?q=statement",
        official.get_absolute_url(),
        official.party.get_absolute_url(),
        round_.get_absolute_url(),
        reverse("rounds:round-list"),
        reverse("issues:statement-feed"),
        reverse("issues:issue-feed", args=[issue.slug]),
        reverse("rounds:calendar"),
        "/sitemap.xml",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), url


def test_a_draft_assessment_does_not_count_as_the_issue_status(client, drafts):
    body = client.get(reverse("issues:issue-list"), {"status": "agreed"}).content.decode()
    assert "No issue matches these filters" in body


def test_a_source_cited_by_drafts_only_has_no_page_until_one_is_published(client):
    statement = StatementFactory(state="draft", published_at=None)
    page = statement.source.get_absolute_url()
    assert client.get(page).status_code == 404

    publish(statement)
    response = client.get(page)
    assert response.status_code == 200
    assert statement.text in response.content.decode()
