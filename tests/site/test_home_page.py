"""Where the talks stand: rounds, the next deadline, the issue board, the latest words.

The home page shows this for the live negotiation (tests/site/test_negotiations.py); each
negotiation's page shows it for its own talks. NAFTA's page is tested here, with the
days of the renegotiation."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape

from issues.models import Issue, Position, Statement
from rounds.models import Milestone, Round

pytestmark = pytest.mark.django_db


def nafta_page(client) -> str:
    return client.get(reverse("rounds:negotiation-detail", args=["nafta"])).content.decode()


def test_home_shows_the_latest_and_next_round_and_the_days_left_to_the_next_deadline(client, nafta, on_day):
    day = datetime.date(2018, 4, 1)
    on_day(day)
    body = nafta_page(client)
    assert "Round 7, Mexico City" in body
    assert "None scheduled" in body
    upcoming = Milestone.objects.filter(date__gte=day).order_by("date").first()
    assert escape(upcoming.title) in body
    assert f"{(upcoming.date - day).days} days left" in body


def test_after_the_last_deadline_home_names_the_latest_events_instead(client, nafta, on_day):
    on_day(datetime.date(2026, 11, 22))
    body = nafta_page(client)
    assert "No upcoming deadline" in body
    assert "The latest events:" in body
    latest = Milestone.objects.filter(negotiation__slug="nafta").order_by("-date").first()
    assert escape(latest.title) in body


def test_once_the_agreement_is_signed_home_says_how_the_talks_ended(client, nafta, on_day):
    on_day(datetime.date(2026, 11, 27))
    body = nafta_page(client)
    assert "None scheduled" not in body  # no empty "next round" card for talks that are over
    assert "How the talks ended" in body and "How it ended" in body
    signing = Round.objects.get(kind="signing", start_date=datetime.date(2018, 11, 30))
    assert signing.get_absolute_url() in body
    # Each contested issue's first demand beside its outcome: the sunset clause's Article 34.7.
    sunset = Issue.objects.get(slug="sunset-clause")
    assert escape(sunset.outcome_reference) in body
    assert "The record runs to" in body


def test_before_the_signing_there_is_no_ending_to_tell(client, nafta, on_day):
    on_day(datetime.date(2018, 4, 1))
    body = nafta_page(client)
    assert "How it ended" not in body


def test_the_issue_board_shows_each_issue_status_in_words_and_each_party_latest_position(client, nafta):
    body = nafta_page(client)
    assert 'class="status status--agreed">Agreed</span>' in body
    # Each party's latest position on the sunset clause is on the board (its first words).
    for position in Position.objects.latest_per_party().filter(issue__slug="sunset-clause"):
        assert escape(" ".join(position.summary.split()[:5])) in body
        # Its cell names its kind and links to it on the issue's page.
        cell = f'<a class="position" href="{position.get_absolute_url()}"><span class="position__kind">'
        assert f"{cell}{position.get_kind_display()}</span>" in body


def test_status_counts_link_to_the_issue_list_filtered_by_that_status(client, nafta):
    body = nafta_page(client)
    agreed = Issue.objects.filter(negotiation__slug="nafta").with_current_status().status_counts()["agreed"]
    assert f'href="{reverse("rounds:negotiation-issue-list", args=["nafta"])}?status=agreed"' in body
    assert f"{agreed} issues" in body


def test_home_shows_the_latest_published_statements_only(client, nafta):
    newest = Statement.objects.published().filter(negotiation__slug="nafta").first()
    newest.state = "draft"
    newest.save()
    canada_on_sunset = Position.objects.latest_per_party().get(issue__slug="sunset-clause", party__slug="canada")
    Position.objects.filter(pk=canada_on_sunset.pk).update(state="draft")
    body = nafta_page(client)
    assert escape(newest.text) not in body
    assert escape(" ".join(canada_on_sunset.summary.split()[:8])) not in body
    assert escape(Statement.objects.published().filter(negotiation__slug="nafta").first().text.split(",")[0]) in body
