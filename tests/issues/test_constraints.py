"""Statements, positions, assessments and sources: what the database refuses."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from issues.models import Position, PublicationState, Source, Statement, StatusAssessment
from tests.factories import (
    IssueFactory,
    NegotiationFactory,
    OfficialFactory,
    PartyFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2018, 3, 28)


def _rejected(create) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_statement_without_a_source_is_refused():
    speaker = OfficialFactory()
    _rejected(
        lambda: Statement.objects.create(
            negotiation=NegotiationFactory(), speaker=speaker, text="We are hopeful.", date=DAY
        )
    )


def test_statement_text_cannot_be_blank_or_whitespace():
    speaker, source = OfficialFactory(), SourceFactory()
    _rejected(
        lambda: Statement.objects.create(
            negotiation=NegotiationFactory(), speaker=speaker, text="", date=DAY, source=source
        )
    )
    _rejected(
        lambda: Statement.objects.create(
            negotiation=NegotiationFactory(), speaker=speaker, text="   ", date=DAY, source=source
        )
    )


def test_unnamed_speaker_needs_the_attribution_as_printed():
    source = SourceFactory()
    _rejected(
        lambda: Statement.objects.create(
            negotiation=NegotiationFactory(), text="Talks advanced slowly.", date=DAY, source=source
        )
    )
    Statement.objects.create(
        negotiation=NegotiationFactory(),
        text="Talks advanced slowly.",
        attribution="a US trade official",
        date=DAY,
        source=source,
    )


@pytest.mark.parametrize(
    "field, value",
    [("kind", "paraphrase"), ("tone", "angry"), ("state", "archived"), ("date_precision", "week")],
)
def test_statement_vocabularies_are_enforced(field, value):
    speaker, source = OfficialFactory(), SourceFactory()
    _rejected(
        lambda: Statement.objects.create(
            negotiation=NegotiationFactory(), speaker=speaker, text="x", date=DAY, source=source, **{field: value}
        )
    )


def test_published_statement_must_carry_its_publication_time():
    speaker, source = OfficialFactory(), SourceFactory()
    _rejected(
        lambda: Statement.objects.create(
            negotiation=NegotiationFactory(),
            speaker=speaker,
            text="x",
            date=DAY,
            source=source,
            state=PublicationState.PUBLISHED,
        )
    )


def test_position_requires_source_and_known_kind():
    issue, party, source = IssueFactory(), PartyFactory(), SourceFactory()
    _rejected(lambda: Position.objects.create(issue=issue, party=party, kind="proposal", summary="x", date=DAY))
    _rejected(
        lambda: Position.objects.create(issue=issue, party=party, kind="threat", summary="x", date=DAY, source=source)
    )
    _rejected(
        lambda: Position.objects.create(issue=issue, party=party, kind="proposal", summary=" ", date=DAY, source=source)
    )


def test_status_assessment_requires_source_and_known_status():
    issue, source = IssueFactory(), SourceFactory()
    _rejected(lambda: StatusAssessment.objects.create(issue=issue, status="far_apart", date=DAY))
    _rejected(lambda: StatusAssessment.objects.create(issue=issue, status="stalled", date=DAY, source=source))


def test_issue_slugs_are_unique():
    IssueFactory(slug="sunset-clause")
    _rejected(lambda: IssueFactory(slug="sunset-clause"))


def test_source_must_be_identifiable_and_its_url_http():
    _rejected(lambda: Source.objects.create(slug="empty", outlet="AFP"))
    _rejected(lambda: Source.objects.create(slug="ftp", url="ftp://example.com/article"))
    Source.objects.create(slug="ok", outlet="AFP", description="Report on the Montreal round")


def test_two_sources_cannot_share_a_url_but_many_can_have_none():
    Source.objects.create(slug="a", url="https://example.com/a")
    _rejected(lambda: Source.objects.create(slug="b", url="https://example.com/a"))
    Source.objects.create(slug="c", title="No URL one")
    Source.objects.create(slug="d", title="No URL two")
