"""CSV for people who work in spreadsheets (``?format=csv`` or ``Accept: text/csv``).

Written here rather than taken from djangorestframework-csv: that package (last
release 2023) derives its header from the keys it meets, so the columns change with
the data on the page, and it leaves formulas alone. Rows here come from flat CSV
serializers (fixed header), and every cell a spreadsheet would read as a formula
(starting with = + - @, tab or carriage return) is prefixed with a single quote
(OWASP "CSV injection"): statements quote people, and people's words may start with
a minus sign or an equals sign. Text that already starts with quotes before such a
character gets one more, so that ``unneutralise`` (the admin's import) gives back
exactly what was written.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from rest_framework.renderers import BaseRenderer

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(text: str) -> bool:
    """A formula start, or text that would look neutralised (so that ``unneutralise`` undoes exactly)."""
    while text.startswith("'"):
        text = text[1:]
    return text.startswith(FORMULA_STARTS)


def neutralise(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return "'" + text if _needs_quote(text) else text


def unneutralise(text: str) -> str:
    """The text ``neutralise`` was given: an exported file re-imports to the same words."""
    return text[1:] if text.startswith("'") and _needs_quote(text[1:]) else text


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: dict | None = None) -> bytes:
        renderer_context = renderer_context or {}
        response = renderer_context.get("response")
        if isinstance(data, dict) and "results" in data:
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        else:
            rows = [data]
        view = renderer_context.get("view")
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        # No rows still gets the header: a spreadsheet sees the columns, and the answer is a CSV
        # document rather than an empty body (which DRF would send without any Content-Type).
        header = list(rows[0].keys()) if rows else self.header_of(view)
        if header:
            writer.writerow(header)
        for row in rows:
            writer.writerow([neutralise(row.get(column)) for column in header])
        if response is not None:
            name = getattr(view, "basename", None) or "export"
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return buffer.getvalue().encode(self.charset)

    @staticmethod
    def header_of(view: Any) -> list[str]:
        """The columns of the view's (CSV) serializer, for a page without rows."""
        if view is None or not hasattr(view, "get_serializer"):
            return []
        return list(view.get_serializer().fields)
