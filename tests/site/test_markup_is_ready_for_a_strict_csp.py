"""No inline script or style anywhere, and nothing loaded from another site.

A Content-Security-Policy of default-src 'self' (added in front of the site) must
not break a single page, and the site must work without JavaScript.
"""

import re
from html.parser import HTMLParser

import pytest

from tests.site.pages import public_urls

pytestmark = pytest.mark.django_db


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if name == "style":
                self.problems.append(f"{tag} style=")
            if name in {"href", "src", "action"} and value and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"{tag} {name}=javascript:")
            if (
                tag in {"link", "img", "script", "iframe"}
                and name in {"href", "src"}
                and re.match(r"(https?:)?//", value or "")
                and not (value or "").startswith("http://testserver/")  # this site (hreflang links are absolute)
            ):
                self.problems.append(f"{tag} loads {value}")


def test_no_page_has_inline_script_style_or_third_party_assets(client, nafta):
    for url in public_urls():
        response = client.get(url)
        parser = Collector()
        parser.feed(response.content.decode())
        assert parser.problems == [], url
