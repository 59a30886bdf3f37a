"""Request bodies the API refuses as client errors: too large, or nested too deep.

The parser is here; the 413 is made by ``nafta_tracker.api.body_errors`` (the error
handler, kept apart: it imports DRF's views, which import the parsers).

Both used to end as a 500 ("Server Error"), which told a client nothing and paged us:

- A body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MB by default; a statement's text
  is at most 100,000 characters) makes Django raise ``RequestDataTooBig`` when DRF
  reads it, outside any parser. It is answered 413 in the API's error shape, with
  the limit in the message.
- Python's JSON decoder recurses once per nesting level; about 1,000 levels of
  ``[`` exceed the interpreter's recursion limit. No document of ours nests more than
  three levels, so a ``RecursionError`` while parsing is a malformed body: 400.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers


class JSONParser(parsers.JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: dict | None = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError(_("JSON parse error - the document is nested too deeply.")) from None
