"""The rules that keep one negotiation's facts apart from another's, at every door."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from issues import services
from issues.models import Issue, Statement
from rounds.models import Official, Round, Source
from tests.factories import IssueFactory, NegotiationFactory, RoundFactory

pytestmark = pytest.mark.django_db


def review_statement(**fields):
    values = {
        "speaker": Official.objects.get(slug="jamieson-greer"),
        "text": "We will look at every option before the first of July",
        "date": datetime.date(2026, 1, 28),
        "source": Source.objects.filter(slug__startswith="jr-").first(),
    }
    return services.statement_create(**{**values, **fields})


def test_a_statement_takes_its_negotiation_and_round_from_its_date(nafta):
    statement = review_statement()
    assert statement.negotiation.slug == "usmca-review-2026"
    assert statement.round.slug == "jr-greer-ebrard-washington-jan-2026"


def test_a_statement_takes_its_negotiation_from_its_issues_when_its_date_says_nothing(nafta):
    statement = review_statement(date=datetime.date(2024, 6, 1), issues=[Issue.objects.get(slug="jr-rules-of-origin")])
    assert statement.negotiation.slug == "usmca-review-2026"


def test_a_statement_of_one_negotiation_cannot_be_about_anothers_issue(nafta):
    with pytest.raises(ValidationError) as error:
        review_statement(
            round=Round.objects.get(slug="jr-greer-ebrard-washington-jan-2026"),
            issues=[Issue.objects.get(slug="sunset-clause")],
        )
    assert "issues" in error.value.message_dict
    assert not Statement.objects.filter(text__startswith="We will look at every option").exists()


def test_a_position_on_a_review_issue_cannot_sit_at_a_nafta_round(nafta):
    with pytest.raises(ValidationError) as error:
        services.position_create(
            issue=Issue.objects.get(slug="jr-dairy"),
            party=Official.objects.get(slug="jamieson-greer").party,
            kind="demand",
            summary="Open the dairy market",
            date=Round.objects.get(negotiation__slug="nafta", number=6).start_date,
            round=Round.objects.get(negotiation__slug="nafta", number=6),
            source=Source.objects.filter(slug__startswith="jr-").first(),
        )
    assert "belongs to another negotiation" in error.value.message_dict["round"][0]


def test_round_numbers_are_unique_within_a_negotiation_only(db):
    first = RoundFactory(number=1)
    RoundFactory(number=1, negotiation=NegotiationFactory(slug="second", start_date=datetime.date(2025, 9, 17)))
    with pytest.raises(IntegrityError), transaction.atomic():
        RoundFactory(number=1, negotiation=first.negotiation)


def test_an_issue_continues_an_issue_of_another_negotiation_only(db):
    earlier = IssueFactory()
    later = IssueFactory(negotiation=NegotiationFactory(slug="later", start_date=datetime.date(2025, 9, 17)))
    later.continues = earlier
    later.full_clean()
    same = IssueFactory(negotiation=earlier.negotiation)
    same.continues = earlier
    with pytest.raises(ValidationError) as error:
        same.full_clean()
    assert "continues" in error.value.message_dict
