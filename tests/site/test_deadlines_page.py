"""Deadlines: a timeline of milestones, upcoming and past, relative to today."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape

from rounds.models import Milestone

pytestmark = pytest.mark.django_db


def test_deadlines_are_marked_upcoming_or_past_around_today(client, nafta, on_day):
    on_day(datetime.date(2018, 4, 1))
    body = client.get(reverse("rounds:milestone-list")).content.decode()
    day = datetime.date(2018, 4, 1)
    upcoming = Milestone.objects.filter(date__gte=day).order_by("date").first()
    assert f"Next: {escape(upcoming.title)}, in {(upcoming.date - day).days} days." in body
    assert body.count("deadline--upcoming") == Milestone.objects.filter(date__gte=day).count()
    assert body.count("deadline--past") == Milestone.objects.filter(date__lt=day).count()
    today = body.index("Today, April 1, 2018")
    assert body.index('id="unifor-workers-roundtable"') < today < body.index('id="may-1-deadline"')


def test_when_every_deadline_has_passed_the_page_says_so(client, nafta, on_day):
    on_day(datetime.date(2026, 11, 27))
    body = client.get(reverse("rounds:negotiation-milestone-list", args=["nafta"])).content.decode()
    assert "No deadline is still ahead" in body
    assert "deadline--upcoming" not in body
    assert "Today, Nov. 27, 2026" in body


def test_each_deadline_links_to_its_source_and_has_an_anchor(client, nafta):
    body = client.get(reverse("rounds:milestone-list")).content.decode()
    assert 'id="may-1-deadline"' in body
    assert "CBC News" in body  # the May 1 deadline's source


def test_no_deadlines_yet_says_what_to_do(client, db):
    body = client.get(reverse("rounds:milestone-list")).content.decode()
    assert "No deadline has been recorded yet." in body
