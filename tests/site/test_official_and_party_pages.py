"""Officials and parties: a page each, with titles, party, positions and their published statements."""

import pytest
from django.urls import reverse

from issues.models import Position, Statement
from tests.factories import OfficialFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_the_official_list_groups_officials_by_party_with_titles(client, nafta):
    body = client.get(reverse("rounds:official-list")).content.decode()
    assert "Robert Lighthizer" in body and "U.S. Trade Representative" in body
    assert "Not speaking for a government" in body and "Jerry Dias" in body


def test_the_official_page_lists_their_published_statements_with_sources(client, nafta):
    draft = Statement.objects.filter(speaker__slug="robert-lighthizer").first()
    draft.state = "draft"
    draft.save()
    response = client.get(reverse("rounds:official-detail", args=["robert-lighthizer"]))
    body = response.content.decode()
    assert "U.S. Trade Representative" in body
    assert draft.text[:40] not in body
    assert (
        response.context["page_obj"].paginator.count
        == Statement.objects.published().filter(speaker__slug="robert-lighthizer").count()
    )
    assert "Source:" in body


def test_an_official_with_many_statements_is_paginated(client):
    official = OfficialFactory()
    StatementFactory.create_batch(26, speaker=official)
    response = client.get(official.get_absolute_url())
    assert len(response.context["statements"]) == 20
    assert "Page 1 of 2" in response.content.decode()
    # Six on the last page; up to five more would have been folded into the first (orphans).
    assert len(client.get(official.get_absolute_url(), {"page": 2}).context["statements"]) == 6


def test_the_party_page_shows_its_latest_position_on_each_issue_and_its_officials(client, nafta):
    body = client.get(reverse("rounds:party-detail", args=["canada"])).content.decode()
    assert "Canada's latest position on each issue" in body
    latest = Position.objects.latest_per_party().get(issue__slug="sunset-clause", party__slug="canada")
    assert latest.summary in body.replace("&#x27;", "'")
    # An older position of Canada's on the same issue is on the issue page, not here.
    assert "Proposed regular reviews of the agreement instead of the US sunset clause" not in body
    assert "Steve Verheul" in body and "Chrystia Freeland" in body


def test_the_party_list_names_each_party_and_its_officials(client, nafta):
    body = client.get(reverse("rounds:party-list")).content.decode()
    for name in ("Canada", "Mexico", "United States", "Ildefonso Guajardo"):
        assert name in body
