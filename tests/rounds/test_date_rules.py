"""The frame's dates: a source is not published in the future nor before what it reports,
and a meeting under way or concluded does not lie ahead (a scheduled one may)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from issues import services
from rounds.services import record_save
from tests.factories import NegotiationFactory, OfficialFactory, RoundFactory, SourceFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2018, 6, 1)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setattr("rounds.dates.latest_today", lambda: TODAY)


def test_a_source_published_in_the_future_is_refused():
    source = SourceFactory()
    with pytest.raises(ValidationError) as refused:
        record_save(source, published_on=datetime.date(2031, 1, 1))
    assert "2031-01-01 is in the future" in refused.value.message_dict["published_on"][0]


def test_a_source_cannot_be_dated_before_a_statement_it_reports():
    source = SourceFactory(published_on=datetime.date(2018, 4, 2))
    NegotiationFactory()
    services.statement_create(speaker=OfficialFactory(), text="Far apart", date=datetime.date(2018, 4, 2),
                              source=source)  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        record_save(source, published_on=datetime.date(2018, 4, 1))
    message = refused.value.message_dict["published_on"][0]
    assert "Far apart" in message and "dated 2018-04-02" in message
    record_save(source, published_on=datetime.date(2018, 4, 3))  # later is fine


@pytest.mark.parametrize(("status", "field"), [("concluded", "end_date"), ("in_progress", "start_date")])
def test_a_meeting_that_has_happened_is_not_dated_ahead(status, field):
    meeting = RoundFactory(start_date=datetime.date(2018, 5, 30), end_date=datetime.date(2018, 6, 3))
    if field == "start_date":
        meeting.start_date = datetime.date(2018, 6, 2)
    with pytest.raises(ValidationError) as refused:
        record_save(meeting, status=status)
    assert "is in the future" in refused.value.message_dict[field][0]


def test_a_scheduled_meeting_may_lie_ahead():
    meeting = RoundFactory(start_date=datetime.date(2031, 1, 1), end_date=datetime.date(2031, 1, 5))
    record_save(meeting, status="scheduled")
    assert meeting.status == "scheduled"
