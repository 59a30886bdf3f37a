"""How long a statement's text may be, and why.

PostgreSQL's full-text search (``to_tsvector``, which the statement search index and
search queries compute from ``text``) refuses a document whose vector exceeds 1 MB:
``string is too long for tsvector``. A quote near 1 MB of text reached it and the API
answered 500. The longest statement in the NAFTA data is under 1,000 characters;
100,000 characters (a long speech, at most 400 kB in UTF-8) stays well under the vector
limit on every database and leaves room for any real quote.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

STATEMENT_TEXT_MAX_CHARS = 100_000


def validate_statement_text_length(value: str) -> None:
    if len(value) > STATEMENT_TEXT_MAX_CHARS:
        raise ValidationError(
            _(
                "A statement's text may be at most %(limit)s characters long (this one has %(length)s), "
                "the most the search index can hold; split a longer text into several statements."
            ),
            code="max_length",
            params={"limit": f"{STATEMENT_TEXT_MAX_CHARS:,}", "length": f"{len(value):,}"},
        )


# The code its errors carry, read by the API schema (EditableViewSet.domain_error_codes).
validate_statement_text_length.code = "max_length"
