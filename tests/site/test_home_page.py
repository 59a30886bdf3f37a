"""The home page says where the talks stand: rounds, the next deadline, the issue board, the latest words."""

import datetime

import pytest
from django.urls import reverse

from issues.models import Position, Statement

pytestmark = pytest.mark.django_db


def test_home_shows_the_latest_and_next_round_and_the_days_left_to_the_next_deadline(client, nafta, on_day):
    on_day(datetime.date(2018, 4, 1))
    body = client.get(reverse("home")).content.decode()
    assert "Round 7, Mexico City" in body
    assert "None scheduled" in body
    assert "U.S. deadline for a deal" in body
    assert "30 days left" in body  # April 1 to May 1


def test_after_the_last_deadline_home_names_the_last_one_instead(client, nafta, on_day):
    on_day(datetime.date(2026, 11, 22))
    body = client.get(reverse("home")).content.decode()
    assert "No upcoming deadline" in body
    assert "New U.S. Congress takes office" in body


def test_the_issue_board_shows_each_issue_status_in_words_and_each_party_latest_position(client, nafta):
    body = client.get(reverse("home")).content.decode()
    assert 'class="status status--far-apart">Far apart</span>' in body
    assert 'class="status status--near-agreement">Near agreement</span>' in body
    # Canada's latest word on the sunset clause, and the U.S. proposal it answers.
    assert "Has concerns about the U.S. proposal on the sunset clause." in body
    assert "A five-year automatic &quot;sunset&quot; or kill clause for NAFTA." in body


def test_status_counts_link_to_the_issue_list_filtered_by_that_status(client, nafta):
    body = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("issues:issue-list")}?status=far_apart"' in body
    assert "5 issues" in body


def test_home_shows_the_latest_published_statements_only(client, nafta):
    newest = Statement.objects.published().first()
    newest.state = "draft"
    newest.save()
    Position.objects.filter(summary__startswith="Has concerns about the U.S. proposal on the sunset").update(
        state="draft"
    )
    body = client.get(reverse("home")).content.decode()
    assert newest.text not in body
    assert "Has concerns about the U.S. proposal on the sunset clause." not in body
    assert Statement.objects.published().first().text.split(",")[0] in body
