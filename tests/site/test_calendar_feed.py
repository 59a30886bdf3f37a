"""The .ics feed: every dated round and every deadline, as all-day events a calendar can subscribe to."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from rounds.models import Milestone, Round
from tests.factories import MilestoneFactory

pytestmark = pytest.mark.django_db


def events(client, url_name: str = "rounds:calendar") -> dict[str, dict]:
    response = client.get(reverse(url_name))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_has_every_round_and_deadline(client, nafta):
    found = events(client, "rounds:calendar-all")
    assert len(found) == Round.objects.dated().count() + Milestone.objects.count()  # rounds and every meeting


def test_the_first_calendars_address_still_holds_nafta_alone(client, nafta):
    found = events(client)
    nafta_rounds = Round.objects.dated().filter(negotiation__slug="nafta")
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
