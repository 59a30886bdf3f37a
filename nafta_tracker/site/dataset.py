"""The whole public data set in one download: a zip of one JSON and one CSV file per kind, with a README.

Researchers and newsrooms paged through the API 500 rows at a time. ``/api/v1/dataset.zip``
holds every public object of every resource the API lists (the router's, tombstones
aside), each file exactly what the anonymous list gives: JSON as the list's ``results``,
CSV as ``?format=csv`` gives it where the resource has a CSV form, else the JSON flattened
(``speaker.name``; lists of values joined by ``; ``, lists of objects as JSON text), with
the same protection against spreadsheet formulas. README.md names every file's columns,
from the serializers' own descriptions, and its row count.

Built on the first request after a public change (or of the day: milestones count the days
left) and kept in the cache under the state it was built from: the latest public change
(``nafta_tracker.freshness.public_data_changed_at``), today's date and the build, as the
pages' ETag. Repeated downloads are served from the cache; publishing makes the next
request build it afresh, and every app server agrees on its ETag. Labels are English
whatever the request's language: one URL, one file.
"""

from __future__ import annotations

import copy
import csv
import datetime
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpRequest, QueryDict
from django.utils import timezone, translation
from rest_framework import serializers
from rest_framework.request import Request

from nafta_tracker.api.renderers import CSVRenderer, neutralise
from nafta_tracker.freshness import EPOCH, build_fingerprint, public_data_changed_at

#: Bump when the files' layout changes, so that no cached copy of the old layout is served.
FORMAT_VERSION = "1"
#: How long a built file stays cached; a public change replaces it sooner (its key moves).
CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Dataset:
    content: bytes
    etag: str
    last_modified: datetime.datetime


def version() -> tuple[str, datetime.datetime, datetime.datetime]:
    """(ETag, Last-Modified, latest public change) of the data set as it would be built now: one query.

    Today's date (UTC) is part of it, as of every page's validators (``nafta_tracker.freshness``):
    the milestones' ``days_left`` and ``is_upcoming`` change at midnight with no data changing,
    and a copy built yesterday must not be served, nor answered with a 304, today.
    """
    changed = public_data_changed_at() or EPOCH
    midnight = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    token = "|".join(["dataset", FORMAT_VERSION, changed.isoformat(), midnight.date().isoformat(), build_fingerprint()])
    return '"' + hashlib.sha256(token.encode()).hexdigest()[:32] + '"', max(changed, midnight), changed


def dataset(request: HttpRequest, kinds: dict[str, type]) -> Dataset:
    """The zip for ``kinds`` (name -> viewset), from the cache or built now (once a day and per public change)."""
    etag, last_modified, changed = version()
    key = "dataset:" + request.get_host() + ":" + etag.strip('"')  # URLs inside the files name the host
    content = cache.get(key)
    if content is None:
        content = build(request, kinds, changed)
        cache.set(key, content, CACHE_SECONDS)
    return Dataset(content=content, etag=etag, last_modified=last_modified)


def _anonymous(request: HttpRequest) -> Request:
    """The request as an anonymous client with no query string would send it: public rows only."""
    plain = copy.copy(request)
    plain.GET = QueryDict()
    plain.user = AnonymousUser()
    return Request(plain, authenticators=())


def _rows(viewset_class: type, request: HttpRequest, *, as_csv: bool) -> tuple[list[dict], Any]:
    view = viewset_class()
    view.request = _anonymous(request)
    view.args, view.kwargs, view.format_kwarg, view.action = (), {}, None, "list"
    if as_csv:
        view.request.accepted_renderer = CSVRenderer()
    queryset = view.filter_queryset(view.get_queryset())
    # As the API answers ?format=csv: from the view's CSV row reader where it has one (its
    # queryset then leaves out what only the serializer reads), else from the serializer.
    # The serializer's fields name and describe the columns either way.
    reader = view.get_row_reader()
    if reader is not None:
        return reader.represent(list(reader.select(queryset))), view.get_serializer()
    serializer = view.get_serializer(queryset, many=True)
    return list(serializer.data), serializer.child


def flatten(row: dict, prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in row.items():
        column = f"{prefix}{name}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{column}."))
        elif isinstance(value, list):
            if all(not isinstance(item, dict | list) for item in value):
                flat[column] = "; ".join("" if item is None else str(item) for item in value)
            else:
                flat[column] = json.dumps(value, ensure_ascii=False)
        else:
            flat[column] = value
    return flat


def _csv(rows: list[dict], header: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(row.get(column)) for column in header])
    return buffer.getvalue().encode("utf-8")


def _columns(rows: list[dict], serializer: serializers.Serializer) -> list[str]:
    """Every column any row has, in the serializer's order (a null object has none of its own)."""
    seen: dict[str, None] = {}
    for row in rows or [dict.fromkeys(serializer.fields)]:
        seen.update(dict.fromkeys(row))
    # A nested object that is null in some rows (an official without a party) leaves its bare
    # name there; its columns are the dotted ones, empty in those rows.
    return [column for column in seen if not any(other.startswith(column + ".") for other in seen)]


#: Descriptions of the columns every kind has, which their fields do not describe themselves.
COMMON_COLUMNS = {
    "url": "Its URL in the API.",
    "html_url": "Its page on the public site.",
    "slug": "Its key in URLs.",
    "id": "Its key in URLs.",
    "updated_at": "When it last changed (UTC).",
}


def describe(serializer: serializers.Serializer, column: str) -> str:
    """The description of a (dotted) column, from the fields' help texts and labels."""
    field: Any = serializer
    words = []
    for part in column.split("."):
        fields = getattr(getattr(field, "child", field), "fields", {})
        if part not in fields:
            break
        field = fields[part]
        words.append(str(field.help_text or COMMON_COLUMNS.get(part) or field.label or part))
    return " — ".join(words)


def build(request: HttpRequest, kinds: dict[str, type], changed: datetime.datetime) -> bytes:
    stamp = max(changed.astimezone(datetime.UTC).timetuple()[:6], (1980, 1, 1, 0, 0, 0))  # zip time starts in 1980
    files: dict[str, bytes] = {}
    readme = [
        "# nafta-tracker: the public data set",
        "",
        f"Every public object as of {changed.isoformat()} (the latest public change), one JSON and one",
        "CSV file per kind. JSON: each file is a list of the objects as the API's list gives them",
        "(`/api/v1/<kind>/`). CSV: the same rows, as `?format=csv` gives them where the API has a",
        "CSV form, otherwise flattened (`speaker.name`; lists of values joined by `; `; lists of",
        "objects as JSON text). Cells a spreadsheet would read as a formula start with `'`.",
        "Dates are ISO 8601, times UTC. Drafts are never included.",
        "",
    ]
    with translation.override("en"):
        for name, viewset_class in kinds.items():
            rows, serializer = _rows(viewset_class, request, as_csv=False)
            files[f"{name}.json"] = json.dumps(rows, ensure_ascii=False, indent=1, default=str).encode("utf-8")
            if getattr(viewset_class, "csv_serializer_class", None):
                csv_rows, csv_serializer = _rows(viewset_class, request, as_csv=True)
                header = list(csv_serializer.fields)
            else:
                csv_rows, csv_serializer = [flatten(row) for row in rows], serializer
                header = _columns(csv_rows, serializer)
            files[f"{name}.csv"] = _csv(csv_rows, header)
            readme += [f"## {name} ({len(rows)} rows)", "", f"`{name}.json`, `{name}.csv`. CSV columns:", ""]
            readme += [f"- `{column}`: {describe(csv_serializer, column)}" for column in header]
            readme.append("")
    files = {"README.md": "\n".join(readme).encode("utf-8"), **files}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file_name, content in files.items():
            # A fixed time and order: the same data gives the same bytes on every server.
            info = zipfile.ZipInfo(f"nafta-tracker/{file_name}", date_time=stamp)
            archive.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
