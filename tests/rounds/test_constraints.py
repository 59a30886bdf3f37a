"""The database itself refuses rows that must never exist, whatever code writes them."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from rounds.models import Milestone, Official, Round
from tests.factories import MilestoneFactory, NegotiationFactory, PartyFactory, RoundFactory, SourceFactory

pytestmark = pytest.mark.django_db


def _rejected(create) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_round_numbers_are_unique():
    round_ = RoundFactory(number=6)
    _rejected(
        lambda: Round.objects.create(
            negotiation=NegotiationFactory(), number=6, slug="other", city="Montreal", host_party=round_.host_party
        )
    )


def test_round_slugs_are_unique():
    round_ = RoundFactory(slug="round-6-montreal")
    _rejected(
        lambda: Round.objects.create(
            negotiation=NegotiationFactory(), number=99, slug="round-6-montreal", city="X", host_party=round_.host_party
        )
    )


def test_round_cannot_end_before_it_starts():
    party = PartyFactory()
    _rejected(
        lambda: Round.objects.create(
            negotiation=NegotiationFactory(),
            number=1,
            slug="r1",
            city="Washington",
            host_party=party,
            start_date=datetime.date(2017, 8, 20),
            end_date=datetime.date(2017, 8, 16),
        )
    )


def test_round_may_be_a_single_day_or_have_no_dates_yet():
    party = PartyFactory()
    Round.objects.create(
        negotiation=NegotiationFactory(),
        number=1,
        slug="r1",
        city="A",
        host_party=party,
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2018, 1, 1),
    )
    Round.objects.create(negotiation=NegotiationFactory(), number=2, slug="r2", city="B", host_party=party)
    assert Round.objects.count() == 2


def test_round_status_must_be_known():
    party = PartyFactory()
    _rejected(
        lambda: Round.objects.create(
            negotiation=NegotiationFactory(), number=1, slug="r1", city="A", host_party=party, status="postponed"
        )
    )


def test_official_slugs_are_unique_and_roles_known():
    Official.objects.create(name="Steve Verheul", slug="steve-verheul", title="Chief NAFTA negotiator")
    _rejected(lambda: Official.objects.create(name="Other", slug="steve-verheul", title="x"))
    _rejected(lambda: Official.objects.create(name="Other", slug="other", title="x", role="king"))


def test_party_iso_code_must_be_two_capital_letters():
    _rejected(lambda: PartyFactory(iso_code="us"))


def test_milestone_requires_a_source_and_a_known_kind():
    source = SourceFactory()
    _rejected(lambda: Milestone.objects.create(title="x", slug="x", date=datetime.date(2018, 5, 1)))
    _rejected(
        lambda: Milestone.objects.create(
            title="y", slug="y", date=datetime.date(2018, 5, 1), source=source, kind="party"
        )
    )
    _rejected(
        lambda: MilestoneFactory(date_precision="week"),
    )
