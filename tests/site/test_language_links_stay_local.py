"""Language links and hreflang tags always point into this site, whatever path was asked for."""

import re

import pytest

pytestmark = pytest.mark.django_db


def language_hrefs(body: str) -> list[str]:
    """The language links' targets as paths; hreflang <link>s must be absolute URLs on this host."""
    links = re.findall(r'<link rel="alternate" hreflang="[a-z-]+" href="([^"]*)"', body)
    anchors = re.findall(r'<a href="([^"]*)" lang="[a-z]+" hreflang=', body)
    assert links and anchors
    for link in links:
        assert link.startswith("http://testserver/"), link
    return [link.removeprefix("http://testserver") for link in links] + anchors


def test_hreflang_links_are_absolute_urls_with_a_default(client):
    """Search engines ignore relative hreflang alternates (and want an x-default)."""
    body = client.get("/fr/issues/?page=1").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://testserver/issues/?page=1">' in body
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/issues/?page=1">' in body
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/issues/?page=1">' in body


@pytest.mark.parametrize(
    "path", ["//evil.example/", "///evil.example/issues/", "/\\evil.example/", "//evil.example/issues/", "//"]
)
def test_a_path_that_looks_like_another_host_gets_language_links_to_a_local_path(client, path):
    # The test client would parse "//evil.example/" as a host; a real server passes it on as the path.
    response = client.get("/", PATH_INFO=path, QUERY_STRING="q=1")
    for href in language_hrefs(response.content.decode()):
        assert href.startswith("/") and not href.startswith(("//", "/\\")), href
        assert "evil.example/fr" not in href and "evil.example/es" not in href


def test_ordinary_pages_keep_their_language_links(client):
    body = client.get("/issues/?page=1").content.decode()
    assert '<a href="/fr/issues/?page=1" lang="fr" hreflang="fr">' in body
