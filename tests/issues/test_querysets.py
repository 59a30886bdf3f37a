"""Reads shared by site, admin and API: published(), current status, latest positions, search."""

import datetime

import pytest

from issues.models import Issue, Position, Statement
from tests.factories import (
    IssueFactory,
    OfficialFactory,
    PartyFactory,
    PositionFactory,
    StatementFactory,
    StatusAssessmentFactory,
)

pytestmark = pytest.mark.django_db


def test_current_status_is_the_latest_published_assessment():
    issue = IssueFactory()
    StatusAssessmentFactory(issue=issue, status="under_discussion", date=datetime.date(2018, 1, 29))
    StatusAssessmentFactory(issue=issue, status="far_apart", date=datetime.date(2018, 3, 28))
    StatusAssessmentFactory(
        issue=issue, status="agreed", date=datetime.date(2018, 4, 2), state="draft", published_at=None
    )

    annotated = Issue.objects.with_current_status().get(pk=issue.pk)
    assert annotated.current_status == "far_apart"
    assert annotated.status_changed_on == datetime.date(2018, 3, 28)
    assert annotated.current_status_label == "Far apart"
    # The property works without the annotation too.
    assert Issue.objects.get(pk=issue.pk).current_status == "far_apart"


def test_an_issue_never_assessed_has_no_status_rather_than_an_invented_one():
    issue = Issue.objects.with_current_status().get(pk=IssueFactory().pk)
    assert issue.current_status is None
    assert issue.current_status_label == "Not yet assessed"


def test_filter_issues_by_current_status():
    far, near = IssueFactory(), IssueFactory()
    StatusAssessmentFactory(issue=far, status="far_apart")
    StatusAssessmentFactory(issue=near, status="near_agreement")
    assert list(Issue.objects.with_status("far_apart")) == [far]


def test_latest_position_per_party_ignores_older_and_draft_positions():
    issue, canada, us = IssueFactory(), PartyFactory(), PartyFactory()
    PositionFactory(issue=issue, party=us, kind="demand", date=datetime.date(2017, 10, 17))
    concession = PositionFactory(issue=issue, party=us, kind="concession", date=datetime.date(2018, 3, 21))
    proposal = PositionFactory(issue=issue, party=canada, kind="counter_proposal", date=datetime.date(2018, 1, 29))
    PositionFactory(issue=issue, party=canada, date=datetime.date(2018, 4, 1), state="draft", published_at=None)

    assert set(Position.objects.latest_per_party()) == {concession, proposal}
    prefetched = Issue.objects.with_latest_positions().get(pk=issue.pk)
    assert {p.pk for p in prefetched.latest_positions} == {concession.pk, proposal.pk}


def test_drafts_are_not_published():
    StatementFactory(state="draft", published_at=None)
    published = StatementFactory()
    assert list(Statement.objects.published()) == [published]


def test_statements_by_party_include_unnamed_speakers_attributed_to_it():
    us = PartyFactory()
    named = StatementFactory(speaker=OfficialFactory(party=us))
    unnamed = StatementFactory(speaker=None, attribution="a US trade official", attributed_party=us)
    StatementFactory()  # another party's
    assert set(Statement.objects.by_party(us)) == {named, unnamed}


def test_search_finds_statements_containing_every_word():
    hit = StatementFactory(text="We are still quite a distance away from any kind of agreement")
    StatementFactory(text="We are hopeful")
    assert list(Statement.objects.search("distance agreement")) == [hit]
    assert list(Statement.objects.search("Distance")) == [hit]
    assert set(Statement.objects.search("")) == set(Statement.objects.all())
