"""Status history is a log: a published entry is corrected, never rewritten in place."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from issues import selectors, services
from issues.models import Issue, PublicationState, StatusAssessment
from tests.factories import RoundFactory, StatusAssessmentFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def test_a_published_entry_cannot_be_changed_in_place():
    entry = StatusAssessmentFactory(status="under_discussion")

    with pytest.raises(ValidationError) as refused:
        services.status_assessment_update(assessment=entry, status="agreed")

    assert "correction" in " ".join(refused.value.message_dict["status"])
    assert refused.value.error_dict["status"][0].code == "published"
    assert StatusAssessment.objects.get(pk=entry.pk).status == "under_discussion"


def test_a_draft_stays_editable():
    entry = StatusAssessmentFactory(status="under_discussion", state=PublicationState.DRAFT, published_at=None)

    services.status_assessment_update(assessment=entry, status="agreed", note="Closed")

    entry.refresh_from_db()
    assert (entry.status, entry.note) == ("agreed", "Closed")


def test_a_published_entry_can_still_be_taken_back_to_draft():
    entry = StatusAssessmentFactory()

    services.unpublish(entry)
    services.status_assessment_update(assessment=entry, publish=False)

    assert StatusAssessment.objects.get(pk=entry.pk).state == PublicationState.DRAFT


def test_a_correction_keeps_the_old_entry_and_becomes_the_current_status(editor):
    entry = StatusAssessmentFactory(status="under_discussion", date=D(2018, 1, 29))

    correction = services.status_assessment_correct(
        assessment=entry, reason="The source said agreed, not under discussion.", user=editor, status="agreed"
    )

    old = StatusAssessment.objects.get(pk=entry.pk)
    assert (old.status, old.state) == ("under_discussion", PublicationState.PUBLISHED)
    assert old.is_superseded
    assert (correction.status, correction.state, correction.corrects_id) == ("agreed", "published", entry.pk)
    assert (correction.issue_id, correction.source_id, correction.date) == (entry.issue_id, entry.source_id, entry.date)
    assert correction.correction_reason == "The source said agreed, not under discussion."
    assert correction.history.earliest().history_user == editor
    assert Issue.objects.with_current_status().get(pk=entry.issue_id).current_status_code == "agreed"
    assert Issue.objects.get(pk=entry.issue_id).current_status == "agreed"
    assert list(StatusAssessment.objects.current()) == [correction]


def test_a_corrected_entry_no_longer_counts_for_the_status_on_a_day():
    entry = StatusAssessmentFactory(status="far_apart", date=D(2018, 1, 29))
    services.status_assessment_correct(assessment=entry, reason="Wrong day", date=D(2018, 3, 5))

    on_feb = Issue.objects.with_status_as_of(D(2018, 2, 1)).get(pk=entry.issue_id)
    on_march = Issue.objects.with_status_as_of(D(2018, 3, 6)).get(pk=entry.issue_id)

    assert on_feb.current_status_code is None
    assert on_march.current_status_code == "far_apart"
    assert selectors.issue_board(D(2018, 2, 1))[1] == []


def test_a_round_counts_a_corrected_assessment_once():
    round_ = RoundFactory(start_date=D(2018, 1, 23), end_date=D(2018, 1, 29))
    entry = StatusAssessmentFactory(status="far_apart", date=D(2018, 1, 29), round=round_)
    services.status_assessment_correct(assessment=entry, reason="Misread", status="progressing")

    counted = selectors.rounds_with_statement_counts(type(round_).objects.filter(pk=round_.pk)).get()
    outcome = selectors.round_outcome(round_, statements=5)

    assert counted.assessment_count == 1
    assert [a.status for a in outcome.assessments] == ["progressing"]


def test_a_correction_needs_a_reason():
    entry = StatusAssessmentFactory(status="far_apart")

    with pytest.raises(ValidationError) as refused:
        services.status_assessment_correct(assessment=entry, reason="  ", status="agreed")

    assert "correction_reason" in refused.value.message_dict
    assert not StatusAssessment.objects.filter(corrects=entry).exists()


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        ({"state": PublicationState.DRAFT, "published_at": None}, "draft"),
        ({}, "unchanged"),
    ],
)
def test_a_correction_is_refused_for_a_draft_or_when_nothing_changes(setup, code):
    entry = StatusAssessmentFactory(status="far_apart", **setup)

    with pytest.raises(ValidationError) as refused:
        services.status_assessment_correct(assessment=entry, reason="Why not", status="far_apart")

    assert refused.value.error_dict["__all__"][0].code == code


def test_an_entry_is_corrected_once_and_its_correction_may_be_corrected_in_turn():
    entry = StatusAssessmentFactory(status="far_apart")
    first = services.status_assessment_correct(assessment=entry, reason="Misread", status="progressing")

    with pytest.raises(ValidationError) as refused:
        services.status_assessment_correct(assessment=entry, reason="Again", status="agreed")
    second = services.status_assessment_correct(assessment=first, reason="Misread again", status="agreed")

    assert refused.value.error_dict["__all__"][0].code == "superseded"
    assert list(StatusAssessment.objects.current()) == [second]
    assert StatusAssessment.objects.published().count() == 3


def test_a_correction_is_itself_a_published_entry_and_frozen():
    entry = StatusAssessmentFactory(status="far_apart")
    correction = services.status_assessment_correct(assessment=entry, reason="Misread", status="progressing")

    with pytest.raises(ValidationError):
        services.status_assessment_update(assessment=correction, correction_reason="Something else")


def test_withdrawing_a_correction_brings_the_corrected_entry_back():
    entry = StatusAssessmentFactory(status="far_apart")
    correction = services.status_assessment_correct(assessment=entry, reason="Misread", status="progressing")

    services.unpublish(correction)

    assert list(StatusAssessment.objects.current()) == [entry]
