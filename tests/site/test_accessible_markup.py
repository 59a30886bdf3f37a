"""Every page has landmarks, one h1, headings in order, labelled fields, unique ids and a language."""

from html.parser import HTMLParser

import pytest

from tests.site.pages import public_urls

pytestmark = pytest.mark.django_db

FIELDS = {"input", "select", "textarea"}


class Structure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.headings: list[int] = []
        self.ids: list[str] = []
        self.labels: set[str] = set()
        self.fields: list[str] = []
        self.html_lang = None
        self.images_without_alt = 0
        self.in_svg = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "svg":
            self.in_svg += 1
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        if tag in FIELDS and attrs.get("type") not in {"hidden", "submit"}:
            self.fields.append(attrs.get("id", "<no id>"))
        if tag == "img" and "alt" not in attrs:
            self.images_without_alt += 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg -= 1


def test_every_page_has_a_sound_structure(client, nafta):
    for url in public_urls():
        page = Structure()
        page.feed(client.get(url).content.decode())
        assert page.html_lang in {"en", "fr", "es"}, url
        for landmark in ("header", "nav", "main", "footer"):
            assert landmark in page.tags, f"{url}: no <{landmark}>"
        assert page.headings.count(1) == 1, f"{url}: {page.headings.count(1)} h1"
        assert page.headings[0] == 1, url
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"{url}: h{before} followed by h{after}"
        assert sorted(set(page.ids)) == sorted(page.ids), f"{url}: duplicate ids"
        unlabelled = [field for field in page.fields if field not in page.labels]
        assert unlabelled == [], url
        assert page.images_without_alt == 0, url
