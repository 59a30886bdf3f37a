"""An Atom feed whose entry summaries are plain text.

Django's ``Atom1Feed`` writes each summary as ``<summary type="html">``: a feed reader
then renders the text as HTML. Our summaries are editors' words (quotes copied from
articles), not markup: a ``<script>``, an ``<img onerror>``, a ``javascript:`` link or an
``<iframe>`` in them reached readers live, and a quote saying "tariffs < 25% & quotas"
was parsed as tags and entities. ``type="text"`` (RFC 4287, section 3.1.1.1) makes the
reader show the characters as written; the XML writer escapes them on the way out.
"""

from __future__ import annotations

from typing import Any

from django.utils.feedgenerator import Atom1Feed


class PlainTextAtom1Feed(Atom1Feed):
    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
