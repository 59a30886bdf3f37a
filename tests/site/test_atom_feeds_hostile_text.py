"""Editors' words reach feed readers as plain text: never as markup, never mangled."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.factories import IssueFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror="alert(2)"> '
    '<a href="javascript:alert(3)">read</a> <iframe src="https://evil.example/"></iframe> '
    "Tariffs < 25% & quotas > 0 &amp; AT&T"
)


def summaries(client, url) -> list[ET.Element]:
    response = client.get(url)
    assert response.status_code == 200
    feed = ET.fromstring(response.content)  # noqa: S314 - our own feed
    return [entry.find(f"{ATOM}summary") for entry in feed.findall(f"{ATOM}entry")]


@pytest.mark.parametrize("kind", ["quote", "reported"])
def test_hostile_text_is_sent_as_plain_text_exactly_as_written(client, kind):
    issue = IssueFactory()
    StatementFactory(text=HOSTILE, kind=kind, issues=[issue], source=SourceFactory(outlet="<b>Wire</b> & Co"))
    for url in (reverse("issues:statement-feed"), reverse("issues:issue-feed", args=[issue.slug])):
        [summary] = summaries(client, url)
        assert summary.get("type") == "text", url
        assert HOSTILE in summary.text
        assert "<b>Wire</b> & Co" in summary.text
