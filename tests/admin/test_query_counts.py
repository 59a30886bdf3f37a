"""The busiest admin pages run the same number of SQL queries for 2 rows as for 60.

Each page is requested once before counting, so that caches filled once per
process (content types, templates) do not count. Every count starts with the
four queries of any admin page for a logged-in editor:
session, user, the user's own permissions, the permissions of the user's groups.
"""

import pytest
from django.urls import reverse

from tests.factories import (
    IssueFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
    StatusAssessmentFactory,
)

pytestmark = pytest.mark.django_db

SMALL, LARGE = 2, 60  # LARGE is more than a changelist page (50 rows)
EVERY_PAGE = 4  # session, user, user permissions, group permissions


@pytest.fixture
def get(client, editor):
    """``get(url)`` requests the page once (to warm per-process caches) and returns a function
    that requests it again, to be called inside ``django_assert_num_queries``."""
    client.force_login(editor)

    def warmed(url: str):
        assert client.get(url).status_code == 200
        return lambda: client.get(url)

    return warmed


@pytest.fixture(params=[SMALL, LARGE], ids=["2 rows", "60 rows"])
def rows(request):
    return request.param


def test_statement_list(get, django_assert_num_queries, rows):
    issues = IssueFactory.create_batch(2)
    StatementFactory.create_batch(rows, round=RoundFactory(), issues=issues)  # each with its own speaker and source
    request = get(reverse("admin:issues_statement_changelist"))
    with django_assert_num_queries(
        EVERY_PAGE
        + 1  # negotiations, for the negotiation filter (the choice an editor keeps)
        + 1  # parties, for the party filter
        + 1  # rounds, for the round filter
        + 1  # COUNT of the matching statements (the full-table count is switched off)
        + 1  # the page of statements, joined to speaker, round and source
        + 1  # date drill-down: first and last date
        + 1  # date drill-down: the years (or months, or days) that have statements
    ):
        response = request()
    assert len(response.context["cl"].result_list) == min(rows, 50)


def test_statement_list_searched(get, django_assert_num_queries, rows):
    StatementFactory.create_batch(rows, text="We are progressing very slowly")
    request = get(reverse("admin:issues_statement_changelist") + "?q=progressing")
    with django_assert_num_queries(
        EVERY_PAGE
        + 1  # negotiations, for the negotiation filter (the choice an editor keeps)
        + 2  # parties and rounds for the filters
        + 1  # COUNT of the statements whose text, speaker or attribution matches
        + 1  # the page of them
        + 2  # date drill-down: first and last date; the years
    ):
        response = request()
    assert len(response.context["cl"].result_list) == min(rows, 50)


def test_position_list(get, django_assert_num_queries, rows):
    PositionFactory.create_batch(rows, round=RoundFactory())
    request = get(reverse("admin:issues_position_changelist"))
    with django_assert_num_queries(
        EVERY_PAGE
        + 1  # negotiations, for the negotiation filter (the choice an editor keeps)
        + 2  # parties and rounds, for their filters
        + 1  # COUNT
        + 1  # the page of positions, joined to issue, party, round and source
        + 2  # date drill-down: first and last date; the dates
    ):
        request()


def test_status_history_list(get, django_assert_num_queries, rows):
    StatusAssessmentFactory.create_batch(rows, round=RoundFactory())
    request = get(reverse("admin:issues_statusassessment_changelist"))
    with django_assert_num_queries(
        EVERY_PAGE
        + 1  # negotiations, for the negotiation filter (the choice an editor keeps)
        + 1  # rounds, for the round filter
        + 1  # COUNT
        + 1  # the page of assessments, joined to issue, round and source
        + 2  # date drill-down
    ):
        request()


def test_source_list(get, django_assert_num_queries, rows):
    SourceFactory.create_batch(rows)
    request = get(reverse("admin:rounds_source_changelist"))
    with django_assert_num_queries(
        EVERY_PAGE
        + 1  # COUNT
        + 1  # the page of sources
        + 2  # date drill-down
    ):
        request()


def test_source_page_with_its_statements_and_positions(get, django_assert_num_queries, rows):
    source = SourceFactory()
    issues = IssueFactory.create_batch(2)
    StatementFactory.create_batch(rows, source=source, round=RoundFactory(), issues=issues)
    PositionFactory.create_batch(rows, source=source, round=RoundFactory())
    request = get(reverse("admin:rounds_source_change", args=[source.pk]))
    with django_assert_num_queries(
        EVERY_PAGE
        + 1  # the source
        + 1  # whether something public cites it ("View on site" only then: SourceQuerySet.public)
        + 1  # its statements, joined to speaker and round
        + 1  # their issues (prefetched); the autocomplete widgets reuse all of these
        + 1  # parties, for the statements' "party of an unnamed speaker" select (all rows share it)
        + 1  # its positions, joined to issue, party and round
        + 1  # parties, for the positions' party select
    ):
        response = request()
    assert len(response.context["inline_admin_formsets"][0].formset.initial_forms) == rows


def test_issue_page_with_its_status_history_and_positions(get, django_assert_num_queries, rows):
    issue = IssueFactory()
    StatusAssessmentFactory.create_batch(rows, issue=issue, round=RoundFactory())
    PositionFactory.create_batch(rows, issue=issue, round=RoundFactory())
    request = get(reverse("admin:issues_issue_change", args=[issue.pk]))
    with django_assert_num_queries(
        EVERY_PAGE
        + 1  # negotiations, for the negotiation select
        + 1  # the issue, with its current status
        + 1  # its related issues (the autocomplete field's value)
        + 1  # its status history, joined to round and source
        + 1  # its positions, joined to party, round and source
        + 1  # parties, for the positions' party select
    ):
        request()


def test_round_page_with_its_latest_statements(get, django_assert_num_queries, rows):
    round_ = RoundFactory()
    StatementFactory.create_batch(rows, round=round_, date=round_.start_date)
    request = get(reverse("admin:rounds_round_change", args=[round_.pk]))
    with django_assert_num_queries(
        EVERY_PAGE
        + 1  # negotiations, for the negotiation select
        + 1  # the round
        + 1  # its latest statements (ten at most), joined to speaker and source
        + 1  # parties, for the host party select
        + 1  # parties, for the "parties at the table" select
        + 1  # the parties already at the table (its initial value)
    ):
        response = request()
    assert len(response.context["inline_admin_formsets"][0].formset.initial_forms) == min(rows, 10)


def test_statement_page(get, django_assert_num_queries, rows):
    statement = StatementFactory(round=RoundFactory(), issues=IssueFactory.create_batch(rows))
    request = get(reverse("admin:issues_statement_change", args=[statement.pk]))
    with django_assert_num_queries(
        EVERY_PAGE
        + 1  # negotiations, for the negotiation select
        + 1  # the statement, joined to speaker, round and source
        + 1  # its issues (the form's initial value)
        + 1  # the speaker's label for its autocomplete widget
        + 1  # the round's label for its autocomplete widget
        + 1  # the source's label for its autocomplete widget
        + 1  # parties, for the "party of an unnamed speaker" select
        + 1  # the issues' labels for their autocomplete widget
        + 1  # its translations, the inline's rows
    ):
        request()
