"""The round of a statement is suggested from its date when the date falls inside a round."""

import datetime

import pytest

from issues import services
from issues.models import Statement
from tests.factories import RoundFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db

MONTREAL = {"start_date": datetime.date(2018, 1, 23), "end_date": datetime.date(2018, 1, 29)}


def test_a_date_inside_a_round_suggests_that_round():
    montreal = RoundFactory(**MONTREAL)
    assert services.suggest_round(date=datetime.date(2018, 1, 29)) == montreal
    assert services.suggest_round(date=datetime.date(2018, 1, 23), date_precision="approximate") == montreal


def test_a_date_between_rounds_suggests_nothing():
    RoundFactory(**MONTREAL)
    assert services.suggest_round(date=datetime.date(2018, 1, 30)) is None
    assert services.suggest_round(date=None) is None


def test_a_month_only_date_is_too_vague_to_choose_a_round():
    RoundFactory(**MONTREAL)
    assert services.suggest_round(date=datetime.date(2018, 1, 1), date_precision="month") is None


def test_a_cancelled_round_is_never_suggested():
    RoundFactory(**MONTREAL, status="cancelled")
    assert services.suggest_round(date=datetime.date(2018, 1, 25)) is None


def test_filling_keeps_a_round_the_editor_chose():
    montreal = RoundFactory(**MONTREAL)
    other = RoundFactory()
    statement = Statement(date=datetime.date(2018, 1, 25), round=other)
    assert services.fill_round_from_date(statement) is None
    assert statement.round == other

    empty = Statement(date=datetime.date(2018, 1, 25))
    assert services.fill_round_from_date(empty) == montreal
    assert empty.round == montreal


def test_publishing_a_source_publishes_its_drafts_and_nothing_else():
    source, other = SourceFactory(), SourceFactory()
    drafts = StatementFactory.create_batch(2, source=source, state="draft", published_at=None)
    elsewhere = StatementFactory(source=other, state="draft", published_at=None)

    assert services.publish_from_sources(sources=[source]) == 2
    assert all(Statement.objects.get(pk=s.pk).is_published for s in drafts)
    assert not Statement.objects.get(pk=elsewhere.pk).is_published
