"""Fixtures for the public site's tests: a pinned "today" and sites of any size."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.utils import translation

from issues.models import Issue, Statement
from rounds.models import Official, Party, Round
from tests.factories import (
    IssueFactory,
    MilestoneFactory,
    NegotiationFactory,
    OfficialFactory,
    PartyFactory,
    PositionFactory,
    RoundFactory,
    StatementFactory,
    StatusAssessmentFactory,
)


@pytest.fixture(autouse=True)
def english_between_requests():
    """Start and end every test in the default language.

    A request to /fr/... leaves French active in the test thread, which would make the
    next test's reverse() build French URLs.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def on_day(monkeypatch):
    """Pin the site's idea of today (``rounds.models.today``), e.g. ``on_day(date(2018, 4, 1))``."""

    def pin(day: datetime.date) -> datetime.date:
        monkeypatch.setattr("rounds.models.today", lambda: day)
        return day

    return pin


@dataclass
class Site:
    parties: list[Party]
    rounds: list[Round]
    issues: list[Issue]
    officials: list[Official]
    statements: list[Statement] = field(default_factory=list)
    review_issues: list[Issue] = field(default_factory=list)


def build_site(size: int) -> Site:
    """A site with ``size`` issues, officials and milestones, ``2 * size`` statements, and every
    relation a page shows filled in (statements during and after a round, assessments at and
    between rounds, a position per party and issue, related issues), so that a query-count
    test at two sizes runs the same queries."""
    parties = [PartyFactory() for _ in range(3)]
    first = RoundFactory(
        host_party=parties[0], start_date=datetime.date(2018, 1, 23), end_date=datetime.date(2018, 1, 29)
    )
    second = RoundFactory(
        host_party=parties[1], start_date=datetime.date(2018, 2, 25), end_date=datetime.date(2018, 3, 5)
    )
    issues = IssueFactory.create_batch(size)
    for issue in issues:
        StatusAssessmentFactory(issue=issue, round=first, date=first.end_date, status="under_discussion")
        StatusAssessmentFactory(issue=issue, date=datetime.date(2018, 3, 28), status="far_apart")
        for party in parties:
            PositionFactory(issue=issue, party=party, round=first, date=first.end_date)
            PositionFactory(issue=issue, party=party, date=datetime.date(2018, 3, 28))
    issues[0].related.add(*issues[1:])
    officials = [OfficialFactory(party=parties[i % 3]) for i in range(size)]
    statements = []
    for i in range(2 * size):
        during = i % 2 == 0
        statements.append(
            StatementFactory(
                speaker=officials[i % size],
                round=first if during else None,
                date=first.end_date if during else datetime.date(2018, 2, 10),
                issues=[issues[i % size], issues[0]],
                text=f"We are making progress on the sunset clause, chapter {i}",
            )
        )
    for _ in range(size):
        MilestoneFactory().issues.set(issues[:2])
    first.negotiation.parties.set(parties)
    # A second, live negotiation of the same size, whose issues continue the first one's.
    review = NegotiationFactory(slug="review", start_date=datetime.date(2025, 9, 17), status="ongoing")
    review.parties.set(parties[:2])
    review_round = RoundFactory(
        negotiation=review,
        number=1,
        host_party=parties[0],
        start_date=datetime.date(2026, 3, 16),
        end_date=datetime.date(2026, 3, 20),
    )
    review_round.parties.set(parties[:2])
    review_issues = [IssueFactory(negotiation=review, continues=issue) for issue in issues]
    for i, issue in enumerate(review_issues):
        StatusAssessmentFactory(issue=issue, round=review_round, date=review_round.end_date, status="far_apart")
        PositionFactory(issue=issue, party=parties[0], round=review_round, date=review_round.end_date)
        StatementFactory(
            speaker=officials[i],
            round=review_round,
            date=review_round.end_date,
            issues=[issue],
            text=f"The review is not a formality, point {i}",
        )
        MilestoneFactory(negotiation=review, date=datetime.date(2027, 7, 1)).issues.set([issue])
    return Site(
        parties=parties,
        rounds=[first, second],
        issues=issues,
        officials=officials,
        statements=statements,
        review_issues=review_issues,
    )
