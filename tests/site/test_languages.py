"""The interface speaks English, French and Spanish; the quotes stay as they were said."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_french_and_spanish_pages_are_translated_and_say_so(client, nafta):
    french = client.get("/fr/").content.decode()
    assert '<html lang="fr">' in french
    assert "Où en sont les négociations de l’ALENA" in french
    spanish = client.get("/es/issues/").content.decode()
    assert '<html lang="es">' in spanish
    assert "Los temas en negociación" in spanish
    assert "Posiciones alejadas" in spanish  # status labels too


def test_quotes_stay_in_the_language_they_were_said_in(client, nafta):
    body = client.get("/fr/rounds/round-6-montreal/").content.decode()
    assert "We finally began to discuss some of the core issues" in body  # Lighthizer, in English
    assert "Citation directe" in body


def test_english_stays_at_the_unprefixed_addresses(client, nafta):
    response = client.get(reverse("issues:issue-list"), HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert "Issues under negotiation" in response.content.decode()


def test_the_language_switcher_keeps_the_reader_on_the_same_page_and_query(client, nafta):
    body = client.get("/issues/sunset-clause/?page=1").content.decode()
    assert '<a href="/fr/issues/sunset-clause/?page=1" lang="fr" hreflang="fr">Français</a>' in body
    assert '<a href="/es/issues/sunset-clause/?page=1" lang="es" hreflang="es">Español</a>' in body
    french = client.get("/fr/issues/sunset-clause/").content.decode()
    assert '<a href="/issues/sunset-clause/" lang="en" hreflang="en">English</a>' in french
    assert 'lang="fr" hreflang="fr" aria-current="true"' in french


def test_links_inside_a_french_page_stay_in_french(client, nafta):
    body = client.get("/fr/negotiations/nafta/issues/").content.decode()
    assert 'href="/fr/issues/sunset-clause/"' in body
    assert 'href="/fr/rounds/"' in body


def test_every_shipped_language_has_a_complete_compiled_catalogue():
    for code, _name in settings.LANGUAGES[1:]:
        po = Path(settings.BASE_DIR, "locale", code, "LC_MESSAGES", "django.po")
        mo = po.with_suffix(".mo")
        assert mo.exists(), f"{mo} is missing: run `make messages`"
        assert mo.stat().st_mtime >= po.stat().st_mtime, f"{mo} is older than its .po: run `make messages`"
        text = po.read_text()
        assert 'msgstr ""\n\n' not in text.split("\n\n", 1)[1], f"{po} has untranslated strings"
        assert "#, fuzzy" not in text
