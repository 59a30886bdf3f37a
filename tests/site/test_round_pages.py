"""Rounds: a list with dates and status, and a page per round saying what moved and what was said."""

import pytest
from django.urls import reverse

from issues.models import Statement
from rounds.models import Round

pytestmark = pytest.mark.django_db


def test_the_round_list_gives_number_city_dates_host_and_status(client, nafta):
    body = client.get(reverse("rounds:round-list")).content.decode()
    assert "Round 6" in body and "Montreal" in body
    assert "Jan. 23, 2018" in body and "Jan. 29, 2018" in body
    # Every round and meeting of the record is listed, formal rounds and the others alike.
    assert (
        body.count('class="round-status round-status--concluded"') == Round.objects.filter(status="concluded").count()
    )
    assert body.count('class="round-status round-status--') == Round.objects.count()
    assert "ministerial meeting" in body and "bilateral talks" in body  # each meeting says what kind it was


def test_the_montreal_round_page_shows_the_statuses_assessed_there_and_what_lighthizer_said(client, nafta):
    body = client.get(reverse("rounds:round-detail", args=["round-6-montreal"])).content.decode()
    assert "What moved at this round" in body
    assert "Chemicals annex" in body and "Near agreement" in body
    assert "first assessment" in body
    assert "Robert Lighthizer" in body
    closed = body.split('id="closed-title"', 1)[1].split("</section>", 1)[0]
    assert "Anti-corruption" in closed  # what closed here
    said = Statement.objects.published().filter(round__number=6).count()
    assert f"All {said} statements" in body  # the first ten are shown, the rest one click away
    assert 'rel="next"' in body


def test_a_round_page_shows_what_changed_after_it_before_the_next_round(client, nafta):
    body = client.get(reverse("rounds:round-detail", args=["round-7-mexico-city"])).content.decode()
    assert "After the round" in body
    # The sunset clause went from under discussion (Montreal) to far apart (March 28).
    section = body.split("After the round", 1)[1]
    assert "Sunset clause and periodic review" in section
    assert 'Under discussion</span> <span aria-hidden="true">→</span>' in section
    assert "I&#x27;m hopeful. I think we are making progress." in section


def test_an_unknown_round_is_a_friendly_404(client, nafta):
    response = client.get(reverse("rounds:round-detail", args=["round-99"]))
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
