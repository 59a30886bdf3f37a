"""Statements: who said what, when, about which issue; every filter a client can use."""

import datetime

import pytest

from issues.models import Statement
from tests.factories import (
    IssueFactory,
    OfficialFactory,
    PartyFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_a_statement_shows_speaker_words_date_round_issues_and_source(api):
    canada = PartyFactory(name="Canada")
    verheul = OfficialFactory(name="Steve Verheul", party=canada)
    round_6 = RoundFactory(start_date=D(2018, 1, 23), end_date=D(2018, 1, 29))
    autos = IssueFactory(title="Autos")
    source = SourceFactory(outlet="AFP", title="Talks end", url="https://afp.example/1", published_on=D(2018, 1, 29))
    statement = StatementFactory(
        speaker=verheul,
        kind="quote",
        text="quite a distance away",
        date=D(2018, 1, 26),
        date_precision="day",
        round=round_6,
        issues=[autos],
        tone="cautious",
        source=source,
    )

    body = api.get(f"/api/v1/statements/{statement.pk}/").json()

    assert body["speaker"]["slug"] == verheul.slug
    assert body["speaker"]["name"] == "Steve Verheul"
    assert body["speaker"]["party"]["slug"] == canada.slug
    assert body["speaker"]["url"] == f"http://testserver/api/v1/officials/{verheul.slug}/"
    assert (body["kind"], body["text"], body["tone"]) == ("quote", "quite a distance away", "cautious")
    assert (body["date"], body["date_precision"]) == ("2018-01-26", "day")
    assert body["round"]["slug"] == round_6.slug
    assert [issue["slug"] for issue in body["issues"]] == [autos.slug]
    assert body["source"]["outlet"] == "AFP"
    assert body["source"]["title"] == "Talks end"
    assert body["source"]["link"] == "https://afp.example/1"
    assert body["source"]["published_on"] == "2018-01-29"
    assert body["url"] == f"http://testserver/api/v1/statements/{statement.pk}/"
    assert body["html_url"] == f"http://testserver/statements/{statement.pk}/"
    assert body["updated_at"]


def test_an_unnamed_speaker_keeps_the_attribution_as_printed(api):
    us = PartyFactory()
    statement = StatementFactory(speaker=None, attribution="a US trade official", attributed_party=us)

    speaker = api.get(f"/api/v1/statements/{statement.pk}/").json()["speaker"]

    assert speaker["name"] == "a US trade official"
    assert speaker["slug"] is None and speaker["url"] is None and speaker["html_url"] is None
    assert speaker["party"]["slug"] == us.slug


def test_filter_by_official_party_issue_and_round(api):
    us = PartyFactory()
    lighthizer = OfficialFactory(party=us)
    round_7 = RoundFactory(start_date=D(2018, 2, 25), end_date=D(2018, 3, 5))
    autos = IssueFactory()
    by_him = StatementFactory(speaker=lighthizer, issues=[autos], round=round_7, date=D(2018, 3, 1))
    unnamed_us = StatementFactory(speaker=None, attribution="a US official", attributed_party=us)
    other = StatementFactory()

    assert ids(api.get(f"/api/v1/statements/?official={lighthizer.slug}")) == [by_him.pk]
    assert set(ids(api.get(f"/api/v1/statements/?party={us.slug}"))) == {by_him.pk, unnamed_us.pk}
    assert ids(api.get(f"/api/v1/statements/?issue={autos.slug}")) == [by_him.pk]
    assert ids(api.get(f"/api/v1/statements/?round={round_7.slug}")) == [by_him.pk]
    assert other.pk in ids(api.get("/api/v1/statements/"))


def test_filter_by_kind_tone_and_dates(api):
    quote = StatementFactory(kind="quote", tone="optimistic", date=D(2018, 1, 29))
    reported = StatementFactory(kind="reported", tone="critical", date=D(2018, 3, 28))

    assert ids(api.get("/api/v1/statements/?kind=reported")) == [reported.pk]
    assert ids(api.get("/api/v1/statements/?tone=optimistic")) == [quote.pk]
    assert ids(api.get("/api/v1/statements/?date_after=2018-03-01")) == [reported.pk]
    assert ids(api.get("/api/v1/statements/?date_before=2018-03-01")) == [quote.pk]
    assert ids(api.get("/api/v1/statements/?date_after=2018-01-29&date_before=2018-01-29")) == [quote.pk]


def test_q_finds_the_words_in_the_text_as_the_site_search_does(api):
    hit = StatementFactory(text="We are still quite a distance away on autos")
    StatementFactory(text="We are hopeful")

    assert ids(api.get("/api/v1/statements/?q=distance autos")) == [hit.pk]


def test_statements_are_newest_first_and_can_be_ordered_oldest_first(api):
    old = StatementFactory(date=D(2017, 8, 16))
    new = StatementFactory(date=D(2018, 3, 28))
    same_day = StatementFactory(date=D(2018, 3, 28))

    assert ids(api.get("/api/v1/statements/")) == [same_day.pk, new.pk, old.pk]
    assert ids(api.get("/api/v1/statements/?ordering=date")) == [old.pk, new.pk, same_day.pk]
    assert ids(api.get("/api/v1/statements/?ordering=-date")) == [same_day.pk, new.pk, old.pk]


def test_an_empty_item_in_the_ordering_list_is_a_400_naming_it(api):
    # Found by the fuzzer: ?ordering=, once reached order_by("") and answered 500; then it was
    # ignored, which the schema (items from an enum) calls invalid. An empty parameter, as an
    # HTML form sends it, still means the default order.
    old = StatementFactory(date=D(2017, 8, 16))
    new = StatementFactory(date=D(2018, 3, 28))

    assert ids(api.get("/api/v1/statements/?ordering=")) == [new.pk, old.pk]
    for url in (
        "/api/v1/statements/?ordering=,",
        "/api/v1/statements/?ordering=date,",
        "/api/v1/issues/?ordering=,,,,",
        "/api/v1/status-history/?ordering=,updated_at",
    ):
        response = api.get(url)
        assert response.status_code == 400, url
        errors = {error["attr"]: error["detail"] for error in response.json()["errors"]}
        assert "empty" in errors["ordering"], url


@pytest.mark.parametrize("ordering", ["", "-date", "date"])
def test_an_issues_statements_page_by_page_are_the_lists_own_order_ties_broken_by_id(api, settings, ordering):
    # ?issue= reads its order from the links' copy of the dates (issues.models.StatementIssueDate):
    # it must give the same statements in the same order as the list sorted by the statements' own.
    settings.RESPONSE_CACHE_SECONDS = 0
    issue, other = IssueFactory(), IssueFactory()
    dates = [D(2018, 1, 29), D(2018, 1, 29), D(2017, 9, 27), D(2018, 3, 5), D(2018, 1, 29), D(2017, 8, 16)]
    for date in dates:
        StatementFactory(issues=[issue], date=date)
    StatementFactory(issues=[other], date=D(2018, 2, 1))
    StatementFactory(issues=[issue], date=D(2018, 2, 1), state="draft")
    moved = StatementFactory(issues=[issue, other], date=D(2016, 1, 1))
    Statement.objects.filter(pk=moved.pk).update(date=D(2018, 2, 26))  # the copy follows the statement

    wanted = Statement.objects.published().filter(issues=issue)
    wanted = wanted.order_by("date", "id") if ordering == "date" else wanted.order_by("-date", "-id")
    seen, url = [], f"/api/v1/statements/?issue={issue.slug}&page_size=2&ordering={ordering}"
    while url:
        page = api.get(url).json()
        seen += [row["id"] for row in page["results"]]
        url = page["next"]
    assert seen == list(wanted.values_list("id", flat=True))
    assert len(seen) == 7
