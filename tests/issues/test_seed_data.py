"""The shipped NAFTA data: complete, correctly linked, and idempotent to load."""

import datetime

import pytest

from issues.models import Issue, Position, Source, Statement, StatusAssessment
from issues.seed.load import load_nafta_data
from rounds.models import Milestone, Official, Party, Round

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    models = [Party, Official, Round, Milestone, Source, Issue, StatusAssessment, Position, Statement]
    return {m.__name__: m.objects.count() for m in models}


def test_loading_twice_changes_nothing():
    first = load_nafta_data()
    assert first.changed
    counts = _counts()
    stamps = list(Statement.objects.order_by("pk").values_list("updated_at", flat=True))
    history = Statement.history.count()

    second = load_nafta_data()

    assert not second.changed
    assert _counts() == counts
    assert list(Statement.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps
    assert Statement.history.count() == history


def test_the_three_parties_and_the_officials_with_their_titles(nafta):
    assert set(Party.objects.values_list("iso_code", flat=True)) == {"CA", "US", "MX"}
    titles = dict(Official.objects.values_list("name", "title"))
    assert titles["Chrystia Freeland"] == "Foreign Affairs Minister"
    assert titles["Robert Lighthizer"] == "U.S. Trade Representative"
    assert titles["Ildefonso Guajardo"] == "Secretary of the Economy"
    assert titles["Steve Verheul"] == "Chief NAFTA negotiator"
    dias = Official.objects.get(slug="jerry-dias")
    assert dias.party is None and dias.organisation == "Unifor"


def test_rounds_of_the_public_record_with_montreal_and_the_next_in_mexico(nafta):
    assert list(Round.objects.values_list("number", "city")) == [
        (1, "Washington"),
        (2, "Mexico City"),
        (3, "Ottawa"),
        (4, "Washington"),
        (5, "Mexico City"),
        (6, "Montreal"),
        (7, "Mexico City"),
    ]
    montreal = Round.objects.get(number=6)
    assert (montreal.start_date, montreal.end_date) == (datetime.date(2018, 1, 23), datetime.date(2018, 1, 29))
    assert montreal.host_party.slug == "canada"
    mexico = Round.objects.get(number=7)
    assert mexico.start_date == datetime.date(2018, 2, 25)
    assert all(r.source_id for r in Round.objects.all())


def test_lighthizer_quote_at_the_close_of_montreal_is_verbatim_and_linked(nafta):
    quote = Statement.objects.get(text__startswith="We finally began")
    assert quote.text == (
        "We finally began to discuss some of the core issues.So, this round was a step forward."
        "But we are progressing very slowly"
    )
    assert quote.kind == "quote"
    assert quote.speaker.name == "Robert Lighthizer"
    assert quote.round.number == 6
    assert quote.source.slug == "afp-montreal-round-close"
    assert quote.is_published


def test_verheul_on_auto_rules_of_origin_is_linked_to_the_issue(nafta):
    quote = Statement.objects.get(
        text="Right now, we are still quite a distance away from any kind of agreement on the approach to auto "
        "rules of origin"
    )
    assert quote.speaker.slug == "steve-verheul"
    assert quote.round is None
    assert [i.slug for i in quote.issues.all()] == ["auto-rules-of-origin"]
    procurement = Statement.objects.get(text__startswith="We have concerns about U.S. proposals")
    assert {i.slug for i in procurement.issues.all()} == {"government-procurement", "sunset-clause"}


def test_reported_speech_is_marked_and_unnamed_speakers_keep_their_attribution(nafta):
    lead = Statement.objects.get(attribution="a US trade official")
    assert lead.kind == "reported" and lead.speaker is None and lead.attributed_party.slug == "united-states"
    guajardo = Statement.objects.filter(speaker__slug="ildefonso-guajardo")
    assert guajardo.count() == 2 and {s.kind for s in guajardo} == {"reported"}
    annexes = guajardo.get(text__contains="chemicals")
    assert {i.slug for i in annexes.issues.all()} == {"chemicals-annex", "pharmaceuticals-annex"}


def test_every_issue_the_articles_name_is_there(nafta):
    assert set(Issue.objects.values_list("slug", flat=True)) == {
        "auto-rules-of-origin",
        "dispute-settlement",
        "sunset-clause",
        "government-procurement",
        "trade-imbalance",
        "steel-and-aluminium-tariffs",
        "anti-corruption",
        "customs-and-trade-facilitation",
        "information-and-communication-technologies",
        "chemicals-annex",
        "pharmaceuticals-annex",
        "workers-rights",
    }


def test_canada_periodic_review_is_its_counter_proposal_on_the_sunset_clause(nafta):
    position = Position.objects.get(issue__slug="sunset-clause", party__slug="canada", kind="counter_proposal")
    assert "periodic NAFTA review" in position.summary
    assert position.round.number == 6


def test_which_issues_were_still_far_apart_in_spring_2018(nafta):
    far_apart = Issue.objects.with_status("far_apart").values_list("slug", flat=True)
    assert set(far_apart) == {
        "auto-rules-of-origin",
        "dispute-settlement",
        "government-procurement",
        "sunset-clause",
        "trade-imbalance",
    }
    # The workers' rights roundtable assessed nothing: its status stays open.
    assert Issue.objects.with_current_status().get(slug="workers-rights").current_status is None


def test_the_deadlines(nafta):
    dates = dict(Milestone.objects.values_list("slug", "date"))
    assert dates["may-1-deadline"] == datetime.date(2018, 5, 1)
    assert dates["june-21-195-day-clock"] == datetime.date(2018, 6, 21)
    assert dates["new-congress-2019"] == datetime.date(2019, 1, 3)
    roundtable = Milestone.objects.get(slug="unifor-workers-roundtable")
    assert {o.slug for o in roundtable.officials.all()} == {"steve-verheul", "jerry-dias"}


def test_open_facts_stay_open(nafta):
    afp = Source.objects.get(slug="afp-montreal-round-close")
    verheul = Source.objects.get(slug="verheul-quite-a-distance")
    assert afp.outlet == "AFP" and afp.title == "" and afp.published_on is None
    assert verheul.outlet == "" and verheul.published_on is None
    # "last week" is not turned into an exact day.
    concession = Position.objects.get(issue__slug="auto-rules-of-origin", kind="concession")
    assert concession.date_precision == "approximate"


def test_every_statement_position_and_assessment_is_published_and_sourced(nafta):
    for model in (Statement, Position, StatusAssessment):
        assert model.objects.count() == model.objects.published().filter(source__isnull=False).count()
