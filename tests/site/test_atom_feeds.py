"""Atom feeds of the latest published statements, overall and per issue."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.factories import IssueFactory, StatementFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url) -> list[ET.Element]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")  # noqa: S314 - our own feed


def test_the_feed_lists_published_statements_newest_first_with_speaker_and_source(client):
    older = StatementFactory(text="Older words", date="2018-01-29")
    newer = StatementFactory(text="Newer words", date="2018-03-28", kind="reported")
    StatementFactory(text="Draft words", state="draft", published_at=None)
    found = entries(client, reverse("issues:statement-feed"))
    links = [entry.find(f"{ATOM}link").get("href") for entry in found]
    assert links == [f"http://testserver{newer.get_absolute_url()}", f"http://testserver{older.get_absolute_url()}"]
    summaries = [e.find(f"{ATOM}summary").text for e in found]
    assert len(found) == 2
    assert summaries[0].startswith("Reported speech: Newer words")
    assert summaries[1].startswith("“Older words”")
    assert "Source: Test Wire" in summaries[1]
    assert found[1].find(f"{ATOM}author/{ATOM}name").text == older.speaker.name


def test_the_issue_feed_only_has_statements_about_that_issue(client):
    issue = IssueFactory()
    about = StatementFactory(issues=[issue])
    StatementFactory()
    found = entries(client, reverse("issues:issue-feed", args=[issue.slug]))
    assert len(found) == 1
    assert found[0].find(f"{ATOM}link").get("href").endswith(about.get_absolute_url())


def test_the_feed_of_an_unknown_issue_is_404(client, db):
    assert client.get(reverse("issues:issue-feed", args=["nope"])).status_code == 404
