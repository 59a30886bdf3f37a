"""The API answers in the language the client asks for, says which, and names the fields
that fell back to English; writes always set the English record."""

import pytest

from issues.models import Position
from tests.factories import IssueFactory, PositionFactory, StatusAssessmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue():
    issue = IssueFactory(
        title="Rules of origin",
        title_fr="Règles d’origine",
        slug="rules-of-origin",
        description="How much of a car must be made in the region.",
    )
    StatusAssessmentFactory(issue=issue, note="Far apart.", note_fr="Loin.")
    PositionFactory(issue=issue, summary="Wants 85%.")
    return issue


def test_accept_language_french_returns_french_texts_and_names_the_fallbacks(client, issue):
    response = client.get("/api/v1/issues/rules-of-origin/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert response["Content-Language"] == "fr"
    assert "Accept-Language" in response["Vary"]
    body = response.json()
    assert body["title"] == "Règles d’origine"
    assert body["description"] == "How much of a car must be made in the region."
    assert body["fallbacks"] == ["description"]
    assert body["status_history"][0]["note"] == "Loin."
    assert body["status_history"][0]["fallbacks"] == []
    assert body["positions"][0]["fallbacks"] == ["summary"]


def test_without_accept_language_the_api_answers_in_english_with_no_fallbacks(client, issue):
    response = client.get("/api/v1/issues/rules-of-origin/")
    assert response["Content-Language"] == "en"
    body = response.json()
    assert body["title"] == "Rules of origin"
    assert body["fallbacks"] == []


def test_the_list_cache_never_answers_in_the_wrong_language(client, issue, settings):
    from django.core.cache import cache

    settings.RESPONSE_CACHE_SECONDS = 600
    cache.clear()
    for _ in range(2):  # the second round may come from the cache
        english = client.get("/api/v1/issues/").json()
        french = client.get("/api/v1/issues/", HTTP_ACCEPT_LANGUAGE="fr").json()
        assert english["results"][0]["title"] == "Rules of origin"
        assert french["results"][0]["title"] == "Règles d’origine"


def test_the_etag_differs_by_language(client, issue):
    english = client.get("/api/v1/issues/rules-of-origin/")
    french = client.get("/api/v1/issues/rules-of-origin/", HTTP_ACCEPT_LANGUAGE="fr")
    assert english["ETag"] != french["ETag"]
    again = client.get("/api/v1/issues/rules-of-origin/", HTTP_ACCEPT_LANGUAGE="fr", HTTP_IF_NONE_MATCH=english["ETag"])
    assert again.status_code == 200  # an English copy is not a current French one


def test_the_schema_documents_fallbacks(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    issue = schema["components"]["schemas"]["Issue"]
    assert issue["properties"]["fallbacks"]["type"] == "array"
    assert "fallbacks" in issue["required"]


def test_a_french_client_writing_a_summary_writes_the_english_record(editor_api, issue):
    position = PositionFactory(
        issue=issue, summary="Wants 85%.", summary_fr="Veut 85 %.", state="draft", published_at=None
    )
    url = f"/api/v1/positions/{position.pk}/"
    etag = editor_api.get(url, HTTP_ACCEPT_LANGUAGE="fr")["ETag"]
    response = editor_api.patch(
        url, {"summary": "Wants 75%."}, format="json", HTTP_ACCEPT_LANGUAGE="fr", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 200, response.content
    position = Position.objects.get(pk=position.pk)
    assert (position.summary_en, position.summary_fr) == ("Wants 75%.", "Veut 85 %.")
    assert Position.objects.filter(summary="Wants 75%.").exists()  # the English column


def test_html_urls_link_to_the_page_in_the_language_asked_for_whatever_came_before(client, issue):
    # The route of each link is worked out once per process: it was once per process
    # whatever the language, so after a French request English clients got /fr/ pages.
    french = client.get("/api/v1/issues/rules-of-origin/", HTTP_ACCEPT_LANGUAGE="fr").json()
    english = client.get("/api/v1/issues/rules-of-origin/").json()
    spanish = client.get("/api/v1/issues/", HTTP_ACCEPT_LANGUAGE="es").json()["results"][0]
    assert french["html_url"] == "http://testserver/fr/issues/rules-of-origin/"
    assert english["html_url"] == "http://testserver/issues/rules-of-origin/"
    assert spanish["html_url"] == "http://testserver/es/issues/rules-of-origin/"
    assert english["url"] == french["url"] == "http://testserver/api/v1/issues/rules-of-origin/"
