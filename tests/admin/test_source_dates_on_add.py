"""On the add-source page, the source is not saved yet: its facts are checked against the
publication date typed in the same form ("a source cannot report what happened after it
was published"), as they are once it is saved."""

import pytest
from django.urls import reverse

from issues.models import Position, Source, Statement
from tests.admin.helpers import errors_of
from tests.admin.test_source_first_entry import ADD_SOURCE, people, three_quotes_and_a_position  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_statement_dated_after_the_typed_publication_date_is_refused_on_its_date(client, editor, people):  # noqa: F811
    client.force_login(editor)
    data = three_quotes_and_a_position(people)
    data["published_on"] = "2018-03-05"
    data["statements-1-date"] = "2018-03-06"
    response = client.post(reverse(ADD_SOURCE), data)

    assert response.status_code == 200
    errors = errors_of(response)
    assert list(errors) == ["statements-1-date"], errors
    assert "after the source's publication date (2018-03-05)" in errors["statements-1-date"][0]
    assert not Source.objects.filter(slug="reuters-nafta-round-seven").exists()
    assert not Statement.objects.filter(text="We are running out of time.").exists()


def test_a_position_dated_after_the_typed_publication_date_is_refused_on_its_date(client, editor, people):  # noqa: F811
    client.force_login(editor)
    data = three_quotes_and_a_position(people)
    data["positions-0-date"] = "2018-03-09"
    response = client.post(reverse(ADD_SOURCE), data)

    errors = errors_of(response)
    assert list(errors) == ["positions-0-date"], errors
    assert "after the source's publication date (2018-03-05)" in errors["positions-0-date"][0]
    assert (
        not Position.objects.exists() or not Position.objects.filter(summary__startswith="Raise the regional").exists()
    )


def test_facts_dated_on_the_typed_publication_date_are_accepted(client, editor, people):  # noqa: F811
    client.force_login(editor)
    response = client.post(reverse(ADD_SOURCE), three_quotes_and_a_position(people))
    assert response.status_code == 302, errors_of(response)
    assert Statement.objects.filter(source__slug="reuters-nafta-round-seven").count() == 3
