"""Reads that combine rounds with what was said and assessed there: one answer for site and API."""

import datetime

import pytest

from issues import selectors
from rounds.models import Official, Round
from tests.factories import (
    IssueFactory,
    OfficialFactory,
    PartyFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
    StatusAssessmentFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def test_what_closed_at_a_round_names_each_issue_once_however_many_sources_report_it():
    ottawa = RoundFactory(start_date=D(2017, 9, 23), end_date=D(2017, 9, 27))
    smes = IssueFactory(title="Small and medium-sized enterprises")
    for _ in range(3):
        StatusAssessmentFactory(issue=smes, round=ottawa, status="agreed", date=D(2017, 9, 27), source=SourceFactory())
    StatusAssessmentFactory(round=ottawa, status="progressing", date=D(2017, 9, 27))
    outcome = selectors.round_outcome(ottawa, statements=10)
    assert [assessment.issue for assessment in outcome.closed] == [smes]


def test_the_round_after_is_the_next_meeting_by_date_whatever_its_kind():
    round_7 = RoundFactory(number=7, start_date=D(2018, 2, 25), end_date=D(2018, 3, 5))
    ministerial = RoundFactory(
        number=None,
        kind="ministerial",
        title="Ministerial, Washington",
        start_date=D(2018, 4, 6),
        end_date=D(2018, 4, 6),
    )
    outcome = selectors.round_outcome(round_7, statements=10)
    assert outcome.next_round == ministerial
    assert outcome.after_end == D(2018, 4, 5)


def test_how_it_ended_sets_each_issue_first_demand_beside_its_outcome():
    us = PartyFactory(name="United States", slug="united-states", iso_code="US")
    sunset = IssueFactory(
        title="Sunset clause",
        outcome_status="agreed",
        outcome_date=D(2018, 9, 30),
        outcome_reference="USMCA Article 34.7",
        outcome_source=SourceFactory(),
    )
    PositionFactory(issue=sunset, party=us, kind="demand", summary="Expiry every five years", date=D(2017, 10, 12))
    PositionFactory(issue=sunset, party=us, kind="demand", summary="A later demand", date=D(2018, 5, 29))
    IssueFactory(title="Open issue")  # no outcome: not part of the ending
    ended = list(selectors.how_it_ended())
    assert [(issue.title, issue.first_demand, issue.first_demand_party) for issue in ended] == [
        ("Sunset clause", "Expiry every five years", "United States")
    ]


def test_the_rounds_list_counts_what_was_said_and_assessed_at_each():
    montreal = RoundFactory()
    StatusAssessmentFactory(round=montreal, date=montreal.start_date)
    StatusAssessmentFactory(round=montreal, date=montreal.start_date, state="draft", published_at=None)
    counted = selectors.rounds_with_statement_counts(Round.objects.filter(pk=montreal.pk)).get()
    assert (counted.statement_count, counted.assessment_count) == (0, 1)


def test_counts_of_statements_and_assessments_at_a_round_do_not_multiply_each_other():
    # Each count is its own subquery; counting both over joins once multiplied rows
    # (and took 20 s on the 100,000-statement load set).
    ottawa, other = RoundFactory(), RoundFactory()
    speaker = OfficialFactory()
    for _ in range(3):
        StatementFactory(round=ottawa, speaker=speaker, date=ottawa.start_date)
    StatementFactory(round=ottawa, speaker=speaker, date=ottawa.start_date, state="draft", published_at=None)
    StatementFactory(round=other, date=other.start_date)
    for _ in range(2):
        StatusAssessmentFactory(round=ottawa, date=ottawa.start_date)
    rounds = selectors.rounds_with_statement_counts(Round.objects.order_by("pk"))
    assert [(r.statement_count, r.assessment_count) for r in rounds] == [(3, 2), (1, 0)]
    counted = selectors.officials_with_statement_counts(Official.objects.filter(pk=speaker.pk)).get()
    assert counted.statement_count == 3


def test_the_board_as_of_a_day_counts_only_the_statuses_in_use():
    issue = IssueFactory()
    StatusAssessmentFactory(issue=issue, status="far_apart", date=D(2018, 1, 29))
    StatusAssessmentFactory(issue=issue, status="agreed", date=D(2018, 9, 30))
    _issues, summary = selectors.issue_board(D(2018, 4, 1))
    assert [(code, count) for code, _label, count in summary] == [("far_apart", 1)]


def test_postgresql_keeps_a_frequency_for_each_of_a_thousand_issues_speakers_rounds_and_sources():
    # Below that, a quiet issue's page was planned as a busy one's: 245 ms instead of 1 ms
    # on the load set (issues/migrations/0019_column_statistics.py). SQLite keeps no such statistics.
    from django.db import connection

    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, a.attname, a.attstattarget FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            " WHERE (c.relname, a.attname) IN (('issues_statement_issues', 'issue_id'),"
            " ('issues_statement', 'speaker_id'), ('issues_statement', 'round_id'),"
            " ('issues_statement', 'source_id'), ('issues_position', 'issue_id'))"
        )
        targets = {(table, column): target for table, column, target in cursor.fetchall()}
    assert len(targets) == 5
    assert set(targets.values()) == {1000}


def test_an_issues_statements_are_found_through_an_index_led_by_the_issue():
    # /api/v1/statements/?issue= and the issue page read the link table by issue and need only
    # the statement ids: an index on (issue_id, statement_id) answers that without the table
    # (issues/migrations/0020_statement_issues_by_issue_index.py). Both databases have it.
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "issues_statement_issues")
    assert any(found["index"] and found["columns"] == ["issue_id", "statement_id"] for found in constraints.values())
