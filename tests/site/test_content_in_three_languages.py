"""Issue titles, notes and positions are shown in the reader's language; where no translation
was entered they are shown in English, marked lang="en", and the page says so once."""

import pytest
from django.test import override_settings

from tests.factories import IssueFactory, PositionFactory, StatusAssessmentFactory

pytestmark = pytest.mark.django_db

NOTICE_FR = "Certains textes de cette page ne sont pas encore traduits"


@pytest.fixture
def translated_issue():
    issue = IssueFactory(
        title="Rules of origin",
        title_fr="Règles d’origine",
        slug="rules-of-origin",
        description="How much of a car must be made in the region.",
        description_fr="Quelle part d’une voiture doit être fabriquée dans la région.",
    )
    StatusAssessmentFactory(issue=issue, note="Still far apart on cars.", note_fr="Encore loin sur les voitures.")
    PositionFactory(issue=issue, summary="Wants 85% regional content.", summary_fr="Veut 85 % de contenu régional.")
    return issue


def test_a_french_reader_sees_the_french_title_status_note_and_position(client, translated_issue):
    body = client.get("/fr/issues/rules-of-origin/").content.decode()
    assert "<h1>Règles d’origine</h1>" in body
    assert "<title>Règles d’origine" in body
    assert "Quelle part d’une voiture doit être fabriquée dans la région." in body
    assert "Encore loin sur les voitures." in body
    assert "Veut 85 % de contenu régional." in body
    assert "Rules of origin" not in body
    assert "Still far apart on cars." not in body


def test_an_english_reader_sees_the_english_record(client, translated_issue):
    body = client.get("/issues/rules-of-origin/").content.decode()
    assert "<h1>Rules of origin</h1>" in body
    assert "Still far apart on cars." in body
    assert "Règles" not in body
    assert 'lang="en">Rules of origin' not in body  # English on an English page needs no mark


def test_a_missing_translation_falls_back_to_english_marked_and_noticed_once(client, translated_issue):
    StatusAssessmentFactory(issue=translated_issue, note="Agreed on steel.")  # no French
    body = client.get("/fr/issues/rules-of-origin/").content.decode()
    assert '<span lang="en">Agreed on steel.</span>' in body
    assert "Encore loin sur les voitures." in body
    assert body.count(NOTICE_FR) == 1
    spanish = client.get("/es/issues/rules-of-origin/").content.decode()
    assert '<h1><span lang="en">Rules of origin</span></h1>' in spanish
    assert "Algunos textos de esta página aún no están traducidos" in spanish


def test_the_issue_board_shows_french_titles(client, translated_issue):
    body = client.get("/fr/issues/").content.decode()
    assert "Règles d’origine" in body


@override_settings(RESPONSE_CACHE_SECONDS=600)
def test_the_page_cache_never_serves_a_page_in_the_wrong_language(client, translated_issue):
    from django.core.cache import cache

    cache.clear()
    for _ in range(2):  # the second round comes from the cache
        assert "<h1>Rules of origin</h1>" in client.get("/issues/rules-of-origin/").content.decode()
        assert "<h1>Règles d’origine</h1>" in client.get("/fr/issues/rules-of-origin/").content.decode()
