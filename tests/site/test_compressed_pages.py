"""Pages travel gzipped to browsers that ask (an issue page: 80 KB of HTML, about 15 KB on the
wire). The API's answers stay plain: tests/api/test_if_match.py."""

import gzip

import pytest

pytestmark = pytest.mark.django_db


def test_an_issue_page_is_gzipped_for_a_browser_that_asks(client, nafta):
    response = client.get("/issues/sunset-clause/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert "Sunset clause and periodic review" in html
    assert len(response.content) < len(html.encode()) / 3


def test_a_page_is_plain_for_a_client_that_does_not_ask(client, nafta):
    response = client.get("/")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert b"NAFTA" in response.content
