"""Writes through the service layer: the rules the admin and the API share."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from issues import services
from issues.models import PublicationState, Statement
from tests.factories import IssueFactory, OfficialFactory, RoundFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db

MONTREAL = dict(start_date=datetime.date(2018, 1, 23), end_date=datetime.date(2018, 1, 29))


def test_new_statements_start_as_drafts_and_publishing_stamps_the_time():
    statement = services.statement_create(
        speaker=OfficialFactory(),
        text="We are progressing very slowly",
        date=datetime.date(2018, 1, 29),
        source=SourceFactory(),
        issues=[IssueFactory()],
    )
    assert statement.state == PublicationState.DRAFT
    assert not Statement.objects.published().exists()

    services.publish(statement)
    statement.refresh_from_db()
    assert statement.state == PublicationState.PUBLISHED
    assert statement.published_at is not None
    assert list(Statement.objects.published()) == [statement]


def test_unpublish_hides_a_statement_again():
    statement = StatementFactory()
    services.unpublish(statement)
    assert not Statement.objects.published().exists()


def test_statement_date_must_fall_inside_its_round():
    montreal = RoundFactory(**MONTREAL)
    with pytest.raises(ValidationError) as excinfo:
        services.statement_create(
            speaker=OfficialFactory(), text="x", date=datetime.date(2018, 3, 28), round=montreal, source=SourceFactory()
        )
    assert "round" in excinfo.value.message_dict
    assert not Statement.objects.exists()


def test_month_precision_only_needs_to_overlap_the_round():
    montreal = RoundFactory(**MONTREAL)
    statement = services.statement_create(
        speaker=OfficialFactory(),
        text="x",
        date=datetime.date(2018, 1, 1),
        date_precision="month",
        round=montreal,
        source=SourceFactory(),
    )
    assert statement.round == montreal


def test_blank_text_is_a_field_error_not_a_crash():
    with pytest.raises(ValidationError) as excinfo:
        services.statement_create(
            speaker=OfficialFactory(), text="  ", date=datetime.date(2018, 1, 1), source=SourceFactory()
        )
    assert "text" in excinfo.value.message_dict


def test_unnamed_speaker_without_attribution_is_a_field_error():
    with pytest.raises(ValidationError) as excinfo:
        services.statement_create(
            text="Talks advanced slowly.", date=datetime.date(2018, 1, 29), source=SourceFactory()
        )
    assert "attribution" in excinfo.value.message_dict


def test_the_same_words_from_the_same_speaker_are_refused_as_a_duplicate():
    existing = StatementFactory(text="We have a short window because of elections")
    with pytest.raises(ValidationError) as excinfo:
        services.statement_create(
            speaker=existing.speaker,
            text="We have a  short window because of elections ",
            date=datetime.date(2018, 3, 28),
            source=SourceFactory(),
        )
    [error] = excinfo.value.error_dict["text"]
    assert error.code == "duplicate"
    assert error.params["pk"] == existing.pk


def test_the_same_words_from_another_speaker_are_not_a_duplicate():
    existing = StatementFactory(text="We are hopeful")
    other = services.statement_create(
        speaker=OfficialFactory(), text=existing.text, date=datetime.date(2018, 3, 28), source=SourceFactory()
    )
    assert other.pk != existing.pk


def test_updating_a_statement_keeps_it_valid_and_its_issues_unless_given():
    issue = IssueFactory()
    statement = StatementFactory(issues=[issue])
    services.statement_update(statement=statement, tone="critical")
    statement.refresh_from_db()
    assert statement.tone == "critical"
    assert list(statement.issues.all()) == [issue]


def test_publish_many_is_all_or_nothing():
    good = StatementFactory(state="draft", published_at=None)
    bad = StatementFactory(state="draft", published_at=None)
    # Make `bad` invalid behind the service's back: its date no longer matches its round.
    Statement.objects.filter(pk=bad.pk).update(round=RoundFactory(**MONTREAL))
    bad.refresh_from_db()
    with pytest.raises(ValidationError):
        services.publish_many([good, bad])
    assert not Statement.objects.published().exists()


def test_assessment_at_a_round_defaults_to_the_round_last_day():
    montreal = RoundFactory(**MONTREAL)
    assessment = services.status_assessment_create(
        issue=IssueFactory(), status="far_apart", round=montreal, source=SourceFactory(), date=None
    )
    assert assessment.date == datetime.date(2018, 1, 29)
