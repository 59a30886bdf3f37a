"""Every public page answers with the NAFTA data, and never shows a draft."""

import pytest
from django.urls import reverse

from issues.models import Statement
from rounds.models import Official, Round

pytestmark = pytest.mark.django_db


def test_each_negotiations_page_shows_its_latest_round_and_its_issue_board(client, nafta):
    response = client.get(reverse("rounds:negotiation-detail", args=["nafta"]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Round 7, Mexico City" in body
    assert "Auto rules of origin" in body


@pytest.mark.parametrize(
    "name",
    [
        "rounds:round-list",
        "rounds:official-list",
        "rounds:party-list",
        "rounds:milestone-list",
        "issues:issue-list",
        "issues:statement-list",
    ],
)
def test_list_pages_answer(client, nafta, name):
    assert client.get(reverse(name)).status_code == 200


def test_every_object_has_a_public_page(client, nafta):
    objects = [*Round.objects.all(), *Official.objects.all(), *Statement.objects.published()]
    for obj in objects:
        assert client.get(obj.get_absolute_url()).status_code == 200, obj


def test_a_draft_statement_has_no_public_page_and_is_not_listed(client, nafta):
    draft = Statement.objects.first()
    draft.state = "draft"
    draft.save()
    assert client.get(draft.get_absolute_url()).status_code == 404
    listing = client.get(reverse("issues:statement-list"), {"q": draft.text[:40]})
    assert draft not in listing.context["statement_list"]
