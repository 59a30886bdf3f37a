"""A request body's values have the JSON types the schema gives them; anything else is a 400 naming the field.

DRF would take 12 for "12" and "12" for 12; the schema promises strings and numbers,
and a value that cannot be a slug never reaches the database (PostgreSQL answers a NUL
character with an error, which was a 500).
"""

import pytest

from issues.models import Source, Statement
from tests.api.conftest import current
from tests.factories import IssueFactory, OfficialFactory, SourceFactory

pytestmark = pytest.mark.django_db


def attrs(response):
    assert response.status_code == 400, response.content
    return {error["attr"]: error["code"] for error in response.json()["errors"]}


@pytest.fixture
def statement_body():
    return {
        "speaker": OfficialFactory().slug,
        "text": "We are close",
        "date": "2018-03-28",
        "source": SourceFactory().pk,
    }


def test_a_number_where_a_string_belongs_is_refused(editor_api):
    response = editor_api.post("/api/v1/sources/", {"slug": 12, "title": "Twelve"}, format="json")
    assert attrs(response) == {"slug": "invalid"}
    assert not Source.objects.filter(slug="12").exists()


@pytest.mark.parametrize("field", ["text", "attribution", "context", "date_text"])
def test_a_number_for_statement_text_fields_is_refused(editor_api, statement_body, field):
    response = editor_api.post("/api/v1/statements/", {**statement_body, field: 2018}, format="json")
    assert attrs(response) == {field: "invalid"}
    assert not Statement.objects.exists()


def test_a_string_of_digits_where_an_id_belongs_is_refused(editor_api, statement_body):
    response = editor_api.post(
        "/api/v1/statements/", {**statement_body, "source": str(statement_body["source"])}, format="json"
    )
    assert attrs(response) == {"source": "incorrect_type"}
    assert not Statement.objects.exists()


def test_a_number_where_a_slug_belongs_is_refused(editor_api, statement_body):
    IssueFactory(slug="7")
    response = editor_api.post("/api/v1/statements/", {**statement_body, "issues": [7]}, format="json")
    assert attrs(response) == {"issues": "invalid"}
    assert not Statement.objects.exists()


@pytest.mark.parametrize("value", ["auto\x00rules", "a" * 1000, "rules of origin", "règles"])
def test_a_string_that_cannot_be_a_slug_names_no_object(editor_api, statement_body, value):
    response = editor_api.post("/api/v1/statements/", {**statement_body, "speaker": value}, format="json")
    assert attrs(response) == {"speaker": "does_not_exist"}
    assert not Statement.objects.exists()


def test_a_nul_character_in_text_is_refused(editor_api, statement_body):
    response = editor_api.post("/api/v1/statements/", {**statement_body, "text": "We are\x00 close"}, format="json")
    assert attrs(response) == {"text": "null_characters_not_allowed"}


def test_text_longer_than_its_column_is_refused_not_truncated_or_crashed(editor_api, statement_body):
    response = editor_api.post("/api/v1/statements/", {**statement_body, "occasion": "x" * 201}, format="json")
    assert attrs(response) == {"occasion": "max_length"}
    assert not Statement.objects.exists()


def test_an_empty_string_for_a_related_object_is_refused_not_read_as_null(editor_api, statement_body):
    """JSON says "no round" with null; DRF would take "" for it too, which the schema does not allow."""
    created = editor_api.post("/api/v1/statements/", {**statement_body, "round": None}, format="json")
    assert created.status_code == 201, created.content
    statement = Statement.objects.get()
    url = f"/api/v1/statements/{statement.pk}/"
    response = editor_api.patch(url, {"round": ""}, format="json", **current(editor_api, url))
    assert attrs(response) == {"round": "blank"}
    response = editor_api.patch(url, {"source": ""}, format="json", **current(editor_api, url))
    assert attrs(response) == {"source": "blank"}


def test_the_length_limit_counts_what_was_sent_not_what_remains_after_trimming(editor_api):
    source = SourceFactory()
    sent = "\x1c" + "x" * 100  # 101 characters; Python counts \x1c as whitespace and would trim it
    url = f"/api/v1/sources/{source.pk}/"
    response = editor_api.patch(url, {"dateline": sent}, format="json", **current(editor_api, url))
    assert attrs(response) == {"dateline": "max_length"}
    fits = editor_api.patch(url, {"dateline": sent[1:]}, format="json", **current(editor_api, url))
    assert fits.status_code == 200
