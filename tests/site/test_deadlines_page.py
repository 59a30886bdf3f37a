"""Deadlines: a timeline of milestones, upcoming and past, relative to today."""

import datetime

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_deadlines_are_marked_upcoming_or_past_around_today(client, nafta, on_day):
    on_day(datetime.date(2018, 4, 1))
    body = client.get(reverse("rounds:milestone-list")).content.decode()
    assert "Next: U.S. deadline for a deal, in 30 days." in body
    assert body.count("deadline--upcoming") == 5
    assert body.count("deadline--past") == 1
    today = body.index("Today, April 1, 2018")
    assert body.index('id="unifor-workers-roundtable"') < today < body.index('id="may-1-deadline"')


def test_when_every_deadline_has_passed_the_page_says_so(client, nafta, on_day):
    on_day(datetime.date(2019, 6, 1))
    body = client.get(reverse("rounds:milestone-list")).content.decode()
    assert "No deadline is still ahead" in body
    assert "deadline--upcoming" not in body
    assert "Today, June 1, 2019" in body


def test_each_deadline_links_to_its_source_and_has_an_anchor(client, nafta):
    body = client.get(reverse("rounds:milestone-list")).content.decode()
    assert 'id="may-1-deadline"' in body
    assert "NCC Washington Report" in body


def test_no_deadlines_yet_says_what_to_do(client, db):
    body = client.get(reverse("rounds:milestone-list")).content.decode()
    assert "No deadline has been recorded yet." in body
