"""Editors attach translations under a statement; one in the words' own language is a form error, never a 500."""

import pytest
from django.urls import reverse

from issues import services
from issues.models import StatementTranslation
from tests.admin.helpers import errors_of, form_data
from tests.factories import SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db

PREFIX = "translations"


@pytest.fixture
def logged_in(client, editor):
    client.force_login(editor)
    return client


def _change(client, statement, **changes):
    url = reverse("admin:issues_statement_change", args=[statement.pk])
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, form_data(page, **changes))


def _new_row(language: str, text: str, note: str = "") -> dict[str, str]:
    return {
        f"{PREFIX}-TOTAL_FORMS": "1",
        f"{PREFIX}-0-language": language,
        f"{PREFIX}-0-text": text,
        f"{PREFIX}-0-note": note,
    }


def test_the_statement_form_has_its_language_and_its_translations_labelled_as_translations(logged_in):
    statement = StatementFactory(language="fr", text="Nous avançons")
    html = logged_in.get(reverse("admin:issues_statement_change", args=[statement.pk])).content.decode()
    assert 'name="language"' in html
    assert "Translations of the words (shown as translations, never as the words said)" in html
    assert f'name="{PREFIX}-TOTAL_FORMS"' in html


def test_a_translation_is_attached_under_the_statement(logged_in):
    statement = StatementFactory(language="fr", text="Nous avançons")
    before = statement.updated_at
    response = _change(logged_in, statement, **_new_row("en", "We are moving forward", "our translation"))
    assert response.status_code == 302, errors_of(response)
    translation = StatementTranslation.objects.get(statement=statement)
    assert (translation.language, translation.text, translation.note) == (
        "en",
        "We are moving forward",
        "our translation",
    )
    statement.refresh_from_db()
    assert statement.updated_at > before  # the statement shows it: its page and ETag move with it


def test_a_translation_in_the_statements_own_language_is_a_form_error(logged_in):
    statement = StatementFactory(language="fr", text="Nous avançons")
    response = _change(logged_in, statement, **_new_row("fr", "Nous progressons"))
    assert response.status_code == 200
    errors = errors_of(response)
    assert any("The words are in French already" in message for message in errors[f"{PREFIX}-0-language"]), errors
    assert not StatementTranslation.objects.exists()


def test_a_new_statement_cannot_carry_a_translation_into_its_own_language(logged_in):
    page = logged_in.get(reverse("admin:issues_statement_add"))
    assert page.status_code == 200
    data = form_data(
        page,
        source=str(SourceFactory().pk),
        kind="quote",
        text="Nous avançons",
        language="fr",
        tone="neutral",
        attribution="a Canadian official",
        date="2018-01-29",
        date_precision="day",
        **_new_row("fr", "Nous progressons"),
    )
    response = logged_in.post(reverse("admin:issues_statement_add"), data)
    assert response.status_code == 200
    assert f"{PREFIX}-0-language" in errors_of(response)


def test_two_translations_into_one_language_are_a_form_error(logged_in):
    statement = StatementFactory(language="fr", text="Nous avançons")
    rows = {
        f"{PREFIX}-TOTAL_FORMS": "2",
        **{f"{PREFIX}-{i}-{name}": value for i in (0, 1) for name, value in (("language", "en"), ("note", ""))},
        f"{PREFIX}-0-text": "We are moving forward",
        f"{PREFIX}-1-text": "We are progressing",
    }
    response = _change(logged_in, statement, **rows)
    assert response.status_code == 200
    assert errors_of(response)
    assert not StatementTranslation.objects.exists()


def test_the_words_cannot_move_into_the_language_of_a_translation(logged_in):
    statement = StatementFactory(language="fr", text="Nous avançons")
    services.statement_translation_save(
        translation=StatementTranslation(statement=statement), language="en", text="We are moving forward"
    )
    response = _change(logged_in, statement, language="en")
    assert response.status_code == 200
    assert any("A translation into English is attached" in m for m in errors_of(response)["language"])
    statement.refresh_from_db()
    assert statement.language == "fr"
