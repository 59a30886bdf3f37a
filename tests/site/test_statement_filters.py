"""The statement list filters by party, official, issue, round, tone, kind and dates; bad input is a 400."""

import pytest
from django.urls import reverse

from issues.models import Statement
from tests.factories import OfficialFactory, PartyFactory, StatementFactory

pytestmark = pytest.mark.django_db


def listed(client, **params):
    response = client.get(reverse("issues:statement-list"), params)
    assert response.status_code == 200, response.context["form"].errors
    return list(response.context["paginator"].object_list)


def test_filter_by_official_and_round_finds_what_lighthizer_said_at_montreal(client, nafta):
    statements = listed(client, speaker="robert-lighthizer", round="round-6-montreal")
    assert (
        len(statements)
        == Statement.objects.published().filter(speaker__slug="robert-lighthizer", round__number=6).count()
        > 1
    )
    assert all(s.speaker.slug == "robert-lighthizer" and s.round.number == 6 for s in statements)


def test_filter_by_party_includes_every_official_of_that_party(client, nafta):
    statements = listed(client, party="mexico")
    speakers = {s.speaker.slug for s in statements if s.speaker}
    assert {"ildefonso-guajardo", "kenneth-smith-ramos", "jesus-seade"} <= speakers
    assert all(s.party.slug == "mexico" for s in statements)


def test_filter_by_issue_tone_and_kind(client, nafta):
    on_sunset = listed(client, issue="sunset-clause")
    assert "steve-verheul" in {s.speaker.slug for s in on_sunset if s.speaker}
    assert all("sunset-clause" in {i.slug for i in s.issues.all()} for s in on_sunset)
    assert all(s.tone == "critical" for s in listed(client, tone="critical"))
    reported = listed(client, kind="reported")
    assert reported and all(not s.is_quote for s in reported)


def test_filter_by_date_range_is_inclusive(client, nafta):
    statements = listed(client, start="2018-01-29", end="2018-01-29")
    assert statements and all(str(s.date) == "2018-01-29" for s in statements)


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"start": "2018-05-01", "end": "2018-01-01"}, "end", "The end date is before the start date."),
        ({"start": "yesterday"}, "start", "Enter a valid date."),
        ({"speaker": "nobody"}, "speaker", "Select a valid choice."),
        ({"tone": "furious"}, "tone", "Select a valid choice."),
    ],
)
def test_bad_filters_answer_400_with_the_field_message(client, nafta, params, field, message):
    response = client.get(reverse("issues:statement-list"), params)
    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors[field])
    assert message.split(".")[0] in response.content.decode()


def test_pagination_keeps_the_filters(client):
    party = PartyFactory(slug="canada")
    StatementFactory.create_batch(26, speaker=OfficialFactory(party=party))
    StatementFactory.create_batch(3)  # another party's
    first = client.get(reverse("issues:statement-list"), {"party": "canada"})
    assert first.context["paginator"].count == 26
    assert 'href="?party=canada&amp;page=2" rel="next"' in first.content.decode()
    second = client.get(reverse("issues:statement-list"), {"party": "canada", "page": 2})
    assert len(second.context["statement_list"]) == 6
    assert 'href="?party=canada&amp;page=1" rel="prev"' in second.content.decode()
