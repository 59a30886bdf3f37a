"""Friendly error pages: a 404 that offers a way on, a 500 that needs nothing to render."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_an_unknown_address_gets_a_friendly_404_with_search_and_links(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "We could not find that page" in body
    assert 'role="search"' in body
    assert 'href="/issues/"' in body


def test_the_404_speaks_the_reader_language(client):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    assert "Nous n’avons pas trouvé cette page" in response.content.decode()


def test_the_500_page_renders_without_database_or_context():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body
    assert 'href="/"' in body
