"""The Content-Security-Policy header: strict everywhere, with two narrow exceptions in the admin."""

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import import_export
import pytest
from django.urls import reverse

from issues.models import Statement

pytestmark = pytest.mark.django_db

SITE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def directives(header: str) -> dict[str, list[str]]:
    """The policy as a mapping (django-csp writes directives in no fixed order)."""
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


class InlineCodeFinder(HTMLParser):
    """Collects what a strict policy would block: inline scripts, handlers, styles."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            executable = attributes.get("type", "text/javascript") in ("text/javascript", "module", "")
            self._in_script = executable and "src" not in attributes
        if tag == "style":
            self.found.append("<style> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}={value!r} on <{tag}>")
            if name == "style":
                self.found.append(f"style={value!r} on <{tag}>")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"javascript: URL on <{tag}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.found.append(f"inline <script>: {data.strip()[:60]!r}")


def inline_code(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.found


def test_public_pages_send_the_strict_policy(client, nafta):
    response = client.get(reverse("home"))
    assert directives(response["Content-Security-Policy"]) == directives(SITE_POLICY)


def test_the_site_policy_allows_no_inline_script_no_plugins_and_no_framing(client, nafta):
    policy = directives(client.get(reverse("issues:issue-list"))["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert not any("unsafe" in source for sources in policy.values() for source in sources)


def test_public_pages_hold_no_inline_code(client, nafta):
    statement = Statement.objects.published().first()
    names = ["home", "rounds:round-list", "issues:issue-list", "issues:statement-list", "rounds:milestone-list"]
    for url in [*(reverse(name) for name in names), statement.get_absolute_url(), "/statements/?q=progress"]:
        assert inline_code(client.get(url).content.decode()) == [], url


def test_admin_pages_add_only_inline_style_attributes_and_one_hashed_handler(admin_client):
    policy = directives(admin_client.get("/admin/")["Content-Security-Policy"])
    site = directives(SITE_POLICY)
    assert {name: sources for name, sources in policy.items() if name not in site} == {
        "style-src-attr": ["'unsafe-inline'"],
        "script-src-attr": ["'unsafe-hashes'", "'sha256-wid4zL8fR53ZYy1ljOepzR77Dn6vWUUxuNnnWWBP3I8='"],
    }
    assert {name: sources for name, sources in policy.items() if name in site} == site


def test_the_admin_is_usable_under_the_policy_with_no_inline_script(admin_client, nafta):
    statement = Statement.objects.first()
    pages = [
        "/admin/",
        "/admin/issues/statement/",
        "/admin/issues/statement/add/",
        f"/admin/issues/statement/{statement.pk}/change/",
        f"/admin/issues/statement/{statement.pk}/history/",
        "/admin/rounds/milestone/?q=deadline",
    ]
    for url in pages:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        scripts = [item for item in inline_code(response.content.decode()) if not item.startswith("style=")]
        assert scripts == [], url


def test_the_admin_exception_does_not_leak_to_paths_that_merely_look_alike(client, nafta):
    response = client.get("/administration-of-nothing/")
    assert directives(response["Content-Security-Policy"]) == directives(SITE_POLICY)


def test_the_hashed_handler_is_the_one_django_import_export_ships(settings):
    # If import-export changes its handler, the hash goes stale and "Select all" stops working.
    template = Path(import_export.__file__).parent / "templates/admin/import_export/export.html"
    handlers = re.findall(r'onchange="([^"]+)"', template.read_text())
    assert handlers == ["onSelectToggleChange(event)"]
    digest = base64.b64encode(hashlib.sha256(handlers[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in settings.CSP_PATH_UPDATES["/admin/"]["script-src-attr"]


def test_the_inline_code_finder_finds_what_the_policy_blocks():
    html = (
        '<script>alert(1)</script><script src="/static/a.js"></script>'
        '<script type="application/json">{"data": 1}</script>'
        '<p onclick="go()" style="color: red"><a href="javascript:go()">x</a></p><style>p {}</style>'
    )
    assert len(inline_code(html)) == 5
