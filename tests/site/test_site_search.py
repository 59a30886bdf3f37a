"""One search box finds issues, statements, positions, officials, rounds and sources, grouped and ranked."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    IssueFactory,
    OfficialFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def hit_links(body: str) -> list[str]:
    return re.findall(r'<p class="search-hit__title"><a href="([^"]*)"', body)


def group_titles(body: str) -> list[str]:
    return re.findall(r'<h2 id="results-([a-z]+)">', body)


def test_a_search_for_sunset_leads_to_the_sunset_clause_issue_first(client, nafta):
    body = client.get("/search/", {"q": "sunset"}).content.decode()
    assert hit_links(body)[0] == "/issues/sunset-clause/"
    assert group_titles(body)[0] == "issues"
    assert {"issues", "statements", "positions"} <= set(group_titles(body))
    assert "<mark>Sunset</mark> clause and periodic review" in body


def test_every_kind_is_found_and_grouped(client):
    issue = IssueFactory(title="Dairy supply management", description="Quotas on milk.")
    StatementFactory(text="Our dairy farmers will not pay for this deal.")
    PositionFactory(issue=issue, summary="Open the dairy market to US milk.")
    OfficialFactory(name="Dairy Farmers president", title="Spokesperson", role="stakeholder", party=None)
    RoundFactory(title="", city="Dairyland", summary="Talks on dairy tariffs.")
    StatementFactory(source=SourceFactory(outlet="Farm Wire", title="Dairy deal near"))
    body = client.get("/search/", {"q": "dairy"}).content.decode()
    assert group_titles(body) == ["issues", "statements", "positions", "officials", "rounds", "sources"]


def test_word_forms_match_and_every_word_must_appear(client):
    StatementFactory(text="The negotiators negotiated late into the night.")
    StatementFactory(text="Negotiations on autos stalled.")

    def statements_found(query: str) -> int:
        body = client.get("/search/", {"q": query}).content.decode()
        return len([link for link in hit_links(body) if link.startswith("/statements/")])

    assert statements_found("negotiate") == 2
    assert statements_found("negotiate autos") == 1


def test_drafts_never_appear(client):
    StatementFactory(text="The quinoa chapter is closed.", state="draft", published_at=None)
    PositionFactory(summary="Quinoa quotas stay.", state="draft", published_at=None)
    body = client.get("/search/", {"q": "quinoa"}).content.decode()
    assert hit_links(body) == []
    assert "Nothing in the record matches." in body


def test_text_from_the_database_is_escaped_and_only_matches_are_marked(client):
    StatementFactory(text='<script>alert("x")</script> the lumber tariffs stay')
    body = client.get("/search/", {"q": "lumber"}).content.decode()
    assert "<script" not in body  # escaped (SQLite), or dropped as a tag by ts_headline (PostgreSQL)
    assert "<mark>lumber</mark>" in body


@pytest.mark.parametrize("query", ["", "   ", '"', "*", "AND OR NOT", "-", "'; DROP TABLE"])
def test_odd_queries_answer_calmly(client, query):
    StatementFactory(text="Some text.")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_the_interface_speaks_french_and_spanish_and_matches_the_english_record(client):
    StatementFactory(text="We reject the sunset clause.")
    french = client.get("/fr/search/", {"q": "sunset"}).content.decode()
    spanish = client.get("/es/search/", {"q": "sunset"}).content.decode()
    assert '<html lang="fr">' in french and "1 résultat pour « sunset »" in french
    assert '<html lang="es">' in spanish and len(hit_links(spanish)) == 1
    assert 'action="/fr/search/"' in french


def test_the_search_box_in_the_header_of_every_page_leads_to_it(client, nafta):
    for path in ("/", "/issues/", "/officials/robert-lighthizer/", "/fr/rounds/"):
        body = client.get(path).content.decode()
        form = re.search(r'<form class="site-search" method="get" action="([^"]*)" role="search"', body)
        assert form, path
        assert form.group(1).endswith("/search/")
        assert 'name="q"' in body


def test_the_old_statement_search_still_works(client):
    StatementFactory(text="The sunset clause is a poison pill.")
    response = client.get("/statements/", {"q": "sunset"})
    assert response.status_code == 200
    assert response.context["paginator"].count == 1


def test_the_number_of_queries_does_not_grow_with_the_hits(client):
    def queries(n: int) -> int:
        StatementFactory.create_batch(n, text="Tariffs on steel remain.")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/search/", {"q": "steel"}).status_code == 200
        return len(captured)

    assert queries(1) == queries(8)


def test_each_kind_counts_every_match_and_shows_the_best_ten(client):
    StatementFactory.create_batch(25, text="Steel tariffs remain in force.")
    body = client.get("/search/", {"q": "steel"}).content.decode()
    assert "25 results for “steel”" in body
    assert '<a href="#results-statements">Statements (25)</a>' in body
    assert len(hit_links(body)) == 10
    assert 'href="/search/?q=steel&amp;kind=statements">All 25 results in Statements' in body


def test_one_kind_pages_through_every_hit(client):
    statements = StatementFactory.create_batch(25, text="Steel tariffs remain in force.")
    first = client.get("/search/", {"q": "steel", "kind": "statements"})
    second = client.get("/search/", {"q": "steel", "kind": "statements", "page": 2})
    assert first.status_code == second.status_code == 200
    first_links, second_links = hit_links(first.content.decode()), hit_links(second.content.decode())
    assert len(first_links) == 20 and len(second_links) == 5
    assert sorted(first_links + second_links) == sorted(f"/statements/{s.pk}/" for s in statements)
    assert "Page 2 of 2" in second.content.decode()
    assert '<ol class="search-hits" start="21">' in second.content.decode()
    assert group_titles(first.content.decode()) == ["statements"]


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "nosuchkind"},
        {"kind": "statements", "page": "0"},
        {"kind": "statements", "page": "-1"},
        {"kind": "statements", "page": "two"},
        {"kind": "statements", "page": "3"},
        {"kind": "statements", "page": "99999999999999999999999"},
    ],
)
def test_an_unknown_kind_or_page_is_not_found(client, params):
    StatementFactory.create_batch(3, text="Steel tariffs remain in force.")
    assert client.get("/search/", {"q": "steel", **params}).status_code == 404


def test_a_kind_without_matches_or_words_answers_its_first_page(client):
    StatementFactory(text="Steel tariffs remain in force.")
    for query in ("nosuchword", "", '"'):
        response = client.get("/search/", {"q": query, "kind": "officials"})
        assert response.status_code == 200
        assert hit_links(response.content.decode()) == []


def test_what_is_published_after_a_search_is_found_by_the_next(client):
    StatementFactory(text="Lumber duties are unfair.")
    assert len(hit_links(client.get("/search/", {"q": "lumber"}).content.decode())) == 1
    StatementFactory(text="Lumber quotas again.")
    assert len(hit_links(client.get("/search/", {"q": "lumber"}).content.decode())) == 2


def test_accented_words_match(client):
    StatementFactory(text="La caducité de l'accord inquiète.")
    assert len(hit_links(client.get("/search/", {"q": "caducité"}).content.decode())) == 1
    if connection.vendor == "sqlite":  # FTS5 removes accents; PostgreSQL's english configuration keeps them
        assert len(hit_links(client.get("/search/", {"q": "caducite"}).content.decode())) == 1


def test_searched_columns_are_declared_one_line_each():
    from issues.site_search import KINDS

    for kind in KINDS:
        for column in kind.searched:
            assert (column.field, column.weight, column.config) == tuple(column)
            assert column.weight in {"A", "B"} and column.config in {"english", "french", "spanish"}
