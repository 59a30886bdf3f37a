"""Statements carry the language of their words and their translations, which are never the words said."""

import datetime

import pytest

from issues import services
from issues.models import PublicationState, Statement, StatementTranslation
from tests.api.conftest import current
from tests.factories import OfficialFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


def _translate(statement: Statement, language: str, text: str, note: str = "") -> None:
    services.statement_translation_save(
        translation=StatementTranslation(statement=statement), language=language, text=text, note=note
    )


def test_a_statement_lists_its_language_and_its_translations(api):
    statement = StatementFactory(text="Nous avançons", language="fr")
    _translate(statement, "en", "We are moving forward", "our translation")
    _translate(statement, "es", "Avanzamos", "the source's translation")
    body = api.get(f"/api/v1/statements/{statement.pk}/").json()
    assert body["text"] == "Nous avançons"
    assert body["language"] == "fr"
    assert body["translations"] == [
        {"language": "en", "text": "We are moving forward", "note": "our translation"},
        {"language": "es", "text": "Avanzamos", "note": "the source's translation"},
    ]
    listed = api.get("/api/v1/statements/").json()["results"][0]
    assert (listed["language"], listed["translations"]) == ("fr", body["translations"])


def test_an_english_statement_without_translations_says_so(api):
    statement = StatementFactory()
    body = api.get(f"/api/v1/statements/{statement.pk}/").json()
    assert (body["language"], body["translations"]) == ("en", [])


@pytest.mark.parametrize("rows", [3, 30])
def test_the_list_costs_the_same_queries_with_many_translations(api, rows, django_assert_num_queries):
    for i in range(rows):
        statement = StatementFactory(text=f"Nous avançons {i}", language="fr", date=datetime.date(2018, 3, 1))
        _translate(statement, "en", f"We are moving forward {i}")
        _translate(statement, "es", f"Avanzamos {i}")
    # ETag, count, page + speaker + party + round + source, issues, translations
    with django_assert_num_queries(5):
        response = api.get("/api/v1/statements/?page_size=100")
    assert all(len(row["translations"]) == 2 for row in response.json()["results"])


def test_an_editor_records_the_language_of_the_words(editor_api):
    body = {
        "speaker": OfficialFactory().slug,
        "text": "Nos plantearon 54 elementos",
        "language": "es",
        "date": "2018-03-28",
        "source": SourceFactory().pk,
    }
    response = editor_api.post("/api/v1/statements/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["language"] == "es"
    assert Statement.objects.get().language == "es"


def test_an_unknown_language_is_a_400(editor_api):
    body = {"speaker": OfficialFactory().slug, "text": "Words", "language": "de", "source": SourceFactory().pk}
    body["date"] = "2018-03-28"
    response = editor_api.post("/api/v1/statements/", body, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "language"


def test_the_words_cannot_be_in_the_language_of_a_translation_400(editor_api):
    statement = StatementFactory(text="Nous avançons", language="fr")
    _translate(statement, "en", "We are moving forward")
    url = f"/api/v1/statements/{statement.pk}/"
    response = editor_api.patch(url, {"language": "en"}, format="json", **current(editor_api, url))
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert (error["attr"], error["code"]) == ("language", "translated_into_own_language")
    statement.refresh_from_db()
    assert statement.language == "fr"


def test_a_translation_changes_the_statements_etag(api):
    statement = StatementFactory(text="Nous avançons", language="fr")
    url = f"/api/v1/statements/{statement.pk}/"
    etag = api.get(url)["ETag"]
    _translate(statement, "en", "We are moving forward")
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_drafts_translations_are_not_public(api, editor_api):
    draft = StatementFactory(text="Nous avançons", language="fr", state=PublicationState.DRAFT, published_at=None)
    _translate(draft, "en", "We are moving forward")
    assert api.get(f"/api/v1/statements/{draft.pk}/").status_code == 404
    assert "moving forward" not in api.get("/api/v1/statements/").content.decode()
    # Editors see the draft with its translation.
    assert editor_api.get(f"/api/v1/statements/{draft.pk}/").json()["translations"][0]["language"] == "en"
