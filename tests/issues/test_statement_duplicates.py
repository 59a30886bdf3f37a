"""A statement's duplicate is found by an indexed key, not by scanning the speaker's words.

The old rule (a case-insensitive substring scan of the speaker's statements, twice per row)
cost about 45 ms a row in an import: a 2,000-row preview outlasted gunicorn's 30 s. The rule
itself is unchanged: same speaker (or the same attribution, any case), same words, whitespace
and case aside.
"""

import pytest
from django.core.exceptions import ValidationError

from issues.models import Statement
from tests.factories import OfficialFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_saving_a_statement_stores_its_duplicate_key():
    statement = StatementFactory(text="  We are  running out of time. ")
    assert statement.duplicate_hash == statement.compute_duplicate_hash() != ""
    stored = Statement.objects.get(pk=statement.pk)
    assert Statement.objects.filter(duplicate_hash=stored.duplicate_hash).get() == statement


def test_the_same_words_in_other_spacing_and_case_are_a_duplicate():
    original = StatementFactory(text="We are running out of time.")
    again = StatementFactory.build(
        speaker=original.speaker, source=original.source, text="we are RUNNING\nout of time."
    )
    assert again.find_duplicate() == original
    with pytest.raises(ValidationError) as error:
        again.full_clean()
    assert f"already recorded as statement #{original.pk}" in str(error.value)


def test_the_same_words_from_another_speaker_are_not_a_duplicate():
    original = StatementFactory(text="We are running out of time.")
    other = StatementFactory.build(speaker=OfficialFactory(), source=original.source, text=original.text)
    assert other.find_duplicate() is None


def test_unnamed_speakers_match_on_the_attribution_whatever_its_case():
    original = StatementFactory(speaker=None, attribution="A US trade official", text="No deal this week.")
    same = StatementFactory.build(speaker=None, attribution="a us trade official ", text="No deal this week.")
    other = StatementFactory.build(speaker=None, attribution="A Canadian official", text="No deal this week.")
    assert same.find_duplicate() == original
    assert other.find_duplicate() is None


def test_a_statement_is_not_its_own_duplicate_and_an_edit_updates_the_key():
    statement = StatementFactory(text="We are running out of time.")
    assert statement.find_duplicate() is None
    statement.text = "We have time."
    statement.save(update_fields=["text"])
    statement.refresh_from_db()
    assert statement.duplicate_hash == statement.compute_duplicate_hash()


def test_finding_a_duplicate_is_one_query_however_many_statements_the_speaker_has(django_assert_num_queries):
    original = StatementFactory(text="The first of many.")
    for n in range(30):
        StatementFactory(speaker=original.speaker, source=original.source, text=f"Words number {n}.")
    again = StatementFactory.build(speaker=original.speaker, source=original.source, text="THE first of many.")
    with django_assert_num_queries(1):  # the duplicate key, looked up in its index
        assert again.find_duplicate() == original
