"""Quotes stay in the language they were said in; a translation is shown as one, never as the words said."""

import re

import pytest

from issues import services
from issues.models import PublicationState, StatementTranslation
from tests.factories import IssueFactory, StatementFactory

pytestmark = pytest.mark.django_db

FRENCH = "Nous ne signerons pas un mauvais accord"
ENGLISH = "We will not sign a bad deal"


@pytest.fixture
def french_quote():
    issue = IssueFactory()
    statement = StatementFactory(text=FRENCH, language="fr", issues=[issue])
    services.statement_translation_save(
        translation=StatementTranslation(statement=statement), language="en", text=ENGLISH, note="our translation"
    )
    return statement


def _article(html: str) -> str:
    """The statement's article on a page (the first one)."""
    return re.search(r'<article class="statement.*?</article>', html, re.S).group(0)


def test_a_french_quote_shows_with_lang_fr_and_its_english_translation_labelled_as_a_translation(client, french_quote):
    for url in (french_quote.get_absolute_url(), "/statements/", french_quote.issues.first().get_absolute_url()):
        article = _article(client.get(url).content.decode())
        quote = re.search(r'<blockquote class="statement__words" lang="(\w+)".*?</blockquote>', article, re.S)
        assert quote.group(1) == "fr", url
        assert FRENCH in quote.group(0)
        assert ENGLISH not in quote.group(0)  # the translation is never inside the quote
        translation = re.search(r'<div class="statement__translation">.*?</div>', article, re.S).group(0)
        assert "Translation from French, not the words said" in translation
        assert "our translation" in translation
        assert f'<p class="statement__translation-text" lang="en">{ENGLISH}</p>' in translation
        assert f"“{ENGLISH}" not in article  # not in quotation marks, as if said


def test_an_english_quote_is_marked_english(client):
    statement = StatementFactory(text="We are close")
    article = _article(client.get(statement.get_absolute_url()).content.decode())
    assert '<blockquote class="statement__words" lang="en"' in article
    assert "statement__translation" not in article


def test_a_reader_in_spanish_sees_the_french_words_and_no_english_translation(client, french_quote):
    html = client.get("/es" + french_quote.get_absolute_url()).content.decode()
    article = _article(html)
    assert '<html lang="es"' in html
    assert 'lang="fr"' in article and FRENCH in article
    assert ENGLISH not in article  # only a translation into the reader's language is shown


def test_a_reader_in_english_sees_a_spanish_translation_only_in_spanish(client):
    statement = StatementFactory(text="We will not sign a bad deal", language="en")
    services.statement_translation_save(
        translation=StatementTranslation(statement=statement), language="es", text="No firmaremos un mal acuerdo"
    )
    assert "No firmaremos" not in client.get(statement.get_absolute_url()).content.decode()
    article = _article(client.get("/es" + statement.get_absolute_url()).content.decode())
    assert "Traducción del inglés, no las palabras dichas" in article
    assert '<p class="statement__translation-text" lang="es">No firmaremos un mal acuerdo</p>' in article


def test_drafts_translations_are_never_public(client):
    draft = StatementFactory(text=FRENCH, language="fr", state=PublicationState.DRAFT, published_at=None)
    services.statement_translation_save(translation=StatementTranslation(statement=draft), language="en", text=ENGLISH)
    assert client.get(draft.get_absolute_url()).status_code == 404
    for url in ("/statements/", "/", f"/search/?q={FRENCH.split()[0]}", "/api/v1/statements/"):
        body = client.get(url).content.decode()
        assert ENGLISH not in body, url
    assert client.get(f"/api/v1/statements/{draft.pk}/").status_code == 404


def test_a_search_hit_on_a_spanish_quote_is_marked_spanish(client):
    StatementFactory(text="Es el peor escenario para el tratado", language="es")
    html = client.get("/search/?q=escenario").content.decode()
    assert '<p class="search-hit__excerpt" lang="es">' in html
