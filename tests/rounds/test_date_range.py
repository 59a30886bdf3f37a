"""Dates outside 1990-01-01..2100-12-31 are refused on every route: model, admin and import
(the API: tests/api/test_date_range.py)."""

import datetime

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.urls import reverse

from issues.models import Statement
from issues.resources import StatementResource
from rounds.dates import EARLIEST, LATEST
from tests.admin.helpers import errors_of
from tests.factories import (
    MilestoneFactory,
    OfficialFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
    StatusAssessmentFactory,
)

pytestmark = pytest.mark.django_db

MESSAGE = "Enter a date between 1990-01-01 and 2100-12-31."
TYPO = datetime.date(18, 3, 28)
DAY_AFTER = LATEST + datetime.timedelta(days=1)
DAY_BEFORE = EARLIEST - datetime.timedelta(days=1)

DATED = [
    (StatementFactory, "date"),
    (StatusAssessmentFactory, "date"),
    (PositionFactory, "date"),
    (MilestoneFactory, "date"),
    (RoundFactory, "start_date"),
    (RoundFactory, "end_date"),
    (SourceFactory, "published_on"),
]


@pytest.mark.parametrize(("factory", "field"), DATED)
@pytest.mark.parametrize("day", [TYPO, DAY_BEFORE, DAY_AFTER, datetime.date(9999, 12, 31)])
def test_every_date_field_refuses_a_date_outside_the_range_naming_it(factory, field, day):
    row = factory.build()
    setattr(row, field, day)
    if field == "start_date":
        row.end_date = None
    if field == "end_date":
        row.start_date = None
    with pytest.raises(ValidationError) as refused:
        row.clean_fields(exclude=[f.name for f in row._meta.fields if f.name != field])
    assert refused.value.message_dict == {field: [MESSAGE]}


@pytest.mark.parametrize("day", [EARLIEST, LATEST])
def test_the_ends_of_the_range_are_accepted(day):
    row = RoundFactory.build(start_date=day, end_date=day)
    row.clean_fields(exclude=["negotiation", "host_party", "source"])


def test_the_admin_refuses_a_typo_year_on_the_date_field(client, editor):
    client.force_login(editor)
    form = {
        "source": str(SourceFactory().pk),
        "kind": "quote",
        "text": "Typo year",
        "tone": "neutral",
        "speaker": str(OfficialFactory().pk),
        "date": "0018-01-29",
        "date_precision": "day",
    }
    response = client.post(reverse("admin:issues_statement_add"), form)
    assert errors_of(response) == {"date": [MESSAGE]}
    assert not Statement.objects.exists()


def test_an_import_refuses_a_typo_year_on_its_row(db):
    speaker, source = OfficialFactory(), SourceFactory()
    dataset = tablib.Dataset(headers=["speaker", "text", "date", "source", "kind", "tone"])
    dataset.append([speaker.slug, "Typo year", "0018-03-28", source.slug, "quote", "neutral"])
    result = StatementResource().import_data(dataset, dry_run=False)
    assert result.has_validation_errors()
    assert result.invalid_rows[0].field_specific_errors == {"date": [MESSAGE]}
    assert not Statement.objects.exists()
