"""Highlighted excerpts of statements for search results, safe to put in HTML.

Statement text is whatever an editor typed, so it may contain ``<script>`` or other
HTML-like input. Both paths below escape the text first and only then add ``<mark>``
elements around the matches, so nothing from the database is ever trusted as markup.

On PostgreSQL the excerpt comes from ``ts_headline`` (``StatementQuerySet.search_results``
annotates ``search_headline``), which follows the same stemming as the search itself.
On SQLite it is made here, marking every occurrence of each query word, as the
word-by-word fallback search matches them.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Private-use characters: they never occur in real text, and escaping leaves them alone.
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_STOP = "\ue001"
ELLIPSIS = "…"

EXCERPT_WORDS = 45  # about what ts_headline returns with MaxWords=45
WORDS_BEFORE_MATCH = 10

_MARKED = re.compile(f"{HIGHLIGHT_START}(.*?){HIGHLIGHT_STOP}", re.DOTALL)
_SENTINELS = re.compile(f"[{HIGHLIGHT_START}{HIGHLIGHT_STOP}]")


def highlighted_excerpt(statement: Any, query: str) -> SafeString:
    """The statement's text, or the part of it that matches ``query``, with matches in ``<mark>``.

    Without a query this is simply the escaped text. An excerpt that leaves out the
    start or the end of the text says so with an ellipsis, so a cut quote never passes
    for the whole one.
    """
    text = _SENTINELS.sub("", statement.text)
    query = (query or "").strip()
    if not query:
        return mark_safe(escape(text))  # noqa: S308 - escaped just above
    headline = getattr(statement, "search_headline", None)
    if headline is not None:
        return from_headline(text, headline)
    return _highlight_words(text, query.split())


def from_headline(text: str, headline: str) -> SafeString:
    """A database headline (matches between the markers) as HTML, with an ellipsis where it cuts ``text``."""
    plain = _SENTINELS.sub("", headline).strip()
    marked = _MARKED.sub(r"<mark>\1</mark>", escape(headline.strip()))
    marked = _SENTINELS.sub("", marked)  # an unpaired marker must not leave half a tag
    full = text.strip()
    prefix = "" if full.startswith(plain) else ELLIPSIS
    suffix = "" if full.endswith(plain) else ELLIPSIS
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308 - built from escaped text


def _highlight_words(text: str, words: list[str]) -> SafeString:
    pattern = re.compile("|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True)), re.IGNORECASE)
    tokens = list(re.finditer(r"\S+", text))
    start, end = 0, len(tokens)
    if len(tokens) > EXCERPT_WORDS:
        first = next((i for i, token in enumerate(tokens) if pattern.search(token.group())), 0)
        start = max(0, min(first - WORDS_BEFORE_MATCH, len(tokens) - EXCERPT_WORDS))
        end = start + EXCERPT_WORDS
    excerpt = text[tokens[start].start() : tokens[end - 1].end()] if tokens else text
    pieces: list[str] = [ELLIPSIS] if start > 0 else []
    position = 0
    for match in pattern.finditer(excerpt):
        pieces.append(escape(excerpt[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(excerpt[position:]))
    if end < len(tokens):
        pieces.append(ELLIPSIS)
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped
