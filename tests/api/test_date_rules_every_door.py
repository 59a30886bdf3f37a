"""Dates that cannot be true are refused the same way at every door: admin, API, import, revert.

Two rules (``rounds.dates.check_reported_date``, run by the models' ``clean()``, which
``issues.services.fact_save`` applies for every door): what was said, proposed or assessed
has happened, so it is not dated in the future; and a statement or a position is not dated
after the publication of the source that reports it. Each door answers with an error on
``date`` that says which rule, and writes nothing.
"""

import datetime

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.urls import reverse

from issues import services
from issues.models import Position, Statement, StatusAssessment
from issues.resources import StatementResource
from tests.admin.helpers import errors_of, form_data
from tests.factories import IssueFactory, OfficialFactory, PartyFactory, SourceFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2018, 6, 1)
FUTURE = "2031-05-05"
WORDS = "Words from a day that has not come"


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    """Today is 1 June 2018 wherever it is latest, so "the future" is anything after it."""
    monkeypatch.setattr("rounds.dates.latest_today", lambda: TODAY)


@pytest.fixture
def source():
    """An article published on 2 April 2018."""
    return SourceFactory(slug="wire-2018-04-02", published_on=datetime.date(2018, 4, 2))


def statement_form(source, official, date):
    return {
        "source": str(source.pk), "kind": "quote", "text": WORDS, "context": "", "tone": "neutral",
        "speaker": str(official.pk), "attribution": "", "attributed_party": "", "date": date,
        "date_precision": "day", "date_text": "", "round": "", "occasion": "",
    }  # fmt: skip


# --------------------------------------------------------------------------- the rules, said once


def test_a_statement_dated_in_the_future_is_refused_naming_the_rule(source):
    with pytest.raises(ValidationError) as refused:
        services.statement_create(speaker=OfficialFactory(), text=WORDS, date=datetime.date(2031, 5, 5), source=source)
    errors = refused.value.message_dict
    assert list(errors) == ["date"]
    assert "2031-05-05 is in the future" in errors["date"][0]
    assert not Statement.objects.filter(text=WORDS).exists()


def test_a_statement_dated_after_its_source_was_published_is_refused(source):
    with pytest.raises(ValidationError) as refused:
        services.statement_create(speaker=OfficialFactory(), text=WORDS, date=datetime.date(2018, 4, 3), source=source)
    assert "after the source's publication date (2018-04-02)" in refused.value.message_dict["date"][0]


def test_the_day_the_source_was_published_and_a_source_without_a_date_are_fine(source):
    on_the_day = services.statement_create(
        speaker=OfficialFactory(), text="Said that morning", date=datetime.date(2018, 4, 2), source=source
    )
    undated = services.statement_create(
        speaker=OfficialFactory(), text="Said some day", date=datetime.date(2018, 5, 30), source=SourceFactory()
    )
    assert on_the_day.pk and undated.pk


def test_a_month_only_date_passes_in_the_month_the_source_was_published(source):
    """Stored as the 1st of the month, it claims no day after the source's."""
    statement = services.statement_create(
        speaker=OfficialFactory(), text="Said in April", date=datetime.date(2018, 4, 1), date_precision="month",
        source=source,
    )  # fmt: skip
    assert statement.pk


def test_a_position_obeys_both_rules(source):
    values = {"issue": IssueFactory(), "party": PartyFactory(), "kind": "demand", "summary": "Sunset clause"}
    with pytest.raises(ValidationError) as late:
        services.position_create(**values, date=datetime.date(2018, 4, 9), source=source)
    with pytest.raises(ValidationError) as future:
        services.position_create(**values, date=datetime.date(2031, 5, 5), source=SourceFactory())
    assert "after the source's publication date" in late.value.message_dict["date"][0]
    assert "is in the future" in future.value.message_dict["date"][0]
    assert not Position.objects.exists()


def test_a_status_assessment_may_follow_its_sources_but_not_today(source):
    """An assessment is our judgement from the reports, so it may be dated after them; not ahead of today."""
    issue = IssueFactory()
    later = services.status_assessment_create(issue=issue, status="far_apart", date=datetime.date(2018, 5, 1),
                                              source=source)  # fmt: skip
    with pytest.raises(ValidationError) as future:
        services.status_assessment_create(issue=issue, status="agreed", date=datetime.date(2031, 5, 5), source=source)
    assert later.pk
    assert "is in the future" in future.value.message_dict["date"][0]
    assert StatusAssessment.objects.count() == 1


# --------------------------------------------------------------------------- every door, the same answer


@pytest.mark.parametrize(
    ("date", "words"),
    [(FUTURE, "is in the future"), ("2018-04-03", "after the source's publication date (2018-04-02)")],
)
def test_the_admin_shows_it_on_the_date_field(client, editor, source, date, words):
    client.force_login(editor)
    response = client.post(reverse("admin:issues_statement_add"), statement_form(source, OfficialFactory(), date))
    assert response.status_code == 200
    assert words in " ".join(errors_of(response)["date"])
    assert not Statement.objects.filter(text=WORDS).exists()


def test_the_admin_shows_it_on_the_row_of_a_statement_entered_under_its_source(client, editor, source):
    client.force_login(editor)
    url = reverse("admin:rounds_source_change", args=[source.pk])
    data = form_data(client.get(url))
    data |= {
        "statements-0-speaker": str(OfficialFactory().pk), "statements-0-text": WORDS, "statements-0-kind": "quote",
        "statements-0-tone": "neutral", "statements-0-date": FUTURE, "statements-0-date_precision": "day",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 200
    assert "is in the future" in " ".join(errors_of(response)["statements-0-date"])
    assert not Statement.objects.filter(text=WORDS).exists()


@pytest.mark.parametrize(("date", "code"), [(FUTURE, "date_in_future"), ("2018-04-03", "date_after_source")])
def test_the_api_answers_400_on_the_date_attribute(editor_api, source, date, code):
    response = editor_api.post(
        "/api/v1/statements/",
        {"speaker": OfficialFactory().slug, "text": WORDS, "date": date, "source": source.pk},
        format="json",
    )
    assert response.status_code == 400
    assert [(error["attr"], error["code"]) for error in response.json()["errors"]] == [("date", code)]
    assert not Statement.objects.filter(text=WORDS).exists()


@pytest.mark.parametrize(
    ("date", "words"),
    [(FUTURE, "is in the future"), ("2018-04-03", "after the source's publication date (2018-04-02)")],
)
def test_the_import_reports_it_on_the_row_and_column(source, date, words):
    dataset = tablib.Dataset(headers=["source", "speaker", "text", "date"])
    dataset.append([source.slug, OfficialFactory().slug, WORDS, date])
    result = StatementResource().import_data(dataset, dry_run=False)
    assert result.has_validation_errors()
    errors = result.invalid_rows[0].error_dict
    assert list(errors) == ["date"] and words in errors["date"][0]
    assert not Statement.objects.filter(text=WORDS).exists()


def test_a_bad_date_in_the_import_names_the_format(source):
    dataset = tablib.Dataset(headers=["source", "speaker", "text", "date"])
    dataset.append([source.slug, OfficialFactory().slug, WORDS, "05/03/2018"])
    result = StatementResource().import_data(dataset, dry_run=False)
    [message] = result.invalid_rows[0].error_dict["date"]
    assert message == "“05/03/2018” is not a date: write it as YYYY-MM-DD, e.g. 2018-01-29."


def test_a_revert_to_a_version_with_an_impossible_date_is_refused(client, editor, source):
    """A version written before the rule (or by SQL) does not come back through a revert."""
    statement = services.statement_create(
        speaker=OfficialFactory(), text=WORDS, date=datetime.date(2018, 3, 28), source=source
    )
    Statement.objects.filter(pk=statement.pk).update(date=datetime.date(2031, 5, 5))
    statement.refresh_from_db()
    statement.text = "Words from the right day"
    statement.save()  # a version with the bad date, then the fix
    Statement.objects.filter(pk=statement.pk).update(date=datetime.date(2018, 3, 28))
    bad = statement.history.order_by("history_date").last()
    assert bad.date == datetime.date(2031, 5, 5)
    client.force_login(editor)
    url = reverse("admin:issues_statement_simple_history", args=[statement.pk, bad.history_id])

    response = client.post(url, form_data(client.get(url)))

    assert response.status_code == 200
    assert "is in the future" in " ".join(errors_of(response)["date"])
    statement.refresh_from_db()
    assert statement.date == datetime.date(2018, 3, 28)
