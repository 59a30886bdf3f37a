"""Statement lists read densely: grouped under dates, a source said once, no speaker repeated, no orphan page."""

import datetime
import re

import pytest

from tests.factories import OfficialFactory, PartyFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_twenty_three_statements_make_one_page_not_twenty_and_three(client):
    source = SourceFactory()
    StatementFactory.create_batch(23, source=source)
    body = client.get("/statements/").content.decode()
    assert body.count("<article ") == 23
    assert "Page 1 of" not in body
    # 26 do make two pages: 20, then 6.
    StatementFactory.create_batch(3, source=source)
    assert "Page 1 of 2" in client.get("/statements/").content.decode()


def test_an_officials_page_does_not_repeat_their_name_on_each_statement(client):
    official = OfficialFactory(name="Chrystia Freeland")
    StatementFactory.create_batch(3, speaker=official)
    body = client.get(official.get_absolute_url()).content.decode()
    assert body.count("<article ") == 3
    assert 'class="statement__who"' not in body
    # Elsewhere each statement still says who spoke.
    assert client.get("/statements/").content.decode().count('class="statement__who"') == 3


def test_statements_are_grouped_under_their_dates_newest_first(client):
    StatementFactory(date=datetime.date(2018, 3, 28))
    StatementFactory(date=datetime.date(2018, 3, 28))
    StatementFactory(date=datetime.date(2018, 4, 2))
    body = client.get("/statements/").content.decode()
    headings = re.findall(r'<h3 class="statements__date">([^<]*)</h3>', body)
    assert headings == ["April 2, 2018", "March 28, 2018"]


def test_consecutive_statements_from_one_source_name_it_once(client):
    wire = SourceFactory(outlet="Wire", title="Montreal round closes")
    StatementFactory.create_batch(3, source=wire, date=datetime.date(2018, 1, 29))
    StatementFactory(source=SourceFactory(title="Other paper"), date=datetime.date(2018, 1, 29))
    body = client.get("/statements/").content.decode()
    assert body.count('class="statement__source"') == 2  # the wire's run, then the other paper
    assert body.count("Montreal round closes") == 1
    assert "(also for the next 2 statements)" in body
    assert body.count("Same source as the statement above.") == 2


def test_the_officials_list_leads_with_each_partys_negotiators(client):
    canada = PartyFactory(name="Canada")
    OfficialFactory(name="Aaron Silent", role="stakeholder", party=canada)
    OfficialFactory(name="Bea Staffer", role="official", party=canada)
    chief = OfficialFactory(name="Steve Verheul", role="chief_negotiator", party=canada)
    minister = OfficialFactory(name="Chrystia Freeland", role="minister", party=canada)
    StatementFactory(speaker=chief)
    body = client.get("/officials/").content.decode()
    names = re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]*)</a>', body)
    assert names == [minister.name, chief.name, "Bea Staffer", "Aaron Silent"]
