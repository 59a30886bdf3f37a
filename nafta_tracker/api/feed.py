"""The change feed's cursor: pages of a list ordered by change time that neither skip nor repeat rows.

With ``?ordering=updated_at`` a list is a feed: oldest change first, paged by a cursor
(``?cursor=``, taken from the ``next`` link) rather than by page number. The cursor holds
the last row's (change time, id): the next page starts strictly after it, so a row that
changes while a client pages through moves to the end, where the client meets it once
more with its new content, and no row slides back over a page boundary as it would
with page numbers (where a row changed on page 1 shifts every later row down by one:
one row is missed).

A feed only serves changes older than ``API_FEED_SETTLE_SECONDS``. A row's change time
is set when it is saved, not when its transaction commits; a write request is one
transaction (``nafta_tracker.transactions``) that may run until gunicorn's timeout
(30 s), and a read replica lags behind the primary. A change that became visible only
after a client's cursor had passed its time would be skipped for good; held back until
it has settled, it is served in order.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError

FEED_ORDERING = "updated_at"
CURSOR_PARAM = "cursor"


def settle_cutoff() -> datetime.datetime:
    """Changes at or after this moment are not served yet (see the module's docstring)."""
    return timezone.now() - datetime.timedelta(seconds=settings.API_FEED_SETTLE_SECONDS)


def encode_cursor(values: tuple[Any, ...]) -> str:
    plain = [value.isoformat() if isinstance(value, datetime.datetime) else value for value in values]
    return base64.urlsafe_b64encode(json.dumps(plain, separators=(",", ":")).encode()).decode().rstrip("=")


def _invalid() -> ValidationError:
    return ValidationError({CURSOR_PARAM: [_("Not a cursor this list gave: use the next link as it is.")]})


def decode_cursor(raw: str, types: tuple[type, ...]) -> tuple[Any, ...]:
    """The values ``encode_cursor`` was given, checked against ``types``; a 400 naming ``cursor`` otherwise."""
    try:
        values = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    except (ValueError, binascii.Error):
        raise _invalid() from None
    if not isinstance(values, list) or len(values) != len(types):
        raise _invalid()
    decoded: list[Any] = []
    for value, kind in zip(values, types, strict=True):
        if kind is datetime.datetime:
            try:
                moment = datetime.datetime.fromisoformat(value) if isinstance(value, str) else None
            except ValueError:
                moment = None
            if moment is None or timezone.is_naive(moment):
                raise _invalid()
            try:
                decoded.append(moment.astimezone(datetime.UTC))
            except OverflowError:  # the edge of year 1 or 9999 has no UTC equivalent
                raise _invalid() from None
        elif isinstance(value, kind) and not isinstance(value, bool):
            if kind is int and not -(2**63) <= value < 2**63:  # what the database's bigint holds
                raise _invalid()
            decoded.append(value)
        else:
            raise _invalid()
    return tuple(decoded)


def after(fields: tuple[str, ...], values: tuple[Any, ...]) -> Q:
    """Rows whose ``fields`` come strictly after ``values`` in lexicographic order."""
    condition = Q()
    for index in reversed(range(len(fields))):
        step = Q(**{f"{fields[index]}__gt": values[index]})
        condition = step if index == len(fields) - 1 else step | (Q(**{fields[index]: values[index]}) & condition)
    return condition


def feed_page(queryset: models.QuerySet, key: tuple[str, ...], raw_cursor: str | None) -> models.QuerySet:
    """``queryset`` as a feed: settled changes only, in ``key`` order, from the cursor on."""
    queryset = queryset.filter(**{f"{key[0]}__lt": settle_cutoff()}).order_by(*key)
    if raw_cursor is None:
        return queryset
    return queryset.filter(after(key, decode_cursor(raw_cursor, (datetime.datetime,) + (int,) * (len(key) - 1))))
