"""The shipped NAFTA record: every fact sourced, dated no later than its source, and idempotent to load.

The record itself is issues/seed/nafta/*.json (its README lists the sources and the gaps).
These tests load it through the same services editors write through, and check the
facts a reader relies on, including the corrections made to what the project first
shipped from its two seed articles.
"""

import datetime

import pytest
from django.db.models import F

from issues.models import Issue, Position, Statement, StatusAssessment
from issues.seed.load import RECORD_DIRS, load_nafta_data, read_record
from rounds.models import Appointment, Milestone, Official, Party, Round, Source

pytestmark = pytest.mark.django_db
D = datetime.date


def _counts() -> dict[str, int]:
    models = [Party, Official, Appointment, Round, Milestone, Source, Issue, StatusAssessment, Position, Statement]
    return {m.__name__: m.objects.count() for m in models}


def test_loading_twice_changes_nothing():
    first = load_nafta_data()
    assert first.changed
    counts = _counts()
    stamps = list(Statement.objects.order_by("pk").values_list("updated_at", flat=True))
    history = Statement.history.count() + StatusAssessment.history.count() + Round.history.count()

    second = load_nafta_data()

    assert not second.changed
    assert _counts() == counts
    assert list(Statement.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps
    assert Statement.history.count() + StatusAssessment.history.count() + Round.history.count() == history


def test_every_file_row_is_loaded(nafta):
    records = [read_record(directory) for directory in RECORD_DIRS]
    for record in records:
        slug = record["negotiation"]["slug"]
        assert Statement.objects.filter(negotiation__slug=slug).count() == len(record["statements"])
        assert Position.objects.filter(issue__negotiation__slug=slug).count() == len(record["positions"])
        assert StatusAssessment.objects.filter(issue__negotiation__slug=slug).count() == len(record["status"])
        assert Round.objects.filter(negotiation__slug=slug).count() == len(record["meetings"])
        assert Issue.objects.filter(negotiation__slug=slug).count() == len(record["issues"])
    assert Source.objects.count() == len({row["slug"] for record in records for row in record["sources"]})


def test_every_fact_has_a_source_with_a_title_or_description_and_is_published(nafta):
    for model in (Statement, Position, StatusAssessment):
        assert model.objects.count() == model.objects.published().filter(source__isnull=False).count()
    assert not Milestone.objects.filter(source__isnull=True).exists()
    assert not Round.objects.filter(source__isnull=True).exists()
    assert not Appointment.objects.filter(source__isnull=True).exists()
    assert not Issue.objects.exclude(outcome_status="").filter(outcome_source__isnull=True).exists()
    assert not Source.objects.filter(title="", description="").exists()


def test_no_fact_is_dated_after_the_source_that_reports_it(nafta):
    for model in (Statement, Position, StatusAssessment):
        late = model.objects.filter(source__published_on__isnull=False, date__gt=F("source__published_on"))
        assert not late.exists(), list(late[:3])


def test_every_fact_at_a_meeting_is_dated_within_it(nafta):
    for model in (Statement, Position, StatusAssessment):
        for fact in model.objects.filter(round__isnull=False, date_precision="day").select_related("round"):
            assert fact.round.start_date <= fact.date <= (fact.round.end_date or fact.round.start_date), fact


def test_the_seven_formal_rounds_as_the_trilateral_statements_give_them(nafta):
    rounds = Round.objects.formal().filter(negotiation__slug="nafta").order_by("number")
    assert [(r.number, r.city) for r in rounds] == [
        (1, "Washington"),
        (2, "Mexico City"),
        (3, "Ottawa"),
        (4, "Washington"),
        (5, "Mexico City"),
        (6, "Montreal"),
        (7, "Mexico City"),
    ]
    assert all(r.summary for r in rounds), "every round has a summary"
    montreal = Round.objects.get(negotiation__slug="nafta", number=6)
    assert (montreal.start_date, montreal.end_date) == (D(2018, 1, 23), D(2018, 1, 29))
    assert Round.objects.get(negotiation__slug="nafta", number=7).start_date == D(2018, 2, 25)


def test_the_meetings_after_the_rounds_run_to_the_signing_with_who_was_at_the_table(nafta):
    bilateral = Round.objects.filter(kind="bilateral", parties__slug="mexico").filter(parties__slug="united-states")
    assert bilateral.exclude(parties__slug="canada").exists(), "the US-Mexico talks of summer 2018"
    signing = Round.objects.get(kind="signing", start_date=D(2018, 11, 30))
    assert signing.city == "Buenos Aires" and signing.host_party is None
    assert Round.objects.filter(kind="ministerial", start_date__year=2018, start_date__month__in=[4, 5]).exists()


def test_what_closed_at_each_round(nafta):
    closed = {
        (a.round.number, a.issue.slug)
        for a in StatusAssessment.objects.filter(status="agreed", round__kind="round").select_related("round", "issue")
    }
    assert (3, "small-and-medium-sized-enterprises") in closed
    assert (6, "anti-corruption") in closed  # not "progressing", as first shipped
    assert {
        (7, "good-regulatory-practices"),
        (7, "administration-and-publication"),
        (7, "sanitary-and-phytosanitary-measures"),
        (7, "chemicals-annex"),
        (7, "proprietary-formulas-annex"),
    } <= closed


def test_contested_issues_have_outcomes_in_the_final_text(nafta):
    sunset = Issue.objects.get(slug="sunset-clause")
    assert sunset.outcome_status == "agreed" and "34.7" in sunset.outcome_reference
    autos = Issue.objects.get(slug="auto-rules-of-origin")
    assert autos.outcome_status == "agreed" and "Chapter 4" in autos.outcome_reference
    for slug in ("chapter-19-anti-dumping-panels", "dairy-and-supply-management", "cultural-exemption"):
        assert Issue.objects.get(slug=slug).outcome_status == "agreed", slug


def test_the_us_content_demand_was_tabled_at_round_4_and_dropped_in_march_2018(nafta):
    demand = Position.objects.get(
        issue__slug="auto-rules-of-origin", party__slug="united-states", kind="demand", date=D(2017, 10, 13)
    )
    assert demand.round.number == 4 and demand.date_precision == "day"
    dropped = Position.objects.get(issue__slug="auto-rules-of-origin", party__slug="united-states", kind="concession")
    assert dropped.date == D(2018, 3, 12) and dropped.date_precision == "approximate"
    assert dropped.source.slug != "verheul-quite-a-distance"  # "last week" there is when it was reported


def test_the_two_seed_articles_are_identified(nafta):
    afp = Source.objects.get(slug="afp-montreal-round-close")
    assert afp.title == "Progress in NAFTA talks, but very slow: US trade official" and afp.url
    cbc = Source.objects.get(slug="verheul-quite-a-distance")
    assert cbc.outlet == "CBC News"
    assert (
        cbc.url
        == "https://www.cbc.ca/news/politics/nafta-canada-us-mexico-still-many-gaps-on-agreement-talks-1.4597387"
    )


def test_lighthizer_quote_at_the_close_of_montreal_is_verbatim_and_linked(nafta):
    quote = Statement.objects.get(text__startswith="We finally began")
    assert quote.text == (
        "We finally began to discuss some of the core issues.So, this round was a step forward."
        "But we are progressing very slowly"
    )
    assert quote.kind == "quote" and quote.speaker.slug == "robert-lighthizer"
    assert quote.round.number == 6 and quote.source.slug == "afp-montreal-round-close"


def test_officials_have_roles_over_time_and_a_statement_shows_the_title_held_on_its_date(nafta):
    amlo = Official.objects.get(slug="andres-manuel-lopez-obrador")
    assert Appointment.objects.filter(official=amlo).held_on(D(2018, 8, 1)).get().title == "president-elect"
    assert Appointment.objects.filter(official=amlo).held_on(D(2019, 1, 1)).get().title == "President of Mexico"
    for name in ("john-melle", "kenneth-smith-ramos", "steve-verheul", "jesus-seade", "justin-trudeau"):
        assert Official.objects.filter(slug=name).exists(), name
