"""Full-text search of statements: the same results on SQLite and PostgreSQL, with safe highlights."""

import pytest
from django.urls import reverse

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


def search(client, query: str, **filters):
    return client.get(reverse("issues:statement-list"), {"q": query, **filters})


def test_search_finds_the_statements_with_every_word(client, nafta):
    response = search(client, "distance agreement")
    texts = [statement.text for statement in response.context["statement_list"]]
    assert len(texts) >= 2  # Verheul's "quite a distance away", and others of the record
    assert all("distance" in text.lower() and "agreement" in text.lower() for text in texts)
    assert f"{len(texts)} statements match “distance agreement”" in response.content.decode()


def test_matches_are_highlighted(client, nafta):
    body = search(client, "sunset").content.decode()
    assert "<mark>sunset</mark>" in body


def test_statement_text_that_looks_like_html_is_escaped_even_when_highlighted(client):
    StatementFactory(text='<script>alert("x")</script> the sunset clause <img src=x onerror=alert(1)>')
    body = search(client, "sunset").content.decode()
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    # Shown as text, escaped. (PostgreSQL's excerpt drops the <script> tags themselves.)
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "<mark>sunset</mark>" in body


def test_a_long_statement_shows_an_excerpt_around_the_match_marked_as_cut(client):
    words = [f"word{i}" for i in range(120)]
    words[80] = "sunset"
    StatementFactory(text=" ".join(words))
    body = search(client, "sunset").content.decode()
    assert "<mark>sunset</mark>" in body
    assert "“…" in body  # the start is cut, and says so
    assert "word0 " not in body


def test_drafts_are_never_found(client):
    StatementFactory(text="A secret draft about the sunset clause", state="draft", published_at=None)
    response = search(client, "secret")
    assert list(response.context["statement_list"]) == []
    assert "No statement matches." in response.content.decode()


def test_search_combines_with_filters(client, nafta):
    response = search(client, "progress", speaker="robert-lighthizer")
    speakers = {statement.speaker.slug for statement in response.context["statement_list"]}
    assert speakers == {"robert-lighthizer"}
    everyone = search(client, "progress").context["statement_list"]
    assert 1 < len(response.context["statement_list"]) < len(everyone)
