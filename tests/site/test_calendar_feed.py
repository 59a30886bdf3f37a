"""The .ics feed: every dated round and every deadline, as all-day events a calendar can subscribe to."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from rounds.models import Milestone, Round
from tests.factories import MilestoneFactory, RoundFactory

pytestmark = pytest.mark.django_db


def events(client, url_name: str = "rounds:calendar") -> dict[str, dict]:
    response = client.get(reverse(url_name))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_has_every_round_and_deadline(client, nafta):
    found = events(client, "rounds:calendar-all")
    # every round and meeting with a start date, and every deadline
    assert len(found) == Round.objects.started_on_known_day().count() + Milestone.objects.count()


def test_the_first_calendars_address_still_holds_nafta_alone(client, nafta):
    found = events(client)
    nafta_rounds = Round.objects.started_on_known_day().filter(negotiation__slug="nafta")
    assert len(found) == nafta_rounds.count() + Milestone.objects.filter(negotiation__slug="nafta").count()
    montreal = found["round-round-6-montreal@nafta-tracker"]
    assert str(montreal["SUMMARY"]) == "NAFTA 2017-2020: Round 6, Montreal"
    assert montreal.decoded("DTSTART") == datetime.date(2018, 1, 23)
    assert montreal.decoded("DTEND") == datetime.date(2018, 1, 30)  # exclusive end: the 29th is included
    assert "Canada" in str(montreal["LOCATION"])
    assert str(montreal["URL"]).endswith("/rounds/round-6-montreal/")
    deadline = found["milestone-may-1-deadline@nafta-tracker"]
    assert deadline.decoded("DTSTART") == datetime.date(2018, 5, 1)


def test_a_deadline_known_only_to_the_month_says_so(client, db):
    MilestoneFactory(slug="vote", title="Congress vote", date=datetime.date(2018, 9, 1), date_precision="month")
    event = events(client)["milestone-vote@nafta-tracker"]
    assert str(event["SUMMARY"]) == "Congress vote (month only)"
    assert "only the month" in str(event["DESCRIPTION"])


def test_a_round_whose_end_is_unreported_is_on_its_first_day_and_says_so(client, db):
    RoundFactory(slug="open-ended", start_date=datetime.date(2026, 3, 16), end_date=None, summary="Scoping talks.")
    RoundFactory(slug="undated", start_date=None, end_date=None)
    found = events(client)
    event = found["round-open-ended@nafta-tracker"]
    assert event.decoded("DTSTART") == datetime.date(2026, 3, 16)
    assert "DTEND" not in event  # one all-day event, not an invented span
    assert str(event["DESCRIPTION"]) == "Scoping talks.\n\nThe sources do not give the end date."
    assert "round-undated@nafta-tracker" not in found
