"""The search finds the record's translated texts: a French or Spanish word leads to the issue."""

import re

import pytest

from tests.factories import IssueFactory, PositionFactory

pytestmark = pytest.mark.django_db


def hit_links(body: str, kind: str = "issues") -> list[str]:
    section = body.split(f'id="results-{kind}"', 1)[1].split("<h2", 1)[0] if f'id="results-{kind}"' in body else ""
    return re.findall(r'<p class="search-hit__title"><a href="([^"]*)"', section)


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        ("/fr", "temporisation"),  # the French title: « Clause de temporisation et examen périodique »
        ("/fr", "clause de caducité"),  # the other French name, in the description
        ("/es", "cláusula de extinción y revisión periódica"),  # the Spanish title
        ("/es", "caducidad"),  # the name the Mexican press used, in the description
        ("", "sunset"),
    ],
)
def test_the_sunset_clause_is_found_by_its_name_in_each_language(client, nafta, prefix, words):
    body = client.get(f"{prefix}/search/", {"q": words}).content.decode()
    assert hit_links(body)[0] == f"{prefix}/issues/sunset-clause/"


def test_a_french_reader_sees_the_french_title_in_the_hits(client, nafta):
    body = client.get("/fr/search/", {"q": "temporisation"}).content.decode()
    assert "Clause de temporisation et examen périodique" in body


def test_a_translated_position_is_found_by_its_translation(client):
    issue = IssueFactory(title="Seasonal produce", title_fr="Produits saisonniers")
    position = PositionFactory(
        issue=issue, summary="Wants a seasonal trigger.", summary_fr="Veut un déclencheur saisonnier."
    )
    body = client.get("/fr/search/", {"q": "déclencheur"}).content.decode()
    assert hit_links(body, "positions") == [f"/fr{position.get_absolute_url()}".replace("/fr/fr/", "/fr/")]


def test_a_word_in_no_language_of_the_record_finds_nothing(client, nafta):
    body = client.get("/fr/search/", {"q": "zzyzxquux"}).content.decode()
    assert hit_links(body) == []
